// bench-worst-allowed FOLDER: the install check and the kiosk's start on the worst pack the
// format allows (tests/install/WorstAllowedPack.hpp, every limit of pack/PackLimits.hpp
// reached). Writes FOLDER/stick/update.kpack (signed) and FOLDER/kiosk-data (trusting its key,
// with an older pack installed), installs it as the kiosk would and prints each stage's time
// and the peak memory. FOLDER/kiosk-data then holds the installed pack, to time the start:
//   /usr/bin/time -v build/bin/kiosk --headless --size 1920x1080 --max-texture-side 2048
//                 --data-dir FOLDER/kiosk-data --script SCRIPT
#include "TestPacks.hpp"
#include "WorstAllowedPack.hpp"

#include "install/PackInstaller.hpp"
#include "pack/PackTextTotal.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <limits>
#include <sys/resource.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peakKibibytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argumentCount, char** argumentValues) {
    if (argumentCount != 2 || std::string_view(argumentValues[1]).starts_with("-")) {
        std::cerr << "usage: bench-worst-allowed FOLDER\n";
        return 2;
    }
    try {
        const std::filesystem::path folder = argumentValues[1];
        const std::filesystem::path pack = folder / "stick" / "update.kpack";
        const DataDirectory data(folder / "kiosk-data");
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(pack.parent_path());

        auto started = std::chrono::steady_clock::now();
        writeWorstAllowedPack(pack, 3);
        const TestKey key = makeKey();
        signPack(pack, key, kTestPackId, 3);
        writeText(data.keysDirectory() / "bench.pub", key.publicKeyFile);
        writeFile(data.currentPack(), smallPack(2));
        const std::uint64_t text =
            pack::storedTextCharacters(db::Database::open(pack, db::Database::Mode::ReadOnly),
                                       std::numeric_limits<std::uint64_t>::max());
        std::printf("made the pack: %.1f MiB, %llu characters of text, in %.1f s (memory so far %ld MiB)\n",
                    static_cast<double>(std::filesystem::file_size(pack)) / (1024 * 1024),
                    static_cast<unsigned long long>(text), secondsSince(started), peakKibibytes() / 1024);

        InstallRequest request;
        request.stickRoot = pack.parent_path();
        request.dataDirectory = data.root();
        request.settings = testSettings();
        request.settings.onStageTimed = [](std::string_view stage, double seconds) {
            if (seconds >= 0.05)
                std::printf("  %-70.*s %7.2f s\n", static_cast<int>(stage.size()), stage.data(), seconds);
        };
        started = std::chrono::steady_clock::now();
        const InstallSnapshot result = runInstall(request);
        std::printf("install: %s (%s) in %.1f s, peak memory %ld MiB\n",
                    result.stage == InstallStage::Installed ? "installed" : "refused",
                    std::string(reasonCode(result.reason)).c_str(), secondsSince(started),
                    peakKibibytes() / 1024);
        if (result.stage != InstallStage::Installed) {
            std::cerr << result.detail << "\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "bench-worst-allowed: " << error.what() << "\n";
        return 1;
    }
}
