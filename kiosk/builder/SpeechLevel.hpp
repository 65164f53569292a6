// Brings espeak-ng's speech to one loudness before it is encoded. espeak-ng writes its samples
// at whatever level its voice has, up to full scale: the demo's narrations peaked at 0 dBFS,
// clipped samples included, while a control's one-word label came out quieter. Every
// synthetic recording is now levelled to kSpeechRmsTarget, with peaks held to kSpeechPeakLimit.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

namespace kiosk::builder {

// -20 dBFS RMS (over the samples louder than -50 dBFS, so pauses do not count), the level
// of speech in broadcast loudness practice; peaks at most -3 dBFS, which leaves Vorbis'
// encoding room to overshoot without clipping (at -1 dBFS, espeak-ng's English voice came out
// of the encoder at full scale, clipped).
inline constexpr double kSpeechRmsTargetDecibels = -20.0;
inline constexpr double kSpeechPeakLimitDecibels = -3.0;

class SpeechLevelError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct SpeechLevel {
    double rmsDecibels = -120; // of the samples above the silence floor
    double peakDecibels = -120;
};

// The level of 16-bit samples, in dB of full scale.
SpeechLevel measureSpeechLevel(std::span<const std::int16_t> samples);

// A 16-bit PCM WAV file (what espeak-ng -w writes) with its samples levelled as above;
// everything but the samples is kept. Throws SpeechLevelError for any other kind of file.
std::vector<std::uint8_t> levelSpeechWav(std::span<const std::uint8_t> wav);

} // namespace kiosk::builder
