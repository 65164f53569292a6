// Time as the kiosk sees it. The UI, idle timeouts, inertia and statistics batching all
// read a Clock, so the headless harness can run them on virtual time.
#pragma once

#include <cstdint>

namespace kiosk::time {

class Clock {
  public:
    virtual ~Clock() = default;
    // Milliseconds since an arbitrary start; never goes back.
    virtual std::int64_t monotonicMilliseconds() const = 0;
    // Seconds since 1970-01-01 UTC as the system believes; may be wrong (a Pi has no RTC).
    virtual std::int64_t wallSeconds() const = 0;
};

class SystemClock final : public Clock {
  public:
    std::int64_t monotonicMilliseconds() const override;
    std::int64_t wallSeconds() const override;
};

// Moves only when told to. Starts at monotonic 0 and the given wall time.
class VirtualClock final : public Clock {
  public:
    explicit VirtualClock(std::int64_t wallSecondsAtStart = 1764000000) : wallAtStart_(wallSecondsAtStart) {}
    std::int64_t monotonicMilliseconds() const override { return milliseconds_; }
    std::int64_t wallSeconds() const override { return wallAtStart_ + milliseconds_ / 1000; }
    void advance(std::int64_t milliseconds) { milliseconds_ += milliseconds > 0 ? milliseconds : 0; }

  private:
    std::int64_t wallAtStart_;
    std::int64_t milliseconds_ = 0;
};

} // namespace kiosk::time
