// bench-recording-scan: how fast the install check decodes recordings (audio::scanVorbis, the
// check every recording goes through), per hour of sound, at the cheapest bitrate oggenc makes
// for the two extremes the format allows (16 kHz mono narration, 48 kHz stereo). The lowest
// bitrate packs the most sound into a pack's 2 GiB, so it sets the worst check time; the figures
// are what pack::kMaximumRecordingMinutes was chosen from.
#include "audio_test_support.hpp"

#include "audio/VorbisDecoding.hpp"
#include "pack/PackLimits.hpp"
#include "pack/PackSchema.hpp"

#include <chrono>
#include <cstdio>

using namespace kiosk;

namespace {

struct Kind {
    const char* name;
    int channels;
    int sampleRate;
};

} // namespace

int main() {
    constexpr std::int64_t kSampleMilliseconds = 120'000;
    constexpr double kPackBytes = 2.0 * 1024 * 1024 * 1024;
    const double limitHours = pack::kMaximumRecordingMinutes / 60.0;
    std::printf("%-22s %10s %12s %14s %16s %16s\n", "recording (quality -1)", "x realtime", "KiB per hour",
                "s per hour", "2 GiB of it: s", "the limit: s");
    for (const Kind kind : {Kind{"16 kHz mono", 1, 16000}, Kind{"48 kHz stereo", 2, 48000}}) {
        // Speech-like: a tone whose pitch wanders, so the encoder cannot make it trivially small.
        audio::DecodedAudio sound =
            audio::test::makeTone(kind.channels, kind.sampleRate, kSampleMilliseconds, 180.0);
        for (std::size_t index = 0; index < sound.samples.size(); ++index)
            sound.samples[index] =
                static_cast<std::int16_t>(sound.samples[index] / 2 + ((index * 7919) % 4001) - 2000);
        const std::vector<std::uint8_t> bytes = audio::test::encodeOggVorbis(sound, -1);
        const auto start = std::chrono::steady_clock::now();
        constexpr int kRepeats = 3;
        for (int repeat = 0; repeat < kRepeats; ++repeat)
            audio::scanVorbis(bytes, pack::kAudioLimits);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kRepeats;
        const double soundHours = kSampleMilliseconds / 3'600'000.0;
        const double secondsPerHour = seconds / soundHours;
        const double bytesPerHour = bytes.size() / soundHours;
        std::printf("%-22s %10.0f %12.0f %14.2f %16.0f %16.0f\n", kind.name,
                    kSampleMilliseconds / 1000.0 / seconds, bytesPerHour / 1024, secondsPerHour,
                    kPackBytes / bytesPerHour * secondsPerHour, limitHours * secondsPerHour);
    }
    std::printf("limit: %.1f hours of recordings in a pack\n", limitHours);
    return 0;
}
