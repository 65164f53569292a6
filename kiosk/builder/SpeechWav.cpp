#include "SpeechWav.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace kiosk::builder {

namespace {

std::uint32_t readLittle32(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
           static_cast<std::uint32_t>(bytes[at + 2]) << 16 | static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}

std::uint16_t readLittle16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] | bytes[at + 1] << 8);
}

void writeLittle32(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint32_t value) {
    for (int index = 0; index < 4; ++index)
        bytes[at + static_cast<std::size_t>(index)] = static_cast<std::uint8_t>(value >> (8 * index));
}

bool tagAt(std::span<const std::uint8_t> bytes, std::size_t at, const char* tag) {
    return at + 4 <= bytes.size() && std::memcmp(bytes.data() + at, tag, 4) == 0;
}

} // namespace

// The RIFF chunk sizes espeak-ng writes to a file are exact (to a pipe it would write
// 0x7fffffff), but a size running past the end is taken as "to the end".
WavSamples locateWavSamples(std::span<const std::uint8_t> wav) {
    if (!tagAt(wav, 0, "RIFF") || !tagAt(wav, 8, "WAVE"))
        throw SpeechWavError("espeak-ng did not write a WAV file");
    WavSamples samples;
    bool pcm16 = false;
    std::size_t at = 12;
    while (at + 8 <= wav.size()) {
        const std::size_t size = readLittle32(wav, at + 4);
        const std::size_t body = at + 8;
        if (tagAt(wav, at, "fmt ")) {
            if (size < 16 || body + 16 > wav.size())
                throw SpeechWavError("the WAV file's format chunk is cut short");
            pcm16 = readLittle16(wav, body) == 1 && readLittle16(wav, body + 14) == 16;
            samples.channels = readLittle16(wav, body + 2);
            samples.sampleRate = static_cast<int>(readLittle32(wav, body + 4));
        } else if (tagAt(wav, at, "data")) {
            if (!pcm16 || samples.channels < 1 || samples.sampleRate < 1)
                throw SpeechWavError("the WAV file does not hold 16-bit PCM samples");
            samples.offset = body;
            samples.count = std::min(size, wav.size() - body) / 2;
            return samples;
        }
        at = body + size + (size & 1);
    }
    throw SpeechWavError("the WAV file has no samples");
}

JoinedWav joinWavs(const std::vector<std::vector<std::uint8_t>>& parts) {
    if (parts.empty())
        throw SpeechWavError("nothing to join");
    const WavSamples first = locateWavSamples(parts.front());
    // The first part's header, with the sizes set once every part's samples follow it.
    JoinedWav joined;
    joined.bytes.assign(parts.front().begin(),
                        parts.front().begin() + static_cast<std::ptrdiff_t>(first.offset));
    std::size_t samples = 0;
    for (const std::vector<std::uint8_t>& part : parts) {
        const WavSamples located = locateWavSamples(part);
        if (located.channels != first.channels || located.sampleRate != first.sampleRate)
            throw SpeechWavError("the parts to join differ in format (" + std::to_string(located.channels) +
                                 " channels at " + std::to_string(located.sampleRate) + " Hz, then " +
                                 std::to_string(first.channels) + " at " + std::to_string(first.sampleRate) +
                                 ")");
        joined.partStartMilliseconds.push_back(
            static_cast<std::int64_t>(samples / static_cast<std::size_t>(first.channels) * 1000 /
                                      static_cast<std::size_t>(first.sampleRate)));
        const auto begin = part.begin() + static_cast<std::ptrdiff_t>(located.offset);
        joined.bytes.insert(joined.bytes.end(), begin,
                            begin + static_cast<std::ptrdiff_t>(located.count * 2));
        samples += located.count;
    }
    const std::size_t dataBytes = samples * 2;
    if (dataBytes > 0xffffffffu - first.offset)
        throw SpeechWavError("the joined WAV file would be over 4 GiB");
    writeLittle32(joined.bytes, first.offset - 4, static_cast<std::uint32_t>(dataBytes));
    writeLittle32(joined.bytes, 4, static_cast<std::uint32_t>(first.offset - 8 + dataBytes));
    return joined;
}

} // namespace kiosk::builder
