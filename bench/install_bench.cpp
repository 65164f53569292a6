// bench-install [--size MIB] [--dir FOLDER]: the install of a big pack from a "stick" folder
// against a plain `cp` of the same file on the same disk. Prints each stage's time and the
// install's speed as a share of cp's (the goal is at least half). The pack is made on the fly
// (the builder's small test pack plus random-pixel pictures) in FOLDER (default: the system's
// temporary folder), so the stick, the kiosk's data folder and cp's copy share one disk.
#include "TestPacks.hpp"

#include "install/PackInstaller.hpp"
#include "install/PackVerification.hpp"
#include "os/FileStreaming.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/TrustStore.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

constexpr int kRuns = 3;

double secondsOf(const std::function<void()>& work) {
    const auto started = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// The median of kRuns runs; `prepare` runs before each, untimed.
double median(const std::function<void()>& prepare, const std::function<void()>& work) {
    std::vector<double> times;
    for (int run = 0; run < kRuns; ++run) {
        prepare();
        times.push_back(secondsOf(work));
    }
    std::sort(times.begin(), times.end());
    return times[kRuns / 2];
}

void runShell(const std::string& command) {
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("failed: " + command);
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

void printLine(const char* label, double seconds, std::uint64_t bytes) {
    std::printf("  %-44s %7.2f s  %7.1f MB/s\n", label, seconds, static_cast<double>(bytes) / 1e6 / seconds);
}

} // namespace

int main(int argumentCount, char** argumentValues) {
    std::uint64_t sizeMiB = 200;
    std::filesystem::path folder = std::filesystem::temp_directory_path();
    for (int index = 1; index + 1 < argumentCount; index += 2) {
        const std::string option = argumentValues[index];
        if (option == "--size")
            sizeMiB = std::stoull(argumentValues[index + 1]);
        else if (option == "--dir")
            folder = argumentValues[index + 1];
    }
    try {
        std::filesystem::create_directories(folder);
        const ScratchFolder stick("bench-install-stick");
        const ScratchFolder copies("bench-install-cp");
        const TestKey key = makeKey();
        const std::filesystem::path pack = stick.path() / "update.kpack";
        writeFile(pack, smallPack(3));
        growPackWithPictures(pack, sizeMiB * 1024 * 1024);
        signPack(pack, key, kTestPackId, 3);
        const std::uint64_t bytes = std::filesystem::file_size(pack);
        std::printf("install of a %.0f MiB pack (%s), median of %d runs\n", static_cast<double>(bytes) / (1024 * 1024),
                    stick.path().parent_path().c_str(), kRuns);

        // Cold: each run reads the pack from the disk, as from a freshly plugged stick (only
        // this file's cached pages are dropped). Warm: from the page cache.
        const std::filesystem::path copy = copies.path() / "copy.kpack";
        bool cold = true;
        auto prepareCopy = [&] {
            std::filesystem::remove(copy);
            if (cold)
                os::evictFromPageCache(pack);
            else
                runShell("cat " + quoted(pack) + " > /dev/null");
        };
        const double cp = median(prepareCopy, [&] { runShell("cp " + quoted(pack) + " " + quoted(copy)); });
        const double cpSync =
            median(prepareCopy, [&] { runShell("cp " + quoted(pack) + " " + quoted(copy) + " && sync " + quoted(copy)); });
        const double copyStage = median(prepareCopy, [&] {
            os::copyFileDurably(os::CopyRequest{pack, copy, bytes, 4u * 1024 * 1024, {}});
        });
        cold = false;
        const double cpWarm = median(prepareCopy, [&] { runShell("cp " + quoted(pack) + " " + quoted(copy)); });
        const double copyStageWarm = median(prepareCopy, [&] {
            os::copyFileDurably(os::CopyRequest{pack, copy, bytes, 4u * 1024 * 1024, {}});
        });
        cold = true;
        signing::TrustStore trust;
        trust.addTrustedKey(key.pair.publicKey);
        const std::vector<std::uint8_t> signatureFile = readFile(pack.string() + ".sig");
        const signing::PackSignature signature =
            signing::parseSignatureFile(std::string(signatureFile.begin(), signatureFile.end()));
        const text::GlyphCoverage glyphs = text::GlyphCoverage::load(testSettings().fontFiles);
        const double verifyStage = median([] {}, [&] {
            VerificationRequest request;
            request.packFile = copy;
            request.name = "copy.kpack";
            request.glyphs = &glyphs;
            verifySignedPack(request, signature, trust);
        });
        std::unique_ptr<DataFolder> kiosk;
        InstallSnapshot last;
        const double install = median(
            [&] {
                kiosk = std::make_unique<DataFolder>(key);
                kiosk->installDirectly(smallPack(2));
                os::evictFromPageCache(pack);
            },
            [&] {
                InstallRequest request;
                request.stickRoot = stick.path();
                request.dataDirectory = kiosk->root();
                request.settings = testSettings();
                last = runInstall(request);
            });
        if (last.stage != InstallStage::Installed)
            throw std::runtime_error("the install failed: " + last.detail);

        std::printf("source read from the disk (cold):\n");
        printLine("cp", cp, bytes);
        printLine("cp + sync (fsync of the copy)", cpSync, bytes);
        printLine("install: copy to staging/ + fsync", copyStage, bytes);
        printLine("install: everything (copy, checks, switch)", install, bytes);
        std::printf("source in the page cache (warm):\n");
        printLine("cp", cpWarm, bytes);
        printLine("install: copy to staging/ + fsync", copyStageWarm, bytes);
        printLine("install: checks alone (hash, SQLite, every picture)", verifyStage, bytes);
        std::printf("install copy stage vs cp, cold:        %4.0f %%  (goal: at least 50 %%)\n", 100.0 * cp / copyStage);
        std::printf("install copy stage vs cp, warm:        %4.0f %%\n", 100.0 * cpWarm / copyStageWarm);
        std::printf("whole install (with all checks) vs cp, cold: %4.0f %%\n", 100.0 * cp / install);
        std::printf("whole install (with all checks) vs cp + sync, cold: %4.0f %%\n", 100.0 * cpSync / install);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "bench-install: " << error.what() << "\n";
        return 1;
    }
}
