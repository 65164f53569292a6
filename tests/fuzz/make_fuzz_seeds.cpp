// make-fuzz-seeds picture|recording FOLDER: writes the seed inputs of one fuzzer
// (FuzzSeeds.hpp) into FOLDER, one file each. tests/fuzz/run-fuzzer calls it.
#include "FuzzSeeds.hpp"

#include "os/FileSystem.hpp"

#include <filesystem>
#include <iostream>
#include <string_view>

using namespace kiosk::install::fuzz;

int main(int argumentCount, char** argumentValues) {
    const std::string_view kind = argumentCount == 3 ? argumentValues[1] : "";
    if (kind != "picture" && kind != "recording") {
        std::cerr << "usage: make-fuzz-seeds picture|recording FOLDER\n";
        return 2;
    }
    try {
        const std::filesystem::path folder = argumentValues[2];
        std::filesystem::create_directories(folder);
        for (const SeedInput& seed : kind == "picture" ? pictureSeeds() : recordingSeeds())
            kiosk::os::writeFileAtomically(folder / seed.name, seed.bytes);
    } catch (const std::exception& error) {
        std::cerr << "make-fuzz-seeds: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
