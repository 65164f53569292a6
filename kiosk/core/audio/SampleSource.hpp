// Where a player pulls samples from, one block at a time on its audio thread: a recording
// already decoded, or an Ogg Vorbis recording decoded as it plays (a three-minute narration
// is then a few hundred KiB in memory instead of several MiB of samples).
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace kiosk::audio {

class SampleSource {
  public:
    virtual ~SampleSource() = default;
    // Channels, sample rate and total frames (for a progress bar), fixed for the source's life.
    virtual const AudioFormat& format() const = 0;
    // Writes up to `interleaved.size() / channels` frames; returns the frames written, 0 at the
    // end (or after damaged data). Never throws: it runs on the audio thread.
    virtual std::size_t read(std::span<std::int16_t> interleaved) = 0;
};

std::unique_ptr<SampleSource> decodedSamples(DecodedAudio audio);
// Takes the bytes (they must live as long as the decoder). Throws AudioError like VorbisStream.
std::unique_ptr<SampleSource> vorbisSamples(std::vector<std::uint8_t> oggBytes, const AudioLimits& limits);

} // namespace kiosk::audio
