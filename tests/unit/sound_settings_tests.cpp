// Which sound output the kiosk tries, the volume kept across restarts, and the test chime.
#include "audio/SoundDeviceChoice.hpp"
#include "audio/SoundSettings.hpp"
#include "audio/TestChime.hpp"
#include "builder_test_source_tree.hpp"
#include "os/FileSystem.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace kiosk;

namespace {

// A Raspberry Pi 4's outputs, as SDL's ALSA driver lists them.
const std::vector<std::string> kBoardOutputs = {
    "vc4-hdmi-0, MAI PCM i2s-hifi-0", "vc4-hdmi-1, MAI PCM i2s-hifi-0",
    "bcm2835 Headphones, bcm2835 Headphones", "USB Audio Device, USB Audio"};

} // namespace

TEST_CASE(
    "sound device: the configured word picks the outputs that contain it, then the default, then the rest") {
    const std::vector<std::string> order = audio::soundDevicesToTry("headphones", kBoardOutputs);
    REQUIRE(order.size() == 5);
    CHECK(order[0] == kBoardOutputs[2]);
    CHECK(order[1] == audio::kDefaultSoundDevice);
    CHECK(order[2] == kBoardOutputs[0]);
    CHECK(order[4] == kBoardOutputs[3]);

    const std::vector<std::string> hdmi = audio::soundDevicesToTry("HDMI", kBoardOutputs);
    CHECK(hdmi[0] == kBoardOutputs[0]);
    CHECK(hdmi[1] == kBoardOutputs[1]);
    CHECK(hdmi[2] == audio::kDefaultSoundDevice);
}

TEST_CASE(
    "sound device: no word, 'default' or a word nothing matches start with the default, each output once") {
    for (const std::string configured : {"", "default", "Default", "bluetooth"}) {
        CAPTURE(configured);
        const std::vector<std::string> order = audio::soundDevicesToTry(configured, kBoardOutputs);
        REQUIRE(order.size() == kBoardOutputs.size() + 1);
        CHECK(order.front() == audio::kDefaultSoundDevice);
        CHECK(std::vector<std::string>(order.begin() + 1, order.end()) == kBoardOutputs);
    }
    // A driver that lists nothing (SDL's disk and dummy drivers) still has its default.
    CHECK(audio::soundDevicesToTry("USB", {}) == std::vector<std::string>{audio::kDefaultSoundDevice});
    CHECK(audio::soundDeviceMatches("usb", "USB Audio Device"));
    CHECK_FALSE(audio::soundDeviceMatches("usb", "bcm2835 Headphones"));
    CHECK(audio::soundDeviceMatches("", "anything"));
}

TEST_CASE("sound volume: kept in the data folder, the default until set, clamped to 0..100") {
    const builder::test::TemporaryDirectory data;
    CHECK(audio::loadVolumePercent(data.path()) == audio::kDefaultVolumePercent);
    audio::storeVolumePercent(data.path(), 30);
    CHECK(audio::loadVolumePercent(data.path()) == 30);
    audio::storeVolumePercent(data.path(), 0);
    CHECK(audio::loadVolumePercent(data.path()) == 0);
    audio::storeVolumePercent(data.path(), 140);
    CHECK(audio::loadVolumePercent(data.path()) == 100);
    audio::storeVolumePercent(data.path(), -5);
    CHECK(audio::loadVolumePercent(data.path()) == 0);
    // Written atomically: no temporary is left beside it.
    CHECK(std::distance(std::filesystem::directory_iterator(audio::volumeFile(data.path()).parent_path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("sound volume: a damaged, hand-edited or hostile file reads as the default") {
    const builder::test::TemporaryDirectory data;
    const std::filesystem::path file = audio::volumeFile(data.path());
    std::filesystem::create_directories(file.parent_path());
    for (const std::string content :
         {"", "loud", "101", "-1", "50%", "5 0", "99999999999999999999", "\x01\x02"}) {
        CAPTURE(content);
        os::writeFileAtomically(file, content);
        CHECK(audio::loadVolumePercent(data.path()) == audio::kDefaultVolumePercent);
    }
    os::writeFileAtomically(file, std::string("60\n"));
    CHECK(audio::loadVolumePercent(data.path()) == 60);
    // A FIFO in its place is not waited on.
    std::filesystem::remove(file);
    REQUIRE(mkfifo(file.c_str(), 0600) == 0);
    CHECK(audio::loadVolumePercent(data.path()) == audio::kDefaultVolumePercent);
}

TEST_CASE("test chime: a second of two notes at half of full scale, starting and ending quietly") {
    const audio::DecodedAudio chime = audio::testChime();
    CHECK(chime.channels == 1);
    CHECK(chime.sampleRate == audio::kTestChimeSampleRate);
    CHECK(chime.durationMilliseconds() == 1000);
    double squares = 0;
    int peak = 0;
    for (const std::int16_t sample : chime.samples) {
        squares += static_cast<double>(sample) * sample;
        peak = std::max(peak, std::abs(static_cast<int>(sample)));
    }
    const double rms = std::sqrt(squares / static_cast<double>(chime.samples.size()));
    MESSAGE("chime RMS " << rms << ", peak " << peak);
    CHECK(peak <= 16384);
    CHECK(peak > 16000);
    // A sine's RMS is its peak over √2, a little less for the fades.
    CHECK(rms == doctest::Approx(16384 / std::sqrt(2.0)).epsilon(0.05));
    CHECK(std::abs(chime.samples.front()) < 100);
    CHECK(std::abs(chime.samples.back()) < 1000);
}
