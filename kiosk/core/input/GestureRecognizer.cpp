#include "input/GestureRecognizer.hpp"

#include <cmath>

namespace kiosk::input {

GestureRecognizer::GestureRecognizer(float slopPixels, std::int64_t longPressMilliseconds)
    : slopPixels_(slopPixels), longPressMilliseconds_(longPressMilliseconds) {}

void GestureRecognizer::pointerDown(Point position, std::int64_t milliseconds) {
    // A second finger while the first is down is ignored: one villager, one finger.
    if (pressed_)
        return;
    pressed_ = true;
    dragging_ = false;
    longPressReported_ = false;
    pressPosition_ = position;
    lastPosition_ = position;
    pressMilliseconds_ = milliseconds;
    recentSamples_[0] = recentSamples_[1] = Sample{position, milliseconds};
    frame_.touched = true;
    frame_.pressedAt = position;
}

void GestureRecognizer::pointerMove(Point position, std::int64_t milliseconds) {
    if (!pressed_)
        return;
    frame_.touched = true;
    if (!dragging_) {
        const float distance = std::hypot(position.x - pressPosition_.x, position.y - pressPosition_.y);
        if (distance <= slopPixels_)
            return;
        dragging_ = true;
        frame_.pressedAt.reset();
        // The content starts moving from where the finger is now, without a jump.
        lastPosition_ = pressPosition_;
    }
    frame_.dragDelta.x += position.x - lastPosition_.x;
    frame_.dragDelta.y += position.y - lastPosition_.y;
    frame_.dragging = true;
    lastPosition_ = position;
    recordVelocitySample(position, milliseconds);
}

void GestureRecognizer::pointerUp(Point position, std::int64_t milliseconds) {
    if (!pressed_)
        return;
    pointerMove(position, milliseconds);
    pressed_ = false;
    frame_.touched = true;
    frame_.pressedAt.reset();
    if (dragging_) {
        dragging_ = false;
        frame_.dragReleased = Point{position.x - pressPosition_.x, position.y - pressPosition_.y};
        const Sample& older = recentSamples_[0];
        const std::int64_t elapsed = milliseconds - older.milliseconds;
        // A finger that stopped before lifting should not fling the page.
        if (elapsed > 0 && milliseconds - recentSamples_[1].milliseconds < 100) {
            frame_.releaseVelocity.x =
                (position.x - older.position.x) * 1000.0f / static_cast<float>(elapsed);
            frame_.releaseVelocity.y =
                (position.y - older.position.y) * 1000.0f / static_cast<float>(elapsed);
        }
        return;
    }
    if (!longPressReported_ && milliseconds - pressMilliseconds_ < longPressMilliseconds_)
        frame_.tap = pressPosition_;
}

void GestureRecognizer::cancel() {
    pressed_ = false;
    dragging_ = false;
    frame_.pressedAt.reset();
}

GestureFrame GestureRecognizer::takeFrame(std::int64_t nowMilliseconds) {
    if (pressed_ && !dragging_ && !longPressReported_ &&
        nowMilliseconds - pressMilliseconds_ >= longPressMilliseconds_) {
        longPressReported_ = true;
        frame_.longPress = pressPosition_;
    }
    GestureFrame taken = frame_;
    frame_ = GestureFrame{};
    if (pressed_ && !dragging_)
        frame_.pressedAt = pressPosition_;
    frame_.dragging = dragging_;
    return taken;
}

void GestureRecognizer::recordVelocitySample(Point position, std::int64_t milliseconds) {
    // Velocity over roughly the last 50 ms: shorter windows are noisy on cheap touch panels.
    if (milliseconds - recentSamples_[1].milliseconds >= 50 ||
        milliseconds - recentSamples_[0].milliseconds > 100)
        recentSamples_[0] = recentSamples_[1];
    recentSamples_[1] = Sample{position, milliseconds};
}

} // namespace kiosk::input
