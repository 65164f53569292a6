// libFuzzer target: one picture from a pack, as the install check and the kiosk read it (see
// FuzzEntry.hpp). Built only with -DKIOSK_FUZZ=ON by clang; tests/fuzz/run-short builds and runs it.
#include "FuzzEntry.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::install::fuzz::explorePictureBytes(std::span<const std::uint8_t>(data, size));
    return 0;
}
