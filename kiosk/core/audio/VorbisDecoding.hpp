// Whole-recording operations on Ogg Vorbis bytes: what the builder checks a recording
// with, and what a player may use for short clips. Streaming playback uses VorbisStream.
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>
#include <span>

namespace kiosk::audio {

// Channels, sample rate and declared length, read from the headers and the last page only.
// Throws AudioError for anything but Ogg Vorbis within `limits`.
AudioFormat probeVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits);

// Decodes every sample without keeping them (memory stays a few hundred KiB whatever the
// length) and returns the format with `frames` counted from the decoded samples. Throws
// AudioError like decodeVorbis. For checking a recording before it goes into a pack.
AudioFormat scanVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits);

// Decodes every sample. Throws AudioError for anything but a complete, undamaged Ogg
// Vorbis recording within `limits`; memory stays within the limits whatever the file claims.
DecodedAudio decodeVorbis(std::span<const std::uint8_t> bytes, const AudioLimits& limits);

} // namespace kiosk::audio
