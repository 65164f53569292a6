// ui::AudioOutput on an SDL audio device. Nothing is opened until the first play(): a kiosk
// whose visitors never tap a speaker never touches the sound card. The device is opened in
// the clip's own format (SDL converts to what the hardware wants) and reopened only when a
// clip with another format comes; samples are decoded on SDL's audio thread, a block at a
// time, from the clip's encoded bytes.
//
// Which output opens: the one named in kiosk.conf (--sound-device), else the system's
// default, else any other the system lists (audio/SoundDeviceChoice). On the board SDL
// drives ALSA directly: Raspberry Pi OS Lite runs no sound server.
//
// Under SDL_AUDIODRIVER=dummy (the headless kiosk) the audio thread consumes samples in real
// time and discards them; under SDL_AUDIODRIVER=disk they land in SDL_DISKAUDIOFILE.
#pragma once

#include "AudioOutput.hpp"
#include "audio/SampleSource.hpp"

#include <SDL.h>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::platform {

class SdlAudioPlayer final : public ui::AudioOutput {
  public:
    // `configuredDevice`: a word of the output's name, or "" for the system's default.
    explicit SdlAudioPlayer(std::string configuredDevice = "")
        : configuredDevice_(std::move(configuredDevice)) {}
    ~SdlAudioPlayer() override;
    // SDL's audio thread holds a pointer to the player: it stays where it was made.
    SdlAudioPlayer(const SdlAudioPlayer&) = delete;
    SdlAudioPlayer& operator=(const SdlAudioPlayer&) = delete;

    void play(pack::EncodedAudio clip) override;
    void play(audio::DecodedAudio samples, std::int64_t clipId) override;
    void pause() override;
    void resume() override;
    void stop() override;
    ui::PlaybackStatus status() const override;
    std::string lastError() const override { return lastError_; }
    std::uint64_t framesPlayed() const override { return framesPlayed_.load(); }
    std::uint64_t audibleFramesPlayed() const override { return audibleFramesPlayed_.load(); }
    ui::SoundDeviceStatus checkDevice() override;
    void setVolume(int percent) override;
    int volume() const override { return volumePercent_.load(); }

    // For the headless harness, whose virtual clock runs far ahead of the (real-time) audio
    // thread: waits, in real time, until at least `minimumFrames` audible frames were played
    // or `timeout` passed. True when they were.
    bool waitForAudibleFrames(std::uint64_t minimumFrames, std::chrono::milliseconds timeout) const;

  private:
    // SDL_InitSubSystem(SDL_INIT_AUDIO) for the player's life: independent of whoever else uses SDL.
    class AudioSubsystem {
      public:
        AudioSubsystem();
        ~AudioSubsystem();
        AudioSubsystem(const AudioSubsystem&) = delete;
        AudioSubsystem& operator=(const AudioSubsystem&) = delete;
    };
    // An open device; closing it waits for the audio thread's current callback to return.
    class AudioDevice {
      public:
        // `name` as SDL lists it; "" for the default. Throws SdlError when it does not open.
        AudioDevice(const std::string& name, const audio::AudioFormat& format, SDL_AudioCallback callback,
                    void* userData);
        ~AudioDevice();
        AudioDevice(const AudioDevice&) = delete;
        AudioDevice& operator=(const AudioDevice&) = delete;
        SDL_AudioDeviceID id() const { return id_; }
        bool plays(const audio::AudioFormat& format) const {
            return format.channels == channels_ && format.sampleRate == sampleRate_;
        }

      private:
        SDL_AudioDeviceID id_ = 0;
        int channels_ = 0;
        int sampleRate_ = 0;
    };
    // Holds the device's lock (the audio thread waits) for one change of what plays.
    class DeviceLock {
      public:
        explicit DeviceLock(const std::unique_ptr<AudioDevice>& device);
        ~DeviceLock();
        DeviceLock(const DeviceLock&) = delete;
        DeviceLock& operator=(const DeviceLock&) = delete;

      private:
        SDL_AudioDeviceID id_ = 0;
    };

    void start(std::unique_ptr<audio::SampleSource> source, std::int64_t clipId);
    void fail(const std::string& message, std::int64_t clipId);
    void openDeviceFor(const audio::AudioFormat& format);
    static void SDLCALL fillCallback(void* userData, Uint8* stream, int length);
    void fill(Uint8* stream, int length);

    // Declared in the order they must come up; destroyed in reverse: the device closes (its
    // thread stops) before the source it reads from goes, and both before SDL audio quits.
    std::optional<AudioSubsystem> subsystem_;
    std::unique_ptr<audio::SampleSource> source_;
    std::unique_ptr<AudioDevice> device_;

    std::string configuredDevice_;
    std::string openedDeviceName_; // the last one opened, to log only a change
    std::string lastError_;
    // Shared with the audio thread.
    std::atomic<ui::PlaybackState> state_{ui::PlaybackState::Idle};
    std::atomic<std::int64_t> clipId_{0};
    std::atomic<std::int64_t> positionFrames_{0};
    std::atomic<std::int64_t> totalFrames_{0};
    std::atomic<int> sampleRate_{0};
    std::atomic<std::uint64_t> framesPlayed_{0};
    std::atomic<std::uint64_t> audibleFramesPlayed_{0};
    std::atomic<int> volumePercent_{100};
};

} // namespace kiosk::platform
