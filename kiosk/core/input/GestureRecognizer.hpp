// Turns raw pointer events (a finger, or the mouse during development) into the gestures
// a touch kiosk needs: taps, drags and flings. A press that moves further than the slop
// distance becomes a drag and can never end as a tap, so releasing after a scroll never
// presses whatever happens to be under the finger.
#pragma once

#include <cstdint>
#include <optional>

namespace kiosk::input {

struct Point {
    float x = 0;
    float y = 0;
};

// What happened since the previous frame.
struct GestureFrame {
    std::optional<Point> tap;          // a completed tap, at its press position
    Point dragDelta;                   // finger movement this frame while dragging
    bool dragging = false;             // a drag is in progress
    std::optional<Point> dragReleased; // a drag ended: total movement from press to release
    Point releaseVelocity;             // pixels per second at the end of a drag
    bool touched = false;              // any pointer activity (for idle timers)
    std::optional<Point> pressedAt;    // finger down and not yet a drag (for press feedback)
    std::optional<Point> longPress;    // held still for the long-press time: reported once
};

class GestureRecognizer {
  public:
    // `slopPixels`: how far a press may wander and still count as a tap.
    // `longPressMilliseconds`: a press held still this long is a long press, not a tap. Anything
    // shorter is a tap, however hesitant: a villager who rests her finger on a button means it,
    // and the times here are those at which the loop saw the events, so one slow frame between
    // press and release (a busy board) lengthens a quick tap.
    explicit GestureRecognizer(float slopPixels, std::int64_t longPressMilliseconds = 3000);

    void pointerDown(Point position, std::int64_t milliseconds);
    void pointerMove(Point position, std::int64_t milliseconds);
    void pointerUp(Point position, std::int64_t milliseconds);
    // A touch that was cancelled (e.g. the window lost focus): no tap.
    void cancel();

    // Returns what happened since the last call and starts a new frame. A long press is noticed
    // here, since a finger held still sends no events.
    GestureFrame takeFrame(std::int64_t nowMilliseconds);
    bool isPressed() const { return pressed_; }

  private:
    struct Sample {
        Point position;
        std::int64_t milliseconds = 0;
    };
    void recordVelocitySample(Point position, std::int64_t milliseconds);

    float slopPixels_;
    std::int64_t longPressMilliseconds_;
    bool pressed_ = false;
    bool longPressReported_ = false;
    bool dragging_ = false;
    Point pressPosition_;
    Point lastPosition_;
    std::int64_t pressMilliseconds_ = 0;
    Sample recentSamples_[2];
    GestureFrame frame_;
};

} // namespace kiosk::input
