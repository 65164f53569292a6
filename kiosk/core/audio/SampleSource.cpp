#include "audio/SampleSource.hpp"

#include "audio/VorbisStream.hpp"

#include <algorithm>

namespace kiosk::audio {

namespace {

class DecodedSamples final : public SampleSource {
  public:
    explicit DecodedSamples(DecodedAudio audio)
        : audio_(std::move(audio)), format_{audio_.channels, audio_.sampleRate, audio_.frames()} {
        if (audio_.channels < 1 || audio_.sampleRate < 1)
            throw AudioError("decoded audio without channels or sample rate");
    }

    const AudioFormat& format() const override { return format_; }

    std::size_t read(std::span<std::int16_t> interleaved) override {
        const std::size_t channels = static_cast<std::size_t>(format_.channels);
        const std::size_t wholeFrames = audio_.samples.size() / channels;
        const std::size_t frames = std::min(interleaved.size() / channels, wholeFrames - nextFrame_);
        std::copy_n(audio_.samples.begin() + static_cast<std::ptrdiff_t>(nextFrame_ * channels),
                    frames * channels, interleaved.begin());
        nextFrame_ += frames;
        return frames;
    }

  private:
    DecodedAudio audio_;
    AudioFormat format_;
    std::size_t nextFrame_ = 0;
};

class VorbisSamples final : public SampleSource {
  public:
    VorbisSamples(std::vector<std::uint8_t> bytes, const AudioLimits& limits)
        : bytes_(std::move(bytes)), stream_(bytes_, limits) {}

    // The stream points into bytes_: neither may move once the decoder is open.
    VorbisSamples(const VorbisSamples&) = delete;
    VorbisSamples& operator=(const VorbisSamples&) = delete;

    const AudioFormat& format() const override { return stream_.format(); }
    std::size_t read(std::span<std::int16_t> interleaved) override { return stream_.read(interleaved); }

  private:
    std::vector<std::uint8_t> bytes_;
    VorbisStream stream_; // declared after bytes_, so it opens them once they are in place
};

} // namespace

std::unique_ptr<SampleSource> decodedSamples(DecodedAudio audio) {
    return std::make_unique<DecodedSamples>(std::move(audio));
}

std::unique_ptr<SampleSource> vorbisSamples(std::vector<std::uint8_t> oggBytes, const AudioLimits& limits) {
    return std::make_unique<VorbisSamples>(std::move(oggBytes), limits);
}

} // namespace kiosk::audio
