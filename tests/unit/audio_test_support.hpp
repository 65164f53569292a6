// Test helpers for audio: made-up sounds, and Ogg Vorbis files of them made with oggenc
// (vorbis-tools, in platform/debian-packages.txt), so that no binary fixture lives in git.
#pragma once

#include "audio/AudioFormat.hpp"
#include "builder/ExternalProgram.hpp"
#include "os/FileSystem.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>
#include <string>
#include <vector>

namespace kiosk::audio::test {

// A sine tone, loud enough to count as sound, with a different pitch on each channel.
inline DecodedAudio makeTone(int channels, int sampleRate, std::int64_t milliseconds,
                             double frequency = 440.0) {
    DecodedAudio tone;
    tone.channels = channels;
    tone.sampleRate = sampleRate;
    const std::int64_t frames = milliseconds * sampleRate / 1000;
    tone.samples.reserve(static_cast<std::size_t>(frames * channels));
    for (std::int64_t frame = 0; frame < frames; ++frame)
        for (int channel = 0; channel < channels; ++channel) {
            const double phase = 2.0 * std::numbers::pi * frequency * (1.0 + 0.5 * channel) *
                                 static_cast<double>(frame) / sampleRate;
            tone.samples.push_back(static_cast<std::int16_t>(12000.0 * std::sin(phase)));
        }
    return tone;
}

inline void writeWav(const std::filesystem::path& path, const DecodedAudio& audio) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    auto put32 = [&](std::uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8)
            file.put(static_cast<char>((value >> shift) & 0xff));
    };
    auto put16 = [&](std::uint16_t value) {
        file.put(static_cast<char>(value & 0xff));
        file.put(static_cast<char>(value >> 8));
    };
    const auto dataBytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    file.write("RIFF", 4);
    put32(36 + dataBytes);
    file.write("WAVEfmt ", 8);
    put32(16);
    put16(1); // PCM
    put16(static_cast<std::uint16_t>(audio.channels));
    put32(static_cast<std::uint32_t>(audio.sampleRate));
    put32(static_cast<std::uint32_t>(audio.sampleRate * audio.channels * 2));
    put16(static_cast<std::uint16_t>(audio.channels * 2));
    put16(16);
    file.write("data", 4);
    put32(dataBytes);
    for (const std::int16_t sample : audio.samples)
        put16(static_cast<std::uint16_t>(sample));
}

// Ogg Vorbis bytes of `audio`, encoded by oggenc at quality `quality`.
inline std::vector<std::uint8_t> encodeOggVorbis(const DecodedAudio& audio, int quality = 0) {
    const builder::TemporaryFolder folder("kiosk-audio-test");
    writeWav(folder.path() / "in.wav", audio);
    builder::runProgram({"oggenc", "--quiet", "--serial", "7", "--quality", std::to_string(quality),
                         "--output", (folder.path() / "out.ogg").string(),
                         (folder.path() / "in.wav").string()},
                        folder.path() / "errors.txt");
    return os::readWholeFile(folder.path() / "out.ogg", 64u * 1024 * 1024);
}

// How many frames have at least one sample louder than the kiosk's audibility threshold.
inline std::int64_t audibleFrames(const std::vector<std::int16_t>& samples, int channels) {
    std::int64_t audible = 0;
    for (std::size_t frame = 0; frame + static_cast<std::size_t>(channels) <= samples.size();
         frame += channels)
        for (int channel = 0; channel < channels; ++channel)
            if (std::abs(samples[frame + static_cast<std::size_t>(channel)]) > 32) {
                ++audible;
                break;
            }
    return audible;
}

} // namespace kiosk::audio::test
