#pragma once

#include <cstdint>
#include <span>

namespace kiosk::app {

// The bytes of the demo pack linked into the program (see EmbeddedDemoPack.S.in).
std::span<const std::uint8_t> embeddedDemoPack();

} // namespace kiosk::app
