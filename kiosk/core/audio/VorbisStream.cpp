#include "audio/VorbisStream.hpp"

#include <algorithm>
#include <climits>
#include <string>

// libstb ships stb_vorbis compiled; only its declarations are wanted here.
#define STB_VORBIS_HEADER_ONLY
#include <stb_vorbis.h>

namespace kiosk::audio {

namespace {

// Real encoders need a few hundred KiB for their codebooks (libvorbis: about 220 KiB for
// 48 kHz stereo); a file that needs more than this is not one anybody recorded.
constexpr int kDecoderArenaBytes = 2 * 1024 * 1024;

std::string openProblem(int error) {
    switch (error) {
    case VORBIS_outofmem:
        return "the recording needs more decoder memory than any ordinary Ogg Vorbis file";
    case VORBIS_too_many_channels:
        return "the recording has too many channels";
    case VORBIS_missing_capture_pattern:
    case VORBIS_invalid_first_page:
        return "not an Ogg file";
    case VORBIS_invalid_setup:
    case VORBIS_invalid_stream:
    case VORBIS_invalid_stream_structure_version:
    case VORBIS_unexpected_eof:
    case VORBIS_need_more_data:
        return "not an Ogg Vorbis recording, or a damaged one (an Ogg file may also hold Opus or "
               "FLAC, which the kiosk cannot play: convert it with oggenc)";
    default:
        return "not a playable Ogg Vorbis recording (stb_vorbis error " + std::to_string(error) + ")";
    }
}

} // namespace

void VorbisStream::Closer::operator()(stb_vorbis* decoder) const {
    stb_vorbis_close(decoder);
}

VorbisStream::VorbisStream(std::span<const std::uint8_t> bytes, const AudioLimits& limits) {
    if (bytes.empty())
        throw AudioError("the recording is empty");
    if (bytes.size() > limits.maximumEncodedBytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw AudioError("the recording is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                         std::to_string(limits.maximumEncodedBytes));
    arena_ = std::make_unique_for_overwrite<char[]>(kDecoderArenaBytes);
    const stb_vorbis_alloc arena{arena_.get(), kDecoderArenaBytes};
    int error = 0;
    decoder_.reset(stb_vorbis_open_memory(bytes.data(), static_cast<int>(bytes.size()), &error, &arena));
    if (!decoder_)
        throw AudioError(openProblem(error));

    const stb_vorbis_info info = stb_vorbis_get_info(decoder_.get());
    if (info.channels < 1 || info.channels > limits.maximumChannels)
        throw AudioError("the recording has " + std::to_string(info.channels) +
                         " channels; the kiosk plays 1 to " + std::to_string(limits.maximumChannels));
    if (info.sample_rate < static_cast<unsigned>(limits.minimumSampleRate) ||
        info.sample_rate > static_cast<unsigned>(limits.maximumSampleRate))
        throw AudioError("the recording's sample rate is " + std::to_string(info.sample_rate) +
                         " Hz; the kiosk plays " + std::to_string(limits.minimumSampleRate) + " to " +
                         std::to_string(limits.maximumSampleRate) + " Hz");
    format_.channels = info.channels;
    format_.sampleRate = static_cast<int>(info.sample_rate);
    frameLimit_ = maximumFrames(limits, format_.sampleRate);

    // The declared length comes from the last page; a damaged or crafted file may claim
    // anything, so it is only a first check and reading enforces the limit again.
    const unsigned int declared = stb_vorbis_stream_length_in_samples(decoder_.get());
    if (declared == 0 || declared == 0xffffffffu)
        throw AudioError("the recording's length cannot be read: it is cut short or damaged");
    if (static_cast<std::int64_t>(declared) > frameLimit_)
        throw AudioError("the recording lasts " +
                         describeDuration(static_cast<std::int64_t>(declared) * 1000 / info.sample_rate) +
                         "; the limit is " + describeDuration(limits.maximumDurationMilliseconds));
    format_.frames = declared;
    // Finding the length seeks to the end; start decoding from the beginning.
    rewind();
}

std::size_t VorbisStream::read(std::span<std::int16_t> interleaved) {
    if (damaged_ || framesRead_ >= frameLimit_)
        return 0;
    const std::int64_t room = std::min<std::int64_t>(
        static_cast<std::int64_t>(interleaved.size()) / format_.channels, frameLimit_ - framesRead_);
    const int samples = static_cast<int>(std::min<std::int64_t>(room * format_.channels, INT_MAX));
    if (samples <= 0)
        return 0;
    const int frames = stb_vorbis_get_samples_short_interleaved(decoder_.get(), format_.channels,
                                                                interleaved.data(), samples);
    if (frames <= 0) {
        const int error = stb_vorbis_get_error(decoder_.get());
        damaged_ = error != VORBIS__no_error && error != VORBIS_need_more_data;
        return 0;
    }
    framesRead_ += frames;
    return static_cast<std::size_t>(frames);
}

void VorbisStream::rewind() {
    if (!stb_vorbis_seek_start(decoder_.get()))
        throw AudioError("the recording cannot be read from its start: it is damaged");
    framesRead_ = 0;
    damaged_ = false;
}

} // namespace kiosk::audio
