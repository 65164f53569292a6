#include "time/FrameSchedule.hpp"

#include <algorithm>

namespace kiosk::time {

bool keepsDrawing(const FrameLoopState& state) {
    const bool settling = state.lastFrameDiffered && state.unsettledFramesInARow < kUnsettledFrameLimit;
    return !state.anyFrameDrawn || state.undrawnUiChanges || settling || state.pointerHeld ||
           state.animating || state.narrating || state.picturesPending || state.hookWantsFrames;
}

std::int64_t nextFrameDueMilliseconds(const FrameLoopState& state) {
    if (!state.anyFrameDrawn)
        return state.nowMilliseconds;
    const std::int64_t soonest = state.lastFrameStartMilliseconds + kShortestFrameMilliseconds;
    if (state.inputSinceLastFrame)
        return soonest;
    std::int64_t due = state.idleDeadlineMilliseconds;
    if (keepsDrawing(state))
        due = std::min(due, state.lastFrameStartMilliseconds + state.frameIntervalMilliseconds);
    return std::max(due, soonest);
}

bool drawsFrame(const FrameLoopState& state) {
    return state.nowMilliseconds >= nextFrameDueMilliseconds(state);
}

bool drawsOnlyToSettle(const FrameLoopState& state) {
    FrameLoopState settled = state;
    settled.lastFrameDiffered = false;
    return !state.inputSinceLastFrame && keepsDrawing(state) && !keepsDrawing(settled) &&
           state.nowMilliseconds < state.idleDeadlineMilliseconds;
}

int waitMilliseconds(const FrameLoopState& state) {
    const std::int64_t wait = nextFrameDueMilliseconds(state) - state.nowMilliseconds;
    return static_cast<int>(std::clamp<std::int64_t>(wait, 0, kLongestSleepMilliseconds));
}

} // namespace kiosk::time
