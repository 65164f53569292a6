// libFuzzer target: pack open + page load + picture decode on arbitrary bytes (see FuzzEntry.hpp).
// Built only with -DKIOSK_FUZZ=ON by clang; tests/fuzz/run-short builds and runs it.
#include "FuzzEntry.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::install::fuzz::explorePackBytes(std::span<const std::uint8_t>(data, size));
    return 0;
}
