#include "EmbeddedDemoPack.hpp"

extern "C" {
extern const std::uint8_t kiosk_demo_pack_start[];
extern const std::uint8_t kiosk_demo_pack_end[];
}

namespace kiosk::app {

std::span<const std::uint8_t> embeddedDemoPack() {
    return {kiosk_demo_pack_start, static_cast<std::size_t>(kiosk_demo_pack_end - kiosk_demo_pack_start)};
}

} // namespace kiosk::app
