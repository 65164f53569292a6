#include "audio/TestChime.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::audio {

namespace {

// Half of full scale: clearly audible, with room for the device's own mixing.
constexpr double kAmplitude = 16384.0;
// Fades at each note's ends, so the notes start and stop without a click.
constexpr double kFadeSeconds = 0.02;

void appendNote(DecodedAudio& audio, double frequency, double seconds) {
    const int frames = static_cast<int>(seconds * audio.sampleRate);
    const int fadeFrames = static_cast<int>(kFadeSeconds * audio.sampleRate);
    for (int frame = 0; frame < frames; ++frame) {
        const double fade = std::min({1.0, static_cast<double>(frame) / fadeFrames,
                                      static_cast<double>(frames - 1 - frame) / fadeFrames});
        const double phase = 2.0 * std::numbers::pi * frequency * frame / audio.sampleRate;
        audio.samples.push_back(static_cast<std::int16_t>(kAmplitude * fade * std::sin(phase)));
    }
}

} // namespace

DecodedAudio testChime() {
    DecodedAudio chime;
    chime.channels = 1;
    chime.sampleRate = kTestChimeSampleRate;
    appendNote(chime, 660.0, 0.45); // E5
    appendNote(chime, 880.0, 0.55); // A5
    return chime;
}

} // namespace kiosk::audio
