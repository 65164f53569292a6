// Decodes an Ogg Vorbis recording held in memory, a block at a time, with stb_vorbis.
// Hostile input is bounded three ways: the header must be within AudioLimits before any
// sample is decoded, every allocation stb_vorbis makes comes from one fixed arena (an
// over-large codebook fails the open instead of growing memory), and reading stops at the
// duration limit whatever the stream claims.
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>
#include <memory>
#include <span>

struct stb_vorbis;

namespace kiosk::audio {

class VorbisStream {
  public:
    // `bytes` must outlive the stream. Throws AudioError for anything that is not Ogg Vorbis
    // within `limits`, with a message fit for a field officer ("not an Ogg Vorbis file").
    VorbisStream(std::span<const std::uint8_t> bytes, const AudioLimits& limits);

    // Channels, sample rate, and the length the stream declares (its last page's position).
    const AudioFormat& format() const { return format_; }

    // Decodes up to `interleaved.size() / channels` frames into `interleaved` and returns how
    // many it wrote: 0 at the end, after damaged data, or at the duration limit.
    std::size_t read(std::span<std::int16_t> interleaved);
    std::int64_t framesRead() const { return framesRead_; }
    // True when reading stopped because the data was damaged rather than at its end.
    bool damaged() const { return damaged_; }
    // Back to the first sample (the next read starts the recording again).
    void rewind();

  private:
    struct Closer {
        void operator()(stb_vorbis* decoder) const;
    };

    std::unique_ptr<char[]> arena_;
    std::unique_ptr<stb_vorbis, Closer> decoder_;
    AudioFormat format_;
    std::int64_t frameLimit_ = 0;
    std::int64_t framesRead_ = 0;
    bool damaged_ = false;
};

} // namespace kiosk::audio
