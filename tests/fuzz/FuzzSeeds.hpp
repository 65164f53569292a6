// Seed inputs for the picture and recording fuzzers: small valid files of each kind the kiosk
// takes, and the hostile ones the project has met (a JPEG scan bomb, a PNG claiming 60000x60000,
// an overflowing Vorbis vendor length, a codebook memory bomb). Made at run time by the
// project's own encoders and crafting helpers, so no binary file needs keeping for them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::install::fuzz {

struct SeedInput {
    std::string name; // a file name: "baseline.jpg"
    std::vector<std::uint8_t> bytes;
};

std::vector<SeedInput> pictureSeeds();
std::vector<SeedInput> recordingSeeds();

} // namespace kiosk::install::fuzz
