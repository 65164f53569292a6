// The 16-bit PCM WAV files espeak-ng writes (-w), read and joined without a codec library:
// where their samples are, and several of them as one, so that a page read part by part is one
// recording that knows where each part starts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

namespace kiosk::builder {

class SpeechWavError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct WavSamples {
    std::size_t offset = 0; // of the first sample, in bytes
    std::size_t count = 0;  // 16-bit samples, all channels
    int channels = 0;
    int sampleRate = 0;
};

// Where the samples are. Throws SpeechWavError for anything but 16-bit PCM.
WavSamples locateWavSamples(std::span<const std::uint8_t> wav);

struct JoinedWav {
    std::vector<std::uint8_t> bytes;
    std::vector<std::int64_t> partStartMilliseconds; // one per part, from the start of the whole
};

// The parts one after the other, in the first part's format (every part must share it). Throws
// SpeechWavError.
JoinedWav joinWavs(const std::vector<std::vector<std::uint8_t>>& parts);

} // namespace kiosk::builder
