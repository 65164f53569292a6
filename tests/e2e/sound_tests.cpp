// The kiosk binary's sound as a villager and a field officer meet it: narration through
// ALSA (the driver the board uses: Raspberry Pi OS Lite runs no sound server), the staff
// view's sound row on SDL's disk driver, and a kiosk without any sound device. What the
// device received is read back from a file and measured, not assumed.
#include "audio/SoundSettings.hpp"
#include "audio/TestChime.hpp"
#include "audio/VorbisDecoding.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <span>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

struct Run {
    int exitCode = -1;
    std::string errorOutput;
};

// A folder of its own per test under the build's e2e output, emptied first.
std::filesystem::path freshFolder(const std::string& name) {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / name;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

Run runKiosk(const std::string& environment, const std::string& arguments,
             const std::filesystem::path& folder) {
    const std::filesystem::path log = folder / "stderr.txt";
    const std::string command =
        "env " + environment + " " + quoted(KIOSK_BINARY) + " " + arguments + " 2> " + quoted(log.string());
    const int status = std::system(command.c_str());
    Run run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.errorOutput = os::readTextFile(log, 1 << 20);
    return run;
}

Run runScript(const std::string& environment, const std::string& script, const std::filesystem::path& data,
              const std::filesystem::path& folder, const std::string& extra = "") {
    return runKiosk(environment,
                    "--headless --data-dir " + quoted(data.string()) + " --script " +
                        quoted(std::string(KIOSK_E2E_SCRIPTS) + "/" + script) + " --shot-dir " +
                        quoted(folder.string()) + " " + extra,
                    folder);
}

std::filesystem::path dataWithStaffPin(const std::filesystem::path& folder) {
    const std::filesystem::path data = folder / "data";
    std::filesystem::create_directories(data);
    const int stored = std::system(("echo 2468 | " + quoted(KIOSK_BINARY) + " --set-staff-pin --data-dir " +
                                    quoted(data.string()) + " 2>/dev/null")
                                       .c_str());
    REQUIRE(WEXITSTATUS(stored) == 0);
    return data;
}

// Signed 16-bit little-endian samples, as the disk driver and ALSA's file plugin write them.
std::vector<std::int16_t> samplesIn(const std::filesystem::path& rawFile) {
    const std::vector<std::uint8_t> bytes = os::readWholeFile(rawFile, 1ull << 31);
    std::vector<std::int16_t> samples(bytes.size() / 2);
    for (std::size_t index = 0; index < samples.size(); ++index)
        samples[index] = static_cast<std::int16_t>(bytes[2 * index] | (bytes[2 * index + 1] << 8));
    return samples;
}

// From the first sample above the audibility threshold the player uses.
std::span<const std::int16_t> fromFirstSound(std::span<const std::int16_t> samples) {
    const auto first = std::find_if(samples.begin(), samples.end(),
                                    [](std::int16_t sample) { return std::abs(sample) > 32; });
    return samples.subspan(static_cast<std::size_t>(first - samples.begin()));
}

// `samples` from where `recording`'s first 256 samples, at `percent` volume, begin; empty when
// they are not there.
std::span<const std::int16_t> fromRecording(std::span<const std::int16_t> samples,
                                            std::span<const std::int16_t> recording, int percent) {
    const std::size_t length = std::min<std::size_t>(256, recording.size());
    for (std::size_t start = 0; start + length <= samples.size(); ++start) {
        std::size_t matched = 0;
        while (matched < length &&
               samples[start + matched] == static_cast<std::int16_t>(recording[matched] * percent / 100))
            ++matched;
        if (matched == length)
            return samples.subspan(start);
    }
    return {};
}

double rootMeanSquare(std::span<const std::int16_t> samples) {
    double squares = 0;
    for (const std::int16_t sample : samples)
        squares += static_cast<double>(sample) * sample;
    return samples.empty() ? 0 : std::sqrt(squares / static_cast<double>(samples.size()));
}

// Makes ALSA's default device, for a kiosk run with HOME=folder, a file: ALSA reads
// ~/.asoundrc. The null device behind it takes samples as fast as they come, so a minute of
// narration is written at once; /dev/shm keeps the silence that follows it off the disk.
// Returns the file the samples go to.
std::filesystem::path alsaSpeakerFile(const std::filesystem::path& folder) {
    const std::filesystem::path memory = std::filesystem::exists("/dev/shm") ? "/dev/shm" : folder;
    const std::filesystem::path speaker = memory / ("kiosk-alsa-speaker-" + std::to_string(::getpid()) + "-" +
                                                    folder.filename().string() + ".raw");
    os::writeFileAtomically(folder / ".asoundrc",
                            "pcm.!default {\n    type file\n    slave.pcm \"null\"\n    file \"" +
                                speaker.string() + "\"\n    format \"raw\"\n}\n");
    return speaker;
}

// The samples of `recorded` (from its first sound) in `played`, each at `percent` volume: how
// many differ, or nullopt when the recording's start is not there at all.
std::optional<std::size_t> mismatchedSamples(std::span<const std::int16_t> played,
                                             std::span<const std::int16_t> recorded, int percent) {
    const std::span<const std::int16_t> heard = fromRecording(played, recorded, percent);
    if (heard.size() < recorded.size())
        return std::nullopt;
    std::size_t mismatches = 0;
    for (std::size_t index = 0; index < recorded.size(); ++index)
        if (heard[index] != static_cast<std::int16_t>(recorded[index] * percent / 100))
            ++mismatches;
    return mismatches;
}

} // namespace

TEST_CASE(
    "a narration tapped in the kiosk reaches ALSA's default device, sample for sample at the volume set") {
    const std::filesystem::path folder = freshFolder("sound-alsa");
    const std::filesystem::path speaker = alsaSpeakerFile(folder);
    const std::filesystem::path data = folder / "data";
    std::filesystem::create_directories(data);
    audio::storeVolumePercent(data, 70);
    // A word that names no output here: the kiosk says so and plays on the default.
    const Run run = runScript("HOME=" + quoted(folder.string()) + " SDL_AUDIODRIVER=alsa",
                              "narration-alsa.script", data, folder, "--sound-device Headphones");
    INFO(run.errorOutput);
    REQUIRE(run.exitCode == 0);
    CHECK(run.errorOutput.find("kiosk: sound on default (alsa) (no output named like 'Headphones' opened)") !=
          std::string::npos);
    REQUIRE(std::filesystem::exists(speaker));
    const std::vector<std::int16_t> played = samplesIn(speaker);
    std::filesystem::remove(speaker);

    const pack::PackReader reader = pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
    const pack::AudioClipInfo* narration = reader.index().narrationFor("p4em", "vie");
    REQUIRE(narration != nullptr);
    const std::vector<std::uint8_t> encoded = reader.loadAudio(narration->audioId).bytes;
    const audio::DecodedAudio decoded = audio::decodeVorbis(encoded, pack::kAudioLimits);
    REQUIRE(decoded.channels == 1);
    // "Read more" says its word before the narration starts: the narration is where its
    // first samples, at the volume set, come.
    const std::span<const std::int16_t> recorded = fromFirstSound(decoded.samples);
    const std::span<const std::int16_t> heard = fromRecording(played, recorded, 70);
    MESSAGE(played.size() << " samples reached ALSA; the narration has " << decoded.samples.size() << "; RMS "
                          << rootMeanSquare(heard.first(std::min(heard.size(), recorded.size())))
                          << " heard, " << rootMeanSquare(recorded) << " recorded");
    // The whole narration arrived, each sample at 70 % of the recording's.
    const std::optional<std::size_t> mismatches = mismatchedSamples(played, recorded, 70);
    REQUIRE(mismatches.has_value());
    CHECK(*mismatches == 0);
    CHECK(rootMeanSquare(recorded) > 1000);
}

TEST_CASE("the staff view names the output, changes the volume for good, and plays a test chime at it") {
    const std::filesystem::path folder = freshFolder("sound-staff");
    const std::filesystem::path data = dataWithStaffPin(folder);
    const std::filesystem::path speaker = folder / "speaker.raw";
    const std::string disk = "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=" + quoted(speaker.string());
    const Run run = runScript(disk, "staff-sound.script", data, folder);
    INFO(run.errorOutput);
    REQUIRE(run.exitCode == 0);
    CHECK(audio::loadVolumePercent(data) == 50);

    // The chime reached the device at half its level.
    const std::vector<std::int16_t> played = samplesIn(speaker);
    const audio::DecodedAudio chime = audio::testChime();
    const std::span<const std::int16_t> heard = fromFirstSound(played);
    REQUIRE(heard.size() >= chime.samples.size() / 2);
    const std::size_t measured = std::min(heard.size(), chime.samples.size()) - 400; // before the last fade
    const double level =
        rootMeanSquare(heard.first(measured)) / rootMeanSquare(fromFirstSound(chime.samples).first(measured));
    MESSAGE("test chime: " << heard.size() << " samples from the first sound on, at " << level
                           << " of full level");
    CHECK(level == doctest::Approx(0.5).epsilon(0.02));

    // Kept across a restart.
    const Run again = runScript(disk, "staff-volume-kept.script", data, folder);
    INFO(again.errorOutput);
    CHECK(again.exitCode == 0);
}

TEST_CASE("Back says its word on the sound device, at the level of its recording and the volume set") {
    const std::filesystem::path folder = freshFolder("sound-spoken-back");
    const std::filesystem::path data = folder / "data";
    const std::filesystem::path speaker = folder / "speaker.raw";
    const Run run = runScript("SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=" + quoted(speaker.string()),
                              "spoken-back.script", data, folder);
    INFO(run.errorOutput);
    REQUIRE(run.exitCode == 0);

    const audio::DecodedAudio word = audio::decodeVorbis(
        os::readWholeFile(std::filesystem::path(KIOSK_ASSET_DIR) / "speech" / "back.vie.ogg", 1 << 20),
        pack::kAudioLimits);
    const std::vector<std::int16_t> played = samplesIn(speaker);
    const std::span<const std::int16_t> heard = fromFirstSound(played);
    // The device runs at its own rate: compare durations in seconds, levels as RMS.
    const double wordSeconds = static_cast<double>(word.durationMilliseconds()) / 1000.0;
    REQUIRE(heard.size() >
            static_cast<std::size_t>(wordSeconds * 8000)); // at least half the word, at 16 kHz or more
    const double level = rootMeanSquare(heard) / rootMeanSquare(fromFirstSound(word.samples));
    MESSAGE("\"Quay lại\": " << wordSeconds << " s recorded, heard at " << level << " of its level");
    // The default volume is 80 %; the device's trailing silence lowers the mean a little.
    CHECK(level > 0.7);
    CHECK(level < 0.88);
}

TEST_CASE("a home tile's speaker says the category's title from the pack on the sound device") {
    const std::filesystem::path folder = freshFolder("sound-spoken-title");
    const std::filesystem::path speaker = alsaSpeakerFile(folder);
    const Run run = runScript("HOME=" + quoted(folder.string()) + " SDL_AUDIODRIVER=alsa",
                              "spoken-title.script", folder / "data", folder);
    INFO(run.errorOutput);
    REQUIRE(run.exitCode == 0);
    REQUIRE(std::filesystem::exists(speaker));
    const std::vector<std::int16_t> played = samplesIn(speaker);
    std::filesystem::remove(speaker);

    const pack::PackReader reader = pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
    const pack::AudioClipInfo* title = reader.index().categoryTitleRecordingFor("policies", "vie");
    REQUIRE(title != nullptr);
    const audio::DecodedAudio decoded =
        audio::decodeVorbis(reader.loadAudio(title->audioId).bytes, pack::kAudioLimits);
    REQUIRE(decoded.channels == 1);
    const std::span<const std::int16_t> recorded = fromFirstSound(decoded.samples);
    // The whole title reached the device, each sample at the default volume (80 %).
    const std::optional<std::size_t> mismatches = mismatchedSamples(played, recorded, 80);
    MESSAGE("\"Chính sách\" spoken: " << decoded.durationMilliseconds() << " ms recorded, RMS "
                                      << rootMeanSquare(recorded) << "; " << played.size()
                                      << " samples reached ALSA");
    REQUIRE(mismatches.has_value());
    CHECK(*mismatches == 0);
    CHECK(rootMeanSquare(recorded) > 1000);
}

TEST_CASE("without a sound device the kiosk runs on silently and the staff view says 'no sound device'") {
    const std::filesystem::path folder = freshFolder("sound-none");
    const std::filesystem::path data = dataWithStaffPin(folder);
    const Run run = runScript("SDL_AUDIODRIVER=no-such-driver", "no-sound-device.script", data, folder);
    INFO(run.errorOutput);
    CHECK(run.exitCode == 0);
    CHECK(run.errorOutput.find("no-such-driver") != std::string::npos);
}
