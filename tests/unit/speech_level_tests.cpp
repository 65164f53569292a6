// Synthetic speech is levelled before it is encoded: to -20 dBFS RMS, peaks held to -1 dBFS,
// silence left silent, and anything but 16-bit PCM WAV refused.
#include "builder/SpeechLevel.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <numbers>
#include <string>
#include <vector>

using namespace kiosk::builder;

namespace {

// A mono 16-bit PCM WAV as espeak-ng writes it: RIFF, fmt, data.
std::vector<std::uint8_t> wavOf(const std::vector<std::int16_t>& samples) {
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    std::vector<std::uint8_t> wav(44 + dataBytes);
    std::size_t at = 0;
    auto put = [&](const void* data, std::size_t size) {
        std::memcpy(wav.data() + at, data, size);
        at += size;
    };
    auto put32 = [&](std::uint32_t value) { put(&value, 4); };
    auto put16 = [&](std::uint16_t value) { put(&value, 2); };
    put("RIFF", 4);
    put32(36 + dataBytes);
    put("WAVEfmt ", 8);
    put32(16);
    put16(1);         // PCM
    put16(1);         // mono
    put32(22050);     // rate
    put32(22050 * 2); // bytes a second
    put16(2);         // block
    put16(16);        // bits
    put("data", 4);
    put32(dataBytes);
    if (dataBytes > 0)
        put(samples.data(), dataBytes);
    return wav;
}

std::vector<std::int16_t> samplesOf(const std::vector<std::uint8_t>& wav) {
    std::vector<std::int16_t> samples((wav.size() - 44) / 2);
    std::memcpy(samples.data(), wav.data() + 44, samples.size() * 2);
    return samples;
}

// A tone at `amplitude` (of full scale) with a second of silence after it, as speech pauses.
std::vector<std::int16_t> toneWithPause(double amplitude) {
    std::vector<std::int16_t> samples;
    for (int index = 0; index < 22050; ++index)
        samples.push_back(static_cast<std::int16_t>(
            std::lround(32767 * amplitude * std::sin(2 * std::numbers::pi * 220 * index / 22050.0))));
    samples.resize(samples.size() + 22050, 0);
    return samples;
}

} // namespace

TEST_CASE("speech level: a quiet voice is raised to -20 dBFS RMS, pauses not counted") {
    const std::vector<std::uint8_t> levelled = levelSpeechWav(wavOf(toneWithPause(0.02)));
    const SpeechLevel level = measureSpeechLevel(samplesOf(levelled));
    // Raised, a little more of the tone clears the silence floor: within half a decibel.
    CHECK(std::abs(level.rmsDecibels - kSpeechRmsTargetDecibels) < 0.5);
    CHECK(level.peakDecibels < kSpeechPeakLimitDecibels);
    CHECK(levelled.size() == wavOf(toneWithPause(0.02)).size());
}

TEST_CASE("speech level: clicks at full scale hold the gain back so peaks stay at -1 dBFS") {
    // A quiet voice with a few full-scale clicks: raising it to the RMS target would clip.
    std::vector<std::int16_t> clicky = toneWithPause(0.01);
    for (std::size_t index = 1000; index < 20000; index += 4000)
        clicky[index] = 32767;
    const SpeechLevel level = measureSpeechLevel(samplesOf(levelSpeechWav(wavOf(clicky))));
    CHECK(std::abs(level.peakDecibels - kSpeechPeakLimitDecibels) < 0.01);
    CHECK(level.rmsDecibels < kSpeechRmsTargetDecibels);
}

TEST_CASE("speech level: silence stays silent, and what is not 16-bit PCM WAV is refused") {
    const std::vector<std::int16_t> silence(1000, 0);
    CHECK(samplesOf(levelSpeechWav(wavOf(silence))) == silence);
    CHECK_THROWS_AS(levelSpeechWav(std::vector<std::uint8_t>{'O', 'g', 'g', 'S', 0, 0, 0, 0, 0, 0, 0, 0}),
                    SpeechLevelError);
    std::vector<std::uint8_t> eightBit = wavOf(silence);
    eightBit[34] = 8; // bits per sample
    CHECK_THROWS_AS(levelSpeechWav(eightBit), SpeechLevelError);
    std::vector<std::uint8_t> noData = wavOf(silence);
    noData.resize(36);
    CHECK_THROWS_AS(levelSpeechWav(noData), SpeechLevelError);
}
