// kiosk-pack on someone else's files: a source folder with hostile pictures and recordings
// (the fuzzers' hostile seeds and kept crash inputs), and signed packs holding hostile content
// (the bad-pack corpus). `build` refuses naming the file, `verify` refuses with the reason
// the kiosk gives, `info` answers; none crashes or hangs, and nothing is written on failure.
#include "BadPackCorpus.hpp"
#include "FuzzSeeds.hpp"
#include "TestPacks.hpp"
#include "builder_test_source_tree.hpp"

#include "command_line_test_support.hpp"
#include "install/Reason.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

using builder::test::RunResult;
const auto run = builder::test::runKioskPack;

// The hostile seeds of one fuzzer and the inputs kept from its runs.
std::vector<install::fuzz::SeedInput> hostileInputs(const std::string& target) {
    const std::vector<install::fuzz::SeedInput> seeds =
        target == "picture" ? install::fuzz::pictureSeeds() : install::fuzz::recordingSeeds();
    std::vector<install::fuzz::SeedInput> hostile;
    for (const install::fuzz::SeedInput& seed : seeds)
        if (seed.name.starts_with("claims-") || seed.name.find("120-scans") != std::string::npos ||
            seed.name.find("overflow") != std::string::npos || seed.name.find("bomb") != std::string::npos)
            hostile.push_back(seed);
    const std::filesystem::path kept =
        std::filesystem::path(KIOSK_TEST_SOURCE_DIR) / "tests/fuzz/regressions" / target;
    for (const auto& entry : std::filesystem::directory_iterator(kept))
        hostile.push_back({entry.path().filename().string(), install::test::readFile(entry.path())});
    return hostile;
}

void checkBuildRefuses(const SourceTree& source, const std::string& file) {
    const RunResult result = run({"build", source.root().string(), "-o", source.output().string()});
    INFO(result.errors);
    CHECK(result.exitCode == 1);
    CHECK(result.errors.find(file) != std::string::npos);
    CHECK(std::filesystem::is_empty(source.outputFolder()));
}

} // namespace

TEST_CASE("kiosk-pack build: a hostile picture in the source is refused by its file name") {
    const std::vector<install::fuzz::SeedInput> pictures = hostileInputs("picture");
    REQUIRE(pictures.size() >= 5);
    for (const install::fuzz::SeedInput& picture : pictures) {
        CAPTURE(picture.name);
        const SourceTree source;
        source.writeBytes("images/cover.png", picture.bytes);
        checkBuildRefuses(source, "cover.png");
    }
}

TEST_CASE("kiosk-pack build: a hostile recording in the source is refused by its file name") {
    const std::vector<install::fuzz::SeedInput> recordings = hostileInputs("recording");
    REQUIRE(recordings.size() >= 5);
    for (const install::fuzz::SeedInput& recording : recordings) {
        CAPTURE(recording.name);
        const SourceTree source;
        source.writeBytes("vie/health.ogg", recording.bytes);
        checkBuildRefuses(source, "health.ogg");
    }
}

TEST_CASE("kiosk-pack verify and info on signed packs with hostile content: the kiosk's reason, no crash") {
    const install::test::CorpusKeys keys;
    const install::test::ScratchFolder work("kiosk-pack-hostile");
    const std::filesystem::path trusted = work.path() / "office.pub";
    install::test::writeText(trusted, keys.trusted.publicKeyFile);
    const std::filesystem::path installed = work.path() / "installed.kpack";
    install::test::writeFile(installed, install::test::smallPack(install::test::kInstalledVersion));
    int compared = 0;
    for (const install::test::BadPackCase& badPack : install::test::badPackCases()) {
        const std::string expected(install::reasonCode(badPack.expected));
        // Content reasons only: the others depend on the kiosk's state (versions it had, its
        // revocation list) or on the stick's folders, which verify does not look at.
        const bool aboutContent =
            expected.starts_with("pack-") || expected.starts_with("image-") || expected.starts_with("audio-");
        if (!aboutContent || badPack.prepareKiosk || expected == "pack-not-newer" ||
            expected == "pack-already-installed")
            continue;
        const std::filesystem::path stick = work.path() / badPack.name;
        std::filesystem::create_directories(stick);
        badPack.write(stick, keys, installed);
        std::vector<std::filesystem::path> packs;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(stick))
            if (entry.is_regular_file() && !entry.is_symlink() && entry.path().extension() == ".kpack")
                packs.push_back(entry.path());
        if (packs.size() != 1)
            continue;
        CAPTURE(badPack.name);
        const RunResult verified = run({"verify", packs.front().string(), "--pubkey", trusted.string()});
        INFO(verified.out << verified.errors);
        CHECK(verified.exitCode == 1);
        CHECK(verified.out.starts_with("REFUSED " + expected + ":"));
        const RunResult info = run({"info", packs.front().string()});
        CHECK((info.exitCode == 0 || info.exitCode == 1));
        CHECK(!(info.out + info.errors).empty());
        ++compared;
        std::filesystem::remove_all(stick);
    }
    MESSAGE("signed packs with hostile content verified as the kiosk refuses them: " << compared);
    CHECK(compared >= 20);
}
