// When the interactive loop draws a frame, and how long it may sleep in between.
//
// The contract: an idle kiosk draws nothing and sleeps (a software frame costs a Pi ~50 ms,
// and an idle board should stay cool), yet anything that can change what the screen shows is
// drawn without waiting for more input. A tap changes the screen only at the end of the
// frame that delivers it (the UI applies its actions after drawing), and ImGui settles a new
// layout a frame later still: so after input, frames go on until the UI has applied nothing
// and two consecutive frames drew the same thing.
//
// The functions are pure: the loop gathers the state, these decide. The loop wakes at least
// once a second even when idle, for the systemd watchdog and the statistics' commit clock.
#pragma once

#include <cstdint>

namespace kiosk::time {

struct FrameLoopState {
    std::int64_t nowMilliseconds = 0;
    bool anyFrameDrawn = false;       // since the UI on screen was made (start-up, a pack swap)
    bool inputSinceLastFrame = false; // input, window or quit events were read since the last frame
    bool undrawnUiChanges = false;    // the UI applied a tap's action, or got a notice, after its last frame
    bool lastFrameDiffered = false;   // its draw data differed from the frame before: not settled yet
    int unsettledFramesInARow = 0;    // frames drawn only because the one before them differed
    bool pointerHeld = false;         // a finger or button is down: a long press grows, a drag moves
    bool animating = false;           // a glide, the attract loop, a tap still being fed to ImGui
    bool narrating = false;           // narration plays: its progress moves on screen
    bool picturesPending = false;     // pictures decoding: the frames that show them must come
    bool hookWantsFrames = false;     // the frame hook shows something moving (install progress)
    std::int64_t lastFrameStartMilliseconds = 0;
    std::int64_t frameIntervalMilliseconds = 16; // the UI's pace while busy (slower for the attract loop)
    std::int64_t idleDeadlineMilliseconds = 0;   // when the idle timeout ends the visit
};

// Frames never follow one another closer than this (60 a second): input is drawn at once
// unless a frame was just drawn, and nothing can make the loop spin.
inline constexpr std::int64_t kShortestFrameMilliseconds = 16;
// A screen that keeps differing with nothing declared moving is a bug; after this many
// frames it no longer keeps the loop busy (input, animation and the idle timeout still draw).
inline constexpr int kUnsettledFrameLimit = 8;
// The longest sleep: the watchdog and the commit clock hear from the loop at least this often.
inline constexpr std::int64_t kLongestSleepMilliseconds = 1000;

// True while frames must follow one another (at the UI's frame interval) without input.
bool keepsDrawing(const FrameLoopState& state);
// When the next frame is due: at once for a new UI; soon after input; at the UI's frame
// interval while busy; else at the idle deadline.
std::int64_t nextFrameDueMilliseconds(const FrameLoopState& state);
// Whether to draw a frame now, after this turn's events were read.
bool drawsFrame(const FrameLoopState& state);
// True when the frame drawn now is drawn only to see the screen settle (kUnsettledFrameLimit).
bool drawsOnlyToSettle(const FrameLoopState& state);
// How long to wait for events before the next turn: until the next frame is due, at most
// kLongestSleepMilliseconds; never negative.
int waitMilliseconds(const FrameLoopState& state);

} // namespace kiosk::time
