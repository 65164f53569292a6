// bench-install [--size MIB] [--dir FOLDER] [--runs N]: the install of a big pack from a "stick"
// folder against a plain `cp` of the same file on the same disk. Prints each stage's time (the
// installer's own stage timings, InstallSettings::onStageTimed) and the whole install's speed as
// a share of cp's (the goal is at least half). The pack is made on the fly (the builder's small
// test pack plus random-pixel pictures) in FOLDER (default: the system's temporary folder), so
// the stick, the kiosk's data folder and cp's copy share one disk.
#include "TestPacks.hpp"

#include "install/PackInstaller.hpp"
#include "install/PackVerification.hpp"
#include "os/FileStreaming.hpp"
#include "signing/ChunkedSha256.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/TrustStore.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <string>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

int runs = 3;

double secondsOf(const std::function<void()>& work) {
    const auto started = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

double medianOf(std::vector<double> times) {
    std::sort(times.begin(), times.end());
    const std::size_t middle = times.size() / 2;
    return times.size() % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
}

// The median of `runs` runs; `prepare` runs before each, untimed.
double median(const std::function<void()>& prepare, const std::function<void()>& work) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        prepare();
        times.push_back(secondsOf(work));
    }
    return medianOf(times);
}

// The installer's stage timings over several runs, in the order the stages first came.
class StageTimes {
  public:
    void add(std::string_view stage, double seconds) {
        const std::string name(stage);
        if (!byStage_.contains(name))
            order_.push_back(name);
        byStage_[name].push_back(seconds);
    }
    void print() const {
        for (const std::string& stage : order_)
            std::printf("    %-62s %7.3f s\n", stage.c_str(), medianOf(byStage_.at(stage)));
    }

  private:
    std::vector<std::string> order_;
    std::map<std::string, std::vector<double>> byStage_;
};

void runShell(const std::string& command) {
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("failed: " + command);
}

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

void printLine(const char* label, double seconds, std::uint64_t bytes) {
    std::printf("  %-60s %6.3f s  %7.1f MB/s\n", label, seconds, static_cast<double>(bytes) / 1e6 / seconds);
}

os::CopyRequest copyRequest(const std::filesystem::path& source, const std::filesystem::path& destination,
                            std::uint64_t bytes) {
    os::CopyRequest request;
    request.source = source;
    request.destination = destination;
    request.expectedBytes = bytes;
    request.chunkBytes = 4u * 1024 * 1024; // the installer's
    return request;
}

double processSeconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// --checks-only: the checks after the copy alone, `runs` times, with their stage times and
// the CPU time they use (less at the mercy of other work on the machine than wall time).
int profileChecks(const std::filesystem::path& pack, std::uint64_t bytes, const TestKey& key) {
    const ScratchFolder copies("bench-install-checks");
    const std::filesystem::path copy = copies.path() / "copy.kpack";
    os::copyFileDurably(copyRequest(pack, copy, bytes));
    signing::TrustStore trust;
    trust.addTrustedKey(key.pair.publicKey);
    const std::vector<std::uint8_t> signatureFile = readFile(pack.string() + ".sig");
    const signing::PackSignature signature =
        signing::parseSignatureFile(std::string(signatureFile.begin(), signatureFile.end()));
    const text::GlyphCoverage glyphs = text::GlyphCoverage::load(testSettings().fontFiles);
    StageTimes stages;
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int run = 0; run < runs; ++run) {
        VerificationRequest request;
        request.packFile = copy;
        request.name = "copy.kpack";
        request.glyphs = &glyphs;
        request.hashOfWrittenFile = signature.fields.chunkedSha256;
        request.onStageTimed = [&](std::string_view stage, double seconds) { stages.add(stage, seconds); };
        const double cpuBefore = processSeconds();
        wall.push_back(secondsOf([&] { verifySignedPack(request, signature, trust); }));
        cpu.push_back(processSeconds() - cpuBefore);
    }
    std::printf("checks after the copy: %.3f s wall, %.3f s CPU (medians of %d)\n", medianOf(wall),
                medianOf(cpu), runs);
    stages.print();
    return 0;
}

} // namespace

int main(int argumentCount, char** argumentValues) {
    std::uint64_t sizeMiB = 200;
    std::filesystem::path folder = std::filesystem::temp_directory_path();
    bool checksOnly = false;
    for (int index = 1; index < argumentCount; index += 2) {
        const std::string option = argumentValues[index];
        if (option == "--checks-only") {
            checksOnly = true;
            --index;
            continue;
        }
        if (index + 1 >= argumentCount)
            break;
        if (option == "--size")
            sizeMiB = std::stoull(argumentValues[index + 1]);
        else if (option == "--dir")
            folder = argumentValues[index + 1];
        else if (option == "--runs")
            runs = std::max(1, std::stoi(argumentValues[index + 1]));
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
        std::printf("install of a %.0f MiB pack (%s), median of %d runs\n",
                    static_cast<double>(bytes) / (1024 * 1024), stick.path().parent_path().c_str(), runs);

        if (checksOnly)
            return profileChecks(pack, bytes, key);

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
        const double cpSync = median(prepareCopy, [&] {
            runShell("cp " + quoted(pack) + " " + quoted(copy) + " && sync " + quoted(copy));
        });
        const auto plainCopy = [&] { os::copyFileDurably(copyRequest(pack, copy, bytes)); };
        // As the installer copies: the copy hashed by helper threads that read it back right behind it.
        const auto hashingCopy = [&] {
            signing::ChunkedFileHasher hasher(copy, bytes);
            os::CopyRequest request = copyRequest(pack, copy, bytes);
            request.onProgress = [&](const os::CopyProgress& progress) {
                hasher.bytesWritten(progress.bytesDone);
                return true;
            };
            os::copyFileDurably(request);
            hasher.finishHex();
        };
        const double copyStage = median(prepareCopy, plainCopy);
        const double copyHashStage = median(prepareCopy, hashingCopy);
        cold = false;
        const double cpWarm =
            median(prepareCopy, [&] { runShell("cp " + quoted(pack) + " " + quoted(copy)); });
        const double copyStageWarm = median(prepareCopy, plainCopy);
        const double copyHashStageWarm = median(prepareCopy, hashingCopy);
        cold = true;
        signing::TrustStore trust;
        trust.addTrustedKey(key.pair.publicKey);
        const std::vector<std::uint8_t> signatureFile = readFile(pack.string() + ".sig");
        const signing::PackSignature signature =
            signing::parseSignatureFile(std::string(signatureFile.begin(), signatureFile.end()));
        const text::GlyphCoverage glyphs = text::GlyphCoverage::load(testSettings().fontFiles);
        // What the installer runs after its copy (the hash is known from the copy), and what
        // `kiosk-pack verify` runs (reading the file back to hash it).
        auto verify = [&](bool hashKnown) {
            VerificationRequest request;
            request.packFile = copy;
            request.name = "copy.kpack";
            request.glyphs = &glyphs;
            if (hashKnown)
                request.hashOfWrittenFile = signature.fields.chunkedSha256;
            verifySignedPack(request, signature, trust);
        };
        const double checksStage = median([] {}, [&] { verify(true); });
        const double verifyStage = median([] {}, [&] { verify(false); });
        std::unique_ptr<DataFolder> kiosk;
        InstallSnapshot last;
        StageTimes stages;
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
                request.settings.onStageTimed = [&](std::string_view stage, double seconds) {
                    stages.add(stage, seconds);
                };
                last = runInstall(request);
            });
        if (last.stage != InstallStage::Installed)
            throw std::runtime_error("the install failed: " + last.detail);

        std::printf("source read from the disk (cold):\n");
        printLine("cp", cp, bytes);
        printLine("cp + sync (fsync of the copy)", cpSync, bytes);
        printLine("copy to staging/ + fsync", copyStage, bytes);
        printLine("copy to staging/ + its hash + fsync", copyHashStage, bytes);
        printLine("install: everything (copy, checks, switch)", install, bytes);
        std::printf(
            "  the install's stages (medians; the checks run on two threads, their parts overlap):\n");
        stages.print();
        std::printf("source in the page cache (warm):\n");
        printLine("cp", cpWarm, bytes);
        printLine("copy to staging/ + fsync", copyStageWarm, bytes);
        printLine("copy to staging/ + its hash + fsync", copyHashStageWarm, bytes);
        printLine("checks after the copy (SQLite, texts, recordings, pictures)", checksStage, bytes);
        printLine("kiosk-pack verify (reads the file back to hash it)", verifyStage, bytes);
        std::printf("copy stage (with its hash) vs cp, cold:       %4.0f %%\n", 100.0 * cp / copyHashStage);
        std::printf("whole install (with all checks) vs cp, cold:  %4.0f %%  (goal: at least 50 %%)\n",
                    100.0 * cp / install);
        std::printf("whole install (with all checks) vs cp + sync: %4.0f %%\n", 100.0 * cpSync / install);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "bench-install: " << error.what() << "\n";
        return 1;
    }
}
