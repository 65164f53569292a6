#include "SpeechLevel.hpp"

#include "SpeechWav.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

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
    WavSamples range;
    try {
        range = locateWavSamples(wav);
    } catch (const SpeechWavError& error) {
        throw SpeechLevelError(error.what());
    }
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
