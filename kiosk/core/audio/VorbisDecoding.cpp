#include "audio/VorbisDecoding.hpp"

#include "audio/VorbisStream.hpp"

#include <string>

namespace kiosk::audio {

AudioFormat probeVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits) {
    return VorbisStream(bytes, limits).format();
}

namespace {

// The checks shared by scanVorbis and decodeVorbis once the stream has been read to its end.
void checkComplete(const VorbisStream& stream, const AudioLimits& limits) {
    const AudioFormat& format = stream.format();
    if (stream.damaged())
        throw AudioError("the recording is damaged after " +
                         std::to_string(stream.framesRead() * 1000 / format.sampleRate) + " ms");
    if (stream.framesRead() == 0)
        throw AudioError("the recording holds no sound");
    if (stream.framesRead() >= maximumFrames(limits, format.sampleRate) &&
        stream.framesRead() > format.frames)
        throw AudioError("the recording decodes to more than " +
                         describeDuration(limits.maximumDurationMilliseconds));
}

} // namespace

AudioFormat scanVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits) {
    VorbisStream stream(bytes, limits);
    std::vector<std::int16_t> block(4096 * static_cast<std::size_t>(stream.format().channels));
    while (stream.read(block) > 0) {
    }
    checkComplete(stream, limits);
    AudioFormat format = stream.format();
    format.frames = stream.framesRead();
    return format;
}

DecodedAudio decodeVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits) {
    VorbisStream stream(bytes, limits);
    const AudioFormat& format = stream.format();
    DecodedAudio audio;
    audio.channels = format.channels;
    audio.sampleRate = format.sampleRate;
    // Reserve only what the (already bounded) declared length asks; a stream that decodes
    // longer grows the buffer block by block until the duration limit stops it.
    audio.samples.reserve(static_cast<std::size_t>(format.frames) *
                          static_cast<std::size_t>(format.channels));
    std::vector<std::int16_t> block(4096 * static_cast<std::size_t>(format.channels));
    while (const std::size_t frames = stream.read(block))
        audio.samples.insert(audio.samples.end(), block.begin(),
                             block.begin() + static_cast<std::ptrdiff_t>(frames * format.channels));
    checkComplete(stream, limits);
    return audio;
}

} // namespace kiosk::audio
