#include "SpeechLevel.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace kiosk::builder {

namespace {

constexpr double kSilenceFloorDecibels = -50.0;
constexpr double kFullScale = 32768.0;

double toDecibels(double amplitude) {
    return amplitude > 0 ? 20.0 * std::log10(amplitude / kFullScale) : -120.0;
}
double fromDecibels(double decibels) {
    return kFullScale * std::pow(10.0, decibels / 20.0);
}

std::uint32_t readLittle32(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
           static_cast<std::uint32_t>(bytes[at + 2]) << 16 | static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}
std::uint16_t readLittle16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] | bytes[at + 1] << 8);
}
bool tagAt(std::span<const std::uint8_t> bytes, std::size_t at, const char* tag) {
    return at + 4 <= bytes.size() && std::memcmp(bytes.data() + at, tag, 4) == 0;
}

struct SampleRange {
    std::size_t offset = 0;
    std::size_t count = 0;
};

// Where the samples are. The RIFF chunk sizes espeak-ng writes to a file are exact (to a
// pipe it would write 0x7fffffff), but a size running past the end is taken as "to the end".
SampleRange findSamples(std::span<const std::uint8_t> wav) {
    if (!tagAt(wav, 0, "RIFF") || !tagAt(wav, 8, "WAVE"))
        throw SpeechLevelError("espeak-ng did not write a WAV file");
    bool pcm16 = false;
    std::size_t at = 12;
    while (at + 8 <= wav.size()) {
        const std::size_t size = readLittle32(wav, at + 4);
        const std::size_t body = at + 8;
        if (tagAt(wav, at, "fmt ")) {
            if (size < 16 || body + 16 > wav.size())
                throw SpeechLevelError("the WAV file's format chunk is cut short");
            pcm16 = readLittle16(wav, body) == 1 && readLittle16(wav, body + 14) == 16;
        } else if (tagAt(wav, at, "data")) {
            if (!pcm16)
                throw SpeechLevelError("the WAV file does not hold 16-bit PCM samples");
            const std::size_t bytes = std::min(size, wav.size() - body);
            return {body, bytes / 2};
        }
        at = body + size + (size & 1);
    }
    throw SpeechLevelError("the WAV file has no samples");
}

} // namespace

SpeechLevel measureSpeechLevel(std::span<const std::int16_t> samples) {
    const double floor = fromDecibels(kSilenceFloorDecibels);
    double sumOfSquares = 0;
    std::size_t counted = 0;
    double peak = 0;
    for (const std::int16_t sample : samples) {
        const double magnitude = std::abs(static_cast<double>(sample));
        peak = std::max(peak, magnitude);
        if (magnitude > floor) {
            sumOfSquares += magnitude * magnitude;
            ++counted;
        }
    }
    SpeechLevel level;
    level.peakDecibels = toDecibels(peak);
    if (counted > 0)
        level.rmsDecibels = toDecibels(std::sqrt(sumOfSquares / static_cast<double>(counted)));
    return level;
}

std::vector<std::uint8_t> levelSpeechWav(std::span<const std::uint8_t> wav) {
    const SampleRange range = findSamples(wav);
    std::vector<std::int16_t> samples(range.count);
    std::memcpy(samples.data(), wav.data() + range.offset, range.count * 2); // little-endian hosts only
    const SpeechLevel level = measureSpeechLevel(samples);
    std::vector<std::uint8_t> levelled(wav.begin(), wav.end());
    if (level.peakDecibels <= -119)
        return levelled; // silence stays silence
    const double gainDecibels =
        std::min(kSpeechRmsTargetDecibels - level.rmsDecibels, kSpeechPeakLimitDecibels - level.peakDecibels);
    const double gain = std::pow(10.0, gainDecibels / 20.0);
    for (std::int16_t& sample : samples)
        sample = static_cast<std::int16_t>(
            std::clamp(std::lround(static_cast<double>(sample) * gain), -32768L, 32767L));
    std::memcpy(levelled.data() + range.offset, samples.data(), range.count * 2);
    return levelled;
}

} // namespace kiosk::builder
