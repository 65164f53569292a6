// Decodes an Ogg Vorbis recording held in memory, a block at a time, with libvorbisfile
// (Xiph's reference decoder, fuzzed continuously by OSS-Fuzz; stb_vorbis, used before, had
// open CVEs and crashed on an overflowing vendor-string length). Hostile input is bounded
// three ways: the setup header's codebooks must fit a small memory budget before libvorbis
// sees them (VorbisSetupBudget), the format must be within AudioLimits before any sample is
// decoded, and reading stops at the duration limit whatever the stream claims.
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>
#include <memory>
#include <span>

namespace kiosk::audio {

class VorbisStream {
  public:
    // `bytes` must outlive the stream. Throws AudioError for anything that is not Ogg Vorbis
    // within `limits`, with a message fit for a field officer ("not an Ogg file").
    VorbisStream(std::span<const std::uint8_t> bytes, const AudioLimits& limits);
    ~VorbisStream();
    VorbisStream(const VorbisStream&) = delete;
    VorbisStream& operator=(const VorbisStream&) = delete;

    // Channels, sample rate, and the length the stream declares (its last page's position).
    const AudioFormat& format() const { return format_; }

    // Decodes up to `interleaved.size() / channels` frames into `interleaved` and returns how
    // many it wrote: 0 at the end, after damaged data, or at the duration limit. Never throws.
    std::size_t read(std::span<std::int16_t> interleaved);
    std::int64_t framesRead() const { return framesRead_; }
    // True when reading stopped because the data was damaged rather than at its end.
    bool damaged() const { return damaged_; }
    // Back to the first sample (the next read starts the recording again).
    void rewind();

  private:
    struct Decoder; // libvorbisfile's state and the in-memory file it reads: VorbisStream.cpp

    std::unique_ptr<Decoder> decoder_;
    AudioFormat format_;
    std::int64_t frameLimit_ = 0;
    std::int64_t framesRead_ = 0;
    bool damaged_ = false;
};

} // namespace kiosk::audio
