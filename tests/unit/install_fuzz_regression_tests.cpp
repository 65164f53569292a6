// Replays every input kept in tests/fuzz/regressions/<target>/ through that fuzzer's entry
// point: each once crashed, hung or tripped a sanitizer, or is an edge case worth keeping. And
// the seeds the picture and recording fuzzers start from are what their names say.
#include "FuzzEntry.hpp"
#include "FuzzSeeds.hpp"
#include "TestPacks.hpp"

#include "audio/VorbisDecoding.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>
#include <functional>

using namespace kiosk;

namespace {

int replayRegressions(const std::string& target,
                      const std::function<void(std::span<const std::uint8_t>)>& explore) {
    const std::filesystem::path folder =
        std::filesystem::path(KIOSK_TEST_SOURCE_DIR) / "tests/fuzz/regressions" / target;
    int replayed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (!entry.is_regular_file())
            continue;
        CAPTURE(entry.path().filename().string());
        const std::vector<std::uint8_t> bytes = install::test::readFile(entry.path());
        CHECK_NOTHROW(explore(bytes));
        ++replayed;
    }
    return replayed;
}

bool pictureDecodes(const std::vector<std::uint8_t>& bytes) {
    try {
        image::decodeImage(bytes, image::ImageLimits{pack::kMaximumImageSide, 1u << 22});
        return true;
    } catch (const image::ImageError&) {
        return false;
    }
}

bool recordingDecodes(const std::vector<std::uint8_t>& bytes) {
    try {
        audio::decodeVorbis(bytes, pack::kAudioLimits);
        return true;
    } catch (const audio::AudioError&) {
        return false;
    }
}

} // namespace

TEST_CASE("fuzz regressions: every kept pack runs through pack open, page load and decode") {
    CHECK(replayRegressions("pack", install::fuzz::explorePackBytes) >= 3);
}

TEST_CASE("fuzz regressions: every kept picture runs through the header, the check and the decode") {
    CHECK(replayRegressions("picture", install::fuzz::explorePictureBytes) >= 3);
}

TEST_CASE("fuzz regressions: every kept recording runs through the probe, scan, decode and playback") {
    CHECK(replayRegressions("recording", install::fuzz::exploreRecordingBytes) >= 3);
}

TEST_CASE("fuzz entry: a good pack goes all the way through") {
    CHECK_NOTHROW(install::fuzz::explorePackBytes(install::test::smallPack(3)));
}

TEST_CASE("fuzz seeds: the good ones decode, the hostile ones are refused, and each goes through its entry") {
    const auto isHostile = [](const std::string& name) {
        return name.starts_with("claims-") || name.find("120-scans") != std::string::npos ||
               name.find("overflow") != std::string::npos || name.find("bomb") != std::string::npos;
    };
    const std::vector<install::fuzz::SeedInput> pictures = install::fuzz::pictureSeeds();
    CHECK(pictures.size() >= 5);
    for (const install::fuzz::SeedInput& seed : pictures) {
        CAPTURE(seed.name);
        CHECK(pictureDecodes(seed.bytes) == !isHostile(seed.name));
        CHECK_NOTHROW(install::fuzz::explorePictureBytes(seed.bytes));
    }
    const std::vector<install::fuzz::SeedInput> recordings = install::fuzz::recordingSeeds();
    CHECK(recordings.size() >= 4);
    for (const install::fuzz::SeedInput& seed : recordings) {
        CAPTURE(seed.name);
        CHECK(recordingDecodes(seed.bytes) == !isHostile(seed.name));
        CHECK_NOTHROW(install::fuzz::exploreRecordingBytes(seed.bytes));
    }
}
