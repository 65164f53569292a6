#include "input/KineticScroller.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::input {

namespace {
// Velocity falls to 1/e in this time: long enough to feel like a glide, short enough that
// a flung page settles before the villager loses track of it.
constexpr float kGlideTimeConstantSeconds = 0.325f;
constexpr float kStopBelowPixelsPerSecond = 20.0f;
constexpr float kFastestFlingPixelsPerSecond = 6000.0f;
} // namespace

void KineticScroller::drag(float delta) {
    velocity_ = 0;
    offset_ -= delta;
    clamp();
}

void KineticScroller::release(float velocityPixelsPerSecond) {
    velocity_ =
        -std::clamp(velocityPixelsPerSecond, -kFastestFlingPixelsPerSecond, kFastestFlingPixelsPerSecond);
    if (std::fabs(velocity_) < kStopBelowPixelsPerSecond)
        velocity_ = 0;
}

void KineticScroller::update(std::int64_t elapsedMilliseconds) {
    if (velocity_ == 0 || elapsedMilliseconds <= 0)
        return;
    // Exact exponential decay, so the glide is the same whatever the frame rate.
    const float seconds = static_cast<float>(elapsedMilliseconds) / 1000.0f;
    const float decay = std::exp(-seconds / kGlideTimeConstantSeconds);
    offset_ += velocity_ * kGlideTimeConstantSeconds * (1.0f - decay);
    velocity_ *= decay;
    if (std::fabs(velocity_) < kStopBelowPixelsPerSecond)
        velocity_ = 0;
    clamp();
}

void KineticScroller::setLimit(float maximumOffset) {
    maximumOffset_ = std::max(0.0f, maximumOffset);
    clamp();
}

void KineticScroller::jumpTo(float offset) {
    velocity_ = 0;
    offset_ = offset;
    clamp();
}

void KineticScroller::clamp() {
    const float clamped = std::clamp(offset_, 0.0f, maximumOffset_);
    if (clamped != offset_)
        velocity_ = 0;
    offset_ = clamped;
}

} // namespace kiosk::input
