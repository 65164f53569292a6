// How much memory a Vorbis recording's codebooks will make the decoder allocate, read from
// its setup header before libvorbis sees it. libvorbis has no allocator hook and allocates
// what a codebook declares: 13 bytes of a crafted "ordered" codebook claim 8 million entries,
// and 256 of them (3 KiB) made it fill 2 GB, far past a Raspberry Pi's memory (stb_vorbis, used before,
// drew from one fixed arena instead). Real encoders' codebooks need a few hundred KiB.
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>
#include <span>

namespace kiosk::audio {

// What the decoder may spend on codebooks; oggenc's largest (quality 10, 48 kHz stereo)
// need about 430 KiB by the estimate below (tests/unit/audio_vorbis_tests.cpp measures it).
inline constexpr std::uint64_t kMaximumCodebookBytes = 4u * 1024 * 1024;

// An upper estimate of the bytes libvorbis allocates for the codebooks of the first Vorbis
// stream in `oggBytes` (its lengths, code words, decode tables and values). Throws
// AudioError when the setup header cannot be found or is damaged.
std::uint64_t vorbisCodebookBytes(std::span<const std::uint8_t> oggBytes);

// Throws AudioError when vorbisCodebookBytes is over kMaximumCodebookBytes (or throws).
void checkVorbisSetupBudget(std::span<const std::uint8_t> oggBytes);

} // namespace kiosk::audio
