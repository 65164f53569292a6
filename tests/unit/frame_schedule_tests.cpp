// When the interactive loop draws and sleeps (time/FrameSchedule.hpp), case by case.
#include "time/FrameSchedule.hpp"

#include <doctest/doctest.h>

using namespace kiosk::time;

namespace {

// A settled, idle kiosk: the last frame started at 10 s, the idle deadline is at 100 s.
FrameLoopState settledAt(std::int64_t now) {
    FrameLoopState state;
    state.nowMilliseconds = now;
    state.anyFrameDrawn = true;
    state.lastFrameStartMilliseconds = 10'000;
    state.frameIntervalMilliseconds = 16;
    state.idleDeadlineMilliseconds = 100'000;
    return state;
}

} // namespace

TEST_CASE("frames: a settled idle kiosk draws nothing and sleeps at most a second") {
    const FrameLoopState state = settledAt(20'000);
    CHECK_FALSE(keepsDrawing(state));
    CHECK_FALSE(drawsFrame(state));
    CHECK(waitMilliseconds(state) == 1000);
}

TEST_CASE("frames: the idle deadline is drawn on time, and the sleep before it ends there") {
    FrameLoopState state = settledAt(99'700);
    CHECK(waitMilliseconds(state) == 300);
    CHECK_FALSE(drawsFrame(state));
    state.nowMilliseconds = 100'000;
    CHECK(drawsFrame(state));
    CHECK(waitMilliseconds(state) == 0);
}

TEST_CASE("frames: a new UI is drawn at once") {
    FrameLoopState state = settledAt(20'000);
    state.anyFrameDrawn = false;
    state.lastFrameStartMilliseconds = 19'999;
    CHECK(drawsFrame(state));
    CHECK(waitMilliseconds(state) == 0);
}

TEST_CASE("frames: input is drawn at once, or as soon as 16 ms have passed since the last frame") {
    FrameLoopState state = settledAt(20'000);
    state.inputSinceLastFrame = true;
    CHECK(drawsFrame(state));
    state.lastFrameStartMilliseconds = 19'990;
    CHECK_FALSE(drawsFrame(state));
    CHECK(waitMilliseconds(state) == 6);
    state.nowMilliseconds = 20'006;
    CHECK(drawsFrame(state));
}

TEST_CASE("frames: input during slow narration frames is still drawn within 16 ms") {
    FrameLoopState state = settledAt(20'000);
    state.lastFrameStartMilliseconds = 19'995;
    state.narrating = true;
    state.frameIntervalMilliseconds = 250;
    CHECK(waitMilliseconds(state) == 245);
    state.inputSinceLastFrame = true;
    CHECK(waitMilliseconds(state) == 11);
}

TEST_CASE("frames: every reason to keep drawing keeps the loop busy at the UI's frame interval") {
    struct Reason {
        const char* name;
        bool FrameLoopState::*flag;
    };
    const Reason reasons[] = {
        {"a tap's action applied after the last frame", &FrameLoopState::undrawnUiChanges},
        {"the last frame differed from the one before", &FrameLoopState::lastFrameDiffered},
        {"a finger or button held down", &FrameLoopState::pointerHeld},
        {"an animation", &FrameLoopState::animating},
        {"narration playing", &FrameLoopState::narrating},
        {"pictures still decoding", &FrameLoopState::picturesPending},
        {"the frame hook's progress", &FrameLoopState::hookWantsFrames},
    };
    for (const Reason& reason : reasons) {
        CAPTURE(reason.name);
        FrameLoopState state = settledAt(10'005);
        state.*reason.flag = true;
        state.frameIntervalMilliseconds = 100;
        CHECK(keepsDrawing(state));
        CHECK_FALSE(drawsFrame(state)); // not before its time
        CHECK(waitMilliseconds(state) == 95);
        state.nowMilliseconds = 10'100;
        CHECK(drawsFrame(state));
        state.*reason.flag = false;
        CHECK_FALSE(drawsFrame(state));
    }
}

TEST_CASE("frames: a screen that never settles stops keeping the loop busy after the limit") {
    FrameLoopState state = settledAt(10'016);
    state.lastFrameDiffered = true;
    state.unsettledFramesInARow = kUnsettledFrameLimit - 1;
    CHECK(drawsFrame(state));
    CHECK(drawsOnlyToSettle(state));
    state.unsettledFramesInARow = kUnsettledFrameLimit;
    CHECK_FALSE(drawsFrame(state));
    // Input still draws.
    state.inputSinceLastFrame = true;
    CHECK(drawsFrame(state));
    CHECK_FALSE(drawsOnlyToSettle(state));
}

TEST_CASE("frames: a frame drawn for an animation or for input is not one drawn only to settle") {
    FrameLoopState state = settledAt(10'016);
    state.lastFrameDiffered = true;
    state.animating = true;
    CHECK_FALSE(drawsOnlyToSettle(state));
    state.animating = false;
    CHECK(drawsOnlyToSettle(state));
}

TEST_CASE("frames: the loop never spins, even with the idle deadline passed and frames due at once") {
    FrameLoopState state = settledAt(10'002);
    state.idleDeadlineMilliseconds = 0;
    state.animating = true;
    state.frameIntervalMilliseconds = 0;
    CHECK_FALSE(drawsFrame(state));
    CHECK(waitMilliseconds(state) == 14);
}
