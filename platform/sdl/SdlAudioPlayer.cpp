#include "SdlAudioPlayer.hpp"

#include "SdlHandles.hpp"
#include "audio/SoundDeviceChoice.hpp"
#include "os/Log.hpp"
#include "pack/PackSchema.hpp"

#include <algorithm>

#include <cstdlib>
#include <cstring>
#include <span>
#include <thread>

namespace kiosk::platform {

namespace {

// 1024 frames: 21 ms at 48 kHz, 64 ms at 16 kHz. Short enough that pause answers a tap at
// once, long enough that a busy Raspberry Pi never lets the device run dry.
constexpr Uint16 kDeviceBufferFrames = 1024;
// Below this a sample is inaudible (about -60 dBFS): dither and encoder noise are not sound.
constexpr int kAudibleSampleLevel = 32;
// What the staff view's device check opens when nothing has played yet: the format of the
// test chime and of the narrations the pack builder makes.
constexpr audio::AudioFormat kCheckFormat{1, 16000, 0};

std::vector<std::string> listedOutputs() {
    std::vector<std::string> names;
    const int count = SDL_GetNumAudioDevices(0);
    for (int index = 0; index < count; ++index)
        if (const char* name = SDL_GetAudioDeviceName(index, 0))
            names.emplace_back(name);
    return names;
}

std::string describeDevice(const std::string& name) {
    if (!name.empty())
        return name;
    char* defaultName = nullptr;
    SDL_AudioSpec spec{};
    // Not every driver can name its default (ALSA in SDL 2.26 cannot).
    if (SDL_GetDefaultAudioInfo(&defaultName, &spec, 0) == 0 && defaultName) {
        std::string described = defaultName;
        SDL_free(defaultName);
        return described;
    }
    return std::string("default (") + (SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "?") + ")";
}

} // namespace

SdlAudioPlayer::AudioSubsystem::AudioSubsystem() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        throw SdlError("cannot start SDL audio");
}

SdlAudioPlayer::AudioSubsystem::~AudioSubsystem() {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

SdlAudioPlayer::AudioDevice::AudioDevice(const std::string& name, const audio::AudioFormat& format,
                                         SDL_AudioCallback callback, void* userData)
    : channels_(format.channels), sampleRate_(format.sampleRate) {
    SDL_AudioSpec wanted{};
    wanted.freq = format.sampleRate;
    wanted.format = AUDIO_S16SYS;
    wanted.channels = static_cast<Uint8>(format.channels);
    wanted.samples = kDeviceBufferFrames;
    wanted.callback = callback;
    wanted.userdata = userData;
    SDL_AudioSpec obtained{};
    // No changes allowed: SDL converts the clip's format to whatever the hardware takes, so
    // the callback always writes exactly the clip's samples.
    id_ = SDL_OpenAudioDevice(name.empty() ? nullptr : name.c_str(), 0, &wanted, &obtained, 0);
    if (id_ == 0)
        throw SdlError("cannot open the sound device " + describeDevice(name));
}

SdlAudioPlayer::AudioDevice::~AudioDevice() {
    SDL_CloseAudioDevice(id_);
}

SdlAudioPlayer::DeviceLock::DeviceLock(const std::unique_ptr<AudioDevice>& device)
    : id_(device ? device->id() : 0) {
    if (id_ != 0)
        SDL_LockAudioDevice(id_);
}

SdlAudioPlayer::DeviceLock::~DeviceLock() {
    if (id_ != 0)
        SDL_UnlockAudioDevice(id_);
}

SdlAudioPlayer::~SdlAudioPlayer() {
    // Explicitly, and in this order, whatever the member order: the thread must stop first.
    device_.reset();
    source_.reset();
    subsystem_.reset();
}

void SdlAudioPlayer::play(pack::EncodedAudio clip) {
    const std::int64_t clipId = clip.id;
    try {
        start(audio::vorbisSamples(std::move(clip.bytes), pack::kAudioLimits), clipId);
    } catch (const std::exception& error) {
        fail(std::string("cannot play recording '") + clip.name + "': " + error.what(), clipId);
    }
}

void SdlAudioPlayer::play(audio::DecodedAudio samples, std::int64_t clipId) {
    try {
        if (samples.channels < 1 || samples.channels > pack::kAudioLimits.maximumChannels)
            throw audio::AudioError("unsupported channel count " + std::to_string(samples.channels));
        start(audio::decodedSamples(std::move(samples)), clipId);
    } catch (const std::exception& error) {
        fail(std::string("cannot play sound: ") + error.what(), clipId);
    }
}

void SdlAudioPlayer::start(std::unique_ptr<audio::SampleSource> source, std::int64_t clipId) {
    const audio::AudioFormat format = source->format();
    if (!subsystem_)
        subsystem_.emplace();
    if (!device_ || !device_->plays(format)) {
        device_.reset(); // the old device's thread stops before the new one starts
        openDeviceFor(format);
    }
    std::unique_ptr<audio::SampleSource> previous;
    {
        const DeviceLock lock(device_);
        previous = std::move(source_);
        source_ = std::move(source);
        clipId_ = clipId;
        positionFrames_ = 0;
        totalFrames_ = format.frames;
        sampleRate_ = format.sampleRate;
        state_ = ui::PlaybackState::Playing;
    }
    lastError_.clear();
    SDL_PauseAudioDevice(device_->id(), 0);
    // `previous` (a decoder and its bytes) is freed here, outside the lock.
}

void SdlAudioPlayer::openDeviceFor(const audio::AudioFormat& format) {
    const std::vector<std::string> listed = listedOutputs();
    const std::vector<std::string> order = audio::soundDevicesToTry(configuredDevice_, listed);
    std::string failures;
    for (const std::string& name : order) {
        try {
            device_ = std::make_unique<AudioDevice>(name, format, &SdlAudioPlayer::fillCallback, this);
        } catch (const SdlError& error) {
            failures += (failures.empty() ? "" : "; ") + std::string(error.what());
            continue;
        }
        const std::string opened = describeDevice(name);
        if (opened != openedDeviceName_) {
            if (audio::soundDeviceMatches(configuredDevice_, opened))
                os::log("sound on ", opened);
            else
                os::log("sound on ", opened, " (no output named like '", configuredDevice_, "' opened)");
            openedDeviceName_ = opened;
        }
        return;
    }
    throw audio::AudioError("no sound device opens (" + std::to_string(listed.size()) +
                            " listed): " + failures);
}

ui::SoundDeviceStatus SdlAudioPlayer::checkDevice() {
    if (!device_) {
        try {
            if (!subsystem_)
                subsystem_.emplace();
            openDeviceFor(kCheckFormat);
        } catch (const std::exception& error) {
            if (lastError_ != error.what())
                os::log("no sound device: ", error.what());
            lastError_ = error.what();
            return {false, "", error.what()};
        }
    }
    return {true, openedDeviceName_, ""};
}

void SdlAudioPlayer::setVolume(int percent) {
    volumePercent_ = std::clamp(percent, 0, 100);
}

void SdlAudioPlayer::fail(const std::string& message, std::int64_t clipId) {
    {
        const DeviceLock lock(device_);
        source_.reset();
        clipId_ = clipId;
        positionFrames_ = 0;
        totalFrames_ = 0;
        state_ = ui::PlaybackState::Failed;
    }
    lastError_ = message;
    os::log(message);
}

void SdlAudioPlayer::pause() {
    if (!device_)
        return;
    const DeviceLock lock(device_);
    ui::PlaybackState playing = ui::PlaybackState::Playing;
    state_.compare_exchange_strong(playing, ui::PlaybackState::Paused);
}

void SdlAudioPlayer::resume() {
    if (!device_)
        return;
    const DeviceLock lock(device_);
    ui::PlaybackState paused = ui::PlaybackState::Paused;
    state_.compare_exchange_strong(paused, ui::PlaybackState::Playing);
}

void SdlAudioPlayer::stop() {
    std::unique_ptr<audio::SampleSource> previous;
    {
        const DeviceLock lock(device_);
        previous = std::move(source_);
        clipId_ = 0;
        positionFrames_ = 0;
        totalFrames_ = 0;
        state_ = ui::PlaybackState::Idle;
    }
    lastError_.clear();
    // Nothing to play: let the sound card rest until the next play().
    if (device_)
        SDL_PauseAudioDevice(device_->id(), 1);
}

ui::PlaybackStatus SdlAudioPlayer::status() const {
    ui::PlaybackStatus status;
    status.state = state_.load();
    status.clipId = clipId_.load();
    const std::int64_t rate = sampleRate_.load();
    if (rate > 0) {
        const std::int64_t total = totalFrames_.load();
        const std::int64_t position =
            status.state == ui::PlaybackState::Finished ? total : std::min(positionFrames_.load(), total);
        status.positionMilliseconds = position * 1000 / rate;
        status.durationMilliseconds = total * 1000 / rate;
    }
    return status;
}

bool SdlAudioPlayer::waitForAudibleFrames(std::uint64_t minimumFrames,
                                          std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (audibleFramesPlayed_.load() < minimumFrames) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

void SDLCALL SdlAudioPlayer::fillCallback(void* userData, Uint8* stream, int length) {
    static_cast<SdlAudioPlayer*>(userData)->fill(stream, length);
}

// On SDL's audio thread, with the device lock held: the UI thread cannot swap the source meanwhile.
void SdlAudioPlayer::fill(Uint8* stream, int length) {
    std::memset(stream, 0, static_cast<std::size_t>(length));
    if (state_.load() != ui::PlaybackState::Playing || !source_)
        return;
    const std::size_t channels = static_cast<std::size_t>(source_->format().channels);
    // SDL hands out buffers aligned for its sample format (S16, as opened).
    const std::span<std::int16_t> samples(reinterpret_cast<std::int16_t*>(stream),
                                          static_cast<std::size_t>(length) / sizeof(std::int16_t));
    std::size_t framesWritten = 0;
    while (framesWritten * channels < samples.size()) {
        const std::size_t frames = source_->read(samples.subspan(framesWritten * channels));
        if (frames == 0) {
            state_ = ui::PlaybackState::Finished;
            break;
        }
        framesWritten += frames;
    }
    const int volume = volumePercent_.load();
    if (volume < 100)
        for (std::size_t index = 0; index < framesWritten * channels; ++index)
            samples[index] = static_cast<std::int16_t>(samples[index] * volume / 100);
    std::uint64_t audible = 0;
    for (std::size_t frame = 0; frame < framesWritten; ++frame)
        for (std::size_t channel = 0; channel < channels; ++channel)
            if (std::abs(samples[frame * channels + channel]) > kAudibleSampleLevel) {
                ++audible;
                break;
            }
    positionFrames_ += static_cast<std::int64_t>(framesWritten);
    framesPlayed_ += framesWritten;
    audibleFramesPlayed_ += audible;
}

} // namespace kiosk::platform
