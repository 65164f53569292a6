// How the UI plays sound (page narration, spoken language names) without knowing the
// platform: platform/sdl/SdlAudioPlayer implements it on an SDL audio device. The UI calls
// status() every frame for the speaker button and the progress bar; the other calls follow
// taps (play, pause), leaving a page and the idle timeout (stop).
#pragma once

#include "audio/AudioFormat.hpp"
#include "pack/PackModel.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace kiosk::ui {

enum class PlaybackState {
    Idle, // nothing loaded (at start, after stop())
    Playing,
    Paused,
    Finished, // the clip played to its end; play() it again to restart
    Failed,   // the clip could not play (no sound device, damaged recording): see lastError()
};

struct PlaybackStatus {
    PlaybackState state = PlaybackState::Idle;
    // The clip loaded: EncodedAudio::id (the pack's audio id), or the id given with decoded
    // samples; 0 when Idle. The UI compares it with the AudioClipInfo::audioId of the page
    // it shows, to tell "my narration is playing" from "something else is".
    std::int64_t clipId = 0;
    std::int64_t positionMilliseconds = 0;
    std::int64_t durationMilliseconds = 0;

    bool isPlaying() const { return state == PlaybackState::Playing; }
    // Playing or paused: the clip is there to go on with.
    bool isLoaded() const { return state == PlaybackState::Playing || state == PlaybackState::Paused; }
    // The kiosk's own short words and chimes (kKioskSoundClipId), not the pack's recordings.
    bool isKioskSound() const;
    // 0..1 for a progress bar.
    float progress() const {
        if (durationMilliseconds <= 0)
            return 0.0f;
        return std::clamp(static_cast<float>(positionMilliseconds) / static_cast<float>(durationMilliseconds),
                          0.0f, 1.0f);
    }
};

// The clip id of the kiosk's own sounds (the staff view's test chime, the idle warning's
// chime), which are not the pack's recordings.
inline constexpr std::int64_t kKioskSoundClipId = -1;

inline bool PlaybackStatus::isKioskSound() const {
    return clipId == kKioskSoundClipId;
}

// Which sound output plays, for the staff view: a field officer must be able to tell "no
// sound device" from "the volume is down" without a terminal.
struct SoundDeviceStatus {
    bool works = false;
    std::string deviceName; // as the system names it; "" when none opened
    std::string problem;    // why none opened, for logs
};

// Call from the UI thread only. No method throws: a kiosk without working sound must keep
// showing pages, so failures become PlaybackState::Failed.
class AudioOutput {
  public:
    virtual ~AudioOutput() = default;

    // Starts `clip` (Ogg Vorbis from PackReader::loadAudio) from its beginning, replacing
    // whatever was loaded. Decodes as it plays: only the encoded bytes stay in memory.
    virtual void play(pack::EncodedAudio clip) = 0;
    // The same for samples already decoded (short sounds, tests); `clipId` tags them in status().
    virtual void play(audio::DecodedAudio samples, std::int64_t clipId) = 0;
    virtual void pause() = 0;  // Playing → Paused; otherwise nothing
    virtual void resume() = 0; // Paused → Playing; otherwise nothing
    virtual void stop() = 0;   // → Idle, and the clip is released (leaving a page, idle timeout)

    // Cheap (a few atomic loads, no lock, no allocation): fit for every frame.
    virtual PlaybackStatus status() const = 0;
    // Why the last play() failed, for logs; empty when it did not.
    virtual std::string lastError() const = 0;

    // Opens an output now if none is open (play() would at the first tap) and says which.
    virtual SoundDeviceStatus checkDevice() = 0;
    // 0..100, applied to every sample from the next block on, the one playing included.
    virtual void setVolume(int percent) = 0;
    virtual int volume() const = 0;

    // Frames (one sample per channel) of clips handed to the sound device since this output
    // was created, and how many of those were not silence. The headless harness checks these
    // to prove that tapping the speaker produced sound.
    virtual std::uint64_t framesPlayed() const = 0;
    virtual std::uint64_t audibleFramesPlayed() const = 0;
};

} // namespace kiosk::ui
