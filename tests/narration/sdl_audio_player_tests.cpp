// SdlAudioPlayer on SDL's own test drivers: "disk" writes the frames the device plays to a
// file (so a test can hear what a speaker would), "dummy" consumes them in real time like
// the headless kiosk. The demo pack's synthetic Vietnamese narration is what plays.
#include "SdlAudioPlayer.hpp"
#include "audio/VorbisDecoding.hpp"
#include "audio_test_support.hpp"
#include "builder/SpeechLevel.hpp"
#include "builder_test_source_tree.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <span>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// Each test case runs in its own process (one ctest test each), so the driver chosen here
// is the one SDL starts with.
void useAudioDriver(const char* driver, const std::filesystem::path& diskFile = {}) {
    setenv("SDL_AUDIODRIVER", driver, 1);
    if (!diskFile.empty())
        setenv("SDL_DISKAUDIOFILE", diskFile.c_str(), 1);
}

pack::PackReader openDemoPack() {
    return pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
}

pack::EncodedAudio demoNarration(const pack::PackReader& reader, const std::string& pageId) {
    const pack::AudioClipInfo* narration = reader.index().narrationFor(pageId, "vie");
    REQUIRE(narration != nullptr);
    return reader.loadAudio(narration->audioId);
}

template <typename Condition> bool waitFor(Condition condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

std::vector<std::int16_t> samplesIn(const std::filesystem::path& rawFile) {
    const std::vector<std::uint8_t> bytes = builder::test::readBytes(rawFile);
    std::vector<std::int16_t> samples(bytes.size() / 2);
    for (std::size_t index = 0; index < samples.size(); ++index)
        samples[index] = static_cast<std::int16_t>(bytes[2 * index] | (bytes[2 * index + 1] << 8));
    return samples;
}

} // namespace

TEST_CASE(
    "every Vietnamese page of the demo pack has a synthetic narration, and Vietnamese its spoken name") {
    const pack::PackReader reader = openDemoPack();
    for (const pack::PageSummary& page : reader.index().pages) {
        CAPTURE(page.id);
        const pack::AudioClipInfo* narration = reader.index().narration(page.id, "vie");
        REQUIRE(narration != nullptr);
        CHECK(narration->synthetic);
        CHECK(narration->durationMilliseconds > 30'000);
    }
    // The picker can say "Tiếng Việt".
    REQUIRE(reader.index().spokenName("vie") != nullptr);
    CHECK(reader.index().spokenName("vie")->synthetic);
    CHECK_NOTHROW(reader.validateAllAudio());
}

TEST_CASE(
    "every synthetic recording is levelled: the demo's narrations and the kiosk's own words at -20 dBFS RMS, "
    "peaks below full scale") {
    const pack::PackReader reader = openDemoPack();
    std::vector<std::pair<std::string, audio::DecodedAudio>> recordings;
    for (const pack::PageSummary& page : reader.index().pages)
        for (const char* language : {"vie", "eng"})
            if (const pack::AudioClipInfo* narration = reader.index().narration(page.id, language))
                recordings.emplace_back(
                    page.id + "." + language,
                    audio::decodeVorbis(reader.loadAudio(narration->audioId).bytes, pack::kAudioLimits));
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(KIOSK_ASSET_DIR) / "speech"))
        if (entry.path().extension() == ".ogg")
            recordings.emplace_back(
                entry.path().filename().string(),
                audio::decodeVorbis(os::readWholeFile(entry.path(), 1 << 20), pack::kAudioLimits));
    REQUIRE(recordings.size() >= 20);
    double loudestPeak = -120;
    for (const auto& [name, decoded] : recordings) {
        CAPTURE(name);
        const builder::SpeechLevel level = builder::measureSpeechLevel(decoded.samples);
        loudestPeak = std::max(loudestPeak, level.peakDecibels);
        // Vorbis may overshoot the levelled peak of -1 dBFS a little; it must not reach full scale.
        CHECK(level.peakDecibels < -0.3);
        // Peak-limited words may come out a little under the target; none louder.
        CHECK(level.rmsDecibels <= builder::kSpeechRmsTargetDecibels + 1.0);
        CHECK(level.rmsDecibels >= builder::kSpeechRmsTargetDecibels - 4.0);
    }
    MESSAGE(recordings.size() << " synthetic recordings; the loudest peak " << loudestPeak << " dBFS");
}

TEST_CASE("a narration played on the disk driver produces sound in the file") {
    const builder::test::TemporaryDirectory folder;
    const std::filesystem::path rawFile = folder.path() / "speaker.raw";
    useAudioDriver("disk", rawFile);
    const pack::PackReader reader = openDemoPack();
    const pack::EncodedAudio clip = demoNarration(reader, "p4em");
    const std::int64_t clipId = clip.id;
    {
        platform::SdlAudioPlayer player;
        CHECK(player.status().state == ui::PlaybackState::Idle);
        CHECK(player.framesPlayed() == 0);
        player.play(clip);
        INFO(player.lastError());
        CHECK(player.status().state == ui::PlaybackState::Playing);
        CHECK(player.status().clipId == clipId);
        CHECK(player.status().durationMilliseconds > 30'000);
        // Speech starts within the first second of the narration.
        CHECK(player.waitForAudibleFrames(4000, 5s));
        CHECK(waitFor([&] { return player.status().positionMilliseconds >= 1000; }, 5s));
        CHECK(player.status().progress() > 0.0f);
        CHECK(player.status().progress() < 1.0f);
        player.stop();
        CHECK(player.status().state == ui::PlaybackState::Idle);
        CHECK(player.status().clipId == 0);
    }
    // The device is closed: every frame it played is in the file (16 kHz mono, as opened).
    const std::vector<std::int16_t> samples = samplesIn(rawFile);
    MESSAGE(samples.size() << " samples written by the disk driver");
    CHECK(samples.size() >= 16000);
    CHECK(audio::test::audibleFrames(samples, 1) > 4000);
}

TEST_CASE("pause holds the position and resume continues from it") {
    useAudioDriver("dummy");
    const pack::PackReader reader = openDemoPack();
    platform::SdlAudioPlayer player;
    player.play(demoNarration(reader, "emwg"));
    REQUIRE(player.status().isPlaying());
    REQUIRE(waitFor([&] { return player.status().positionMilliseconds >= 300; }, 5s));
    player.pause();
    CHECK(player.status().state == ui::PlaybackState::Paused);
    const std::int64_t pausedAt = player.status().positionMilliseconds;
    const std::uint64_t framesAtPause = player.framesPlayed();
    std::this_thread::sleep_for(300ms);
    CHECK(player.status().positionMilliseconds == pausedAt);
    CHECK(player.framesPlayed() == framesAtPause);
    player.resume();
    CHECK(player.status().isPlaying());
    CHECK(waitFor([&] { return player.status().positionMilliseconds > pausedAt + 200; }, 5s));
    // resume() while playing and pause() twice change nothing else.
    player.resume();
    CHECK(player.status().isPlaying());
    player.pause();
    player.pause();
    CHECK(player.status().state == ui::PlaybackState::Paused);
}

TEST_CASE("a short sound plays to its end and reports Finished") {
    useAudioDriver("dummy");
    platform::SdlAudioPlayer player;
    player.play(audio::test::makeTone(2, 48000, 250), 77);
    CHECK(player.status().clipId == 77);
    REQUIRE(waitFor([&] { return player.status().state == ui::PlaybackState::Finished; }, 5s));
    CHECK(player.status().positionMilliseconds == 250);
    CHECK(player.status().progress() == 1.0f);
    CHECK(player.framesPlayed() == 12000);
    // Another clip in another format plays on the device reopened for it.
    player.play(audio::test::makeTone(1, 16000, 100), 78);
    REQUIRE(waitFor([&] { return player.status().state == ui::PlaybackState::Finished; }, 5s));
    CHECK(player.framesPlayed() == 12000 + 1600);
    // resume() does not restart a finished clip.
    player.resume();
    CHECK(player.status().state == ui::PlaybackState::Finished);
}

TEST_CASE("a damaged recording fails with a message and the player keeps working") {
    useAudioDriver("dummy");
    platform::SdlAudioPlayer player;
    pack::EncodedAudio garbage;
    garbage.id = 5;
    garbage.name = "vie/broken.ogg";
    garbage.mime = "audio/ogg";
    garbage.bytes = {'O', 'g', 'g', 'S', 0, 2, 0, 0, 1, 2, 3};
    player.play(garbage);
    CHECK(player.status().state == ui::PlaybackState::Failed);
    CHECK(player.status().clipId == 5);
    CHECK(player.lastError().find("cannot play recording 'vie/broken.ogg'") == 0);
    player.pause();
    player.resume();
    CHECK(player.status().state == ui::PlaybackState::Failed);
    player.play(audio::test::makeTone(1, 16000, 100), 6);
    CHECK(player.lastError().empty());
    CHECK(waitFor([&] { return player.status().state == ui::PlaybackState::Finished; }, 5s));
}

TEST_CASE("without a usable sound driver, play fails instead of throwing") {
    useAudioDriver("no-such-driver");
    platform::SdlAudioPlayer player;
    player.play(audio::test::makeTone(1, 16000, 100), 9);
    CHECK(player.status().state == ui::PlaybackState::Failed);
    CHECK_FALSE(player.lastError().empty());
    player.stop();
    CHECK(player.status().state == ui::PlaybackState::Idle);
}

namespace {

double rootMeanSquare(std::span<const std::int16_t> samples) {
    double squares = 0;
    for (const std::int16_t sample : samples)
        squares += static_cast<double>(sample) * sample;
    return samples.empty() ? 0 : std::sqrt(squares / static_cast<double>(samples.size()));
}

// Plays `clip` to its end at `volume` on the disk driver and returns what reached the file.
std::vector<std::int16_t> playedAtVolume(const audio::DecodedAudio& clip, int volume,
                                         const std::filesystem::path& rawFile) {
    useAudioDriver("disk", rawFile);
    {
        platform::SdlAudioPlayer player;
        player.setVolume(volume);
        CHECK(player.volume() == volume);
        player.play(clip, 1);
        REQUIRE(waitFor([&] { return player.status().state == ui::PlaybackState::Finished; }, 5s));
    }
    return samplesIn(rawFile);
}

} // namespace

TEST_CASE("the volume scales what the sound device plays: half the level at 50 %, silence at 0") {
    const builder::test::TemporaryDirectory folder;
    const audio::DecodedAudio tone = audio::test::makeTone(1, 16000, 500);
    const double full = rootMeanSquare(playedAtVolume(tone, 100, folder.path() / "full.raw"));
    const double half = rootMeanSquare(playedAtVolume(tone, 50, folder.path() / "half.raw"));
    const std::vector<std::int16_t> muted = playedAtVolume(tone, 0, folder.path() / "muted.raw");
    MESSAGE("RMS on the disk driver: " << full << " at 100 %, " << half << " at 50 %");
    // The tone's own level: 12000 / √2, diluted by the silence the device plays around it.
    CHECK(full > 3000);
    CHECK(half / full == doctest::Approx(0.5).epsilon(0.02));
    CHECK(muted.size() >= 8000);
    CHECK(audio::test::audibleFrames(muted, 1) == 0);
}

TEST_CASE("a volume change reaches the clip that is playing") {
    useAudioDriver("dummy");
    const pack::PackReader reader = openDemoPack();
    platform::SdlAudioPlayer player;
    player.play(demoNarration(reader, "p4em"));
    REQUIRE(player.waitForAudibleFrames(4000, 5s));
    player.setVolume(0);
    std::this_thread::sleep_for(200ms); // the block already handed over plays out
    const std::uint64_t audibleAtZero = player.audibleFramesPlayed();
    std::this_thread::sleep_for(500ms);
    CHECK(player.audibleFramesPlayed() == audibleAtZero);
    CHECK(player.status().isPlaying());
    player.setVolume(100);
    CHECK(player.waitForAudibleFrames(audibleAtZero + 1000, 5s));
    player.setVolume(250);
    CHECK(player.volume() == 100);
}

TEST_CASE("the device check opens an output before anything plays and names it") {
    useAudioDriver("disk", std::filesystem::temp_directory_path() / "kiosk-device-check.raw");
    // Nothing is called "HDMI" on the disk driver: the default opens instead.
    platform::SdlAudioPlayer player("HDMI");
    const ui::SoundDeviceStatus device = player.checkDevice();
    INFO(device.problem);
    CHECK(device.works);
    CHECK(device.deviceName.find("disk") != std::string::npos);
    CHECK(player.status().state == ui::PlaybackState::Idle);
    // The opened device then plays.
    player.play(audio::test::makeTone(1, 16000, 100), 3);
    CHECK(waitFor([&] { return player.status().state == ui::PlaybackState::Finished; }, 5s));
    CHECK(player.checkDevice().works);
}

TEST_CASE("without a usable sound driver the device check says so, and says why") {
    useAudioDriver("no-such-driver");
    platform::SdlAudioPlayer player;
    const ui::SoundDeviceStatus device = player.checkDevice();
    CHECK_FALSE(device.works);
    CHECK(device.deviceName.empty());
    CHECK(device.problem.find("no-such-driver") != std::string::npos);
}
