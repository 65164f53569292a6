// One scrollable axis with drag-to-scroll and inertia: the page follows the finger, and
// after a fling it glides and slows down. Positions are in pixels, time in milliseconds.
#pragma once

#include <cstdint>

namespace kiosk::input {

class KineticScroller {
  public:
    // The finger moved the content by `delta` pixels (positive = content moves down/right,
    // so the offset shrinks).
    void drag(float delta);
    void release(float velocityPixelsPerSecond);
    // Advances the glide; call once per frame.
    void update(std::int64_t elapsedMilliseconds);
    void setLimit(float maximumOffset);
    void jumpTo(float offset);
    void stop() { velocity_ = 0; }

    float offset() const { return offset_; }
    float limit() const { return maximumOffset_; }
    bool isMoving() const { return velocity_ != 0; }

  private:
    void clamp();

    float offset_ = 0;
    float maximumOffset_ = 0;
    float velocity_ = 0; // offset change per second
};

} // namespace kiosk::input
