// What the kiosk's audio code agrees on: 16-bit interleaved samples, the limits hostile
// recordings are held to, and the one error type every audio failure is reported with.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::audio {

class AudioError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A recording outside these bounds is refused before anything large is allocated: a pack
// may be hostile, and a Raspberry Pi has little memory to spare.
struct AudioLimits {
    int maximumChannels = 2;
    int minimumSampleRate = 8000;
    int maximumSampleRate = 48000;
    std::int64_t maximumDurationMilliseconds = 15 * 60 * 1000;
    std::uint64_t maximumEncodedBytes = 16u * 1024 * 1024;
};

struct AudioFormat {
    int channels = 0;
    int sampleRate = 0;
    // Frames (one sample per channel) the stream declares or holds.
    std::int64_t frames = 0;

    std::int64_t durationMilliseconds() const { return sampleRate > 0 ? frames * 1000 / sampleRate : 0; }
};

// A whole recording in memory: signed 16-bit samples, channels interleaved.
struct DecodedAudio {
    int channels = 0;
    int sampleRate = 0;
    std::vector<std::int16_t> samples;

    std::int64_t frames() const {
        return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0;
    }
    std::int64_t durationMilliseconds() const {
        return AudioFormat{channels, sampleRate, frames()}.durationMilliseconds();
    }
};

// The largest frame count `limits` allow at `sampleRate`.
inline std::int64_t maximumFrames(const AudioLimits& limits, int sampleRate) {
    return limits.maximumDurationMilliseconds * sampleRate / 1000;
}

// "45 s", "3 min", "3 min 10 s": for messages a field officer reads.
inline std::string describeDuration(std::int64_t milliseconds) {
    const std::int64_t seconds = milliseconds / 1000;
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    return std::to_string(seconds / 60) + " min" +
           (seconds % 60 ? " " + std::to_string(seconds % 60) + " s" : "");
}

} // namespace kiosk::audio
