// How long each stage of an install takes, for bench-install and the log. Nothing decides
// anything from these times.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

namespace kiosk::install {

// Called with a stage's name ("copy to staging + its hash", "checks: integrity", ...) and its
// wall time in seconds, on the thread that runs the install, after the stage ends. Stages of
// the checks that run on two threads at once overlap in time.
using StageTimeSink = std::function<void(std::string_view stage, double seconds)>;

// Reports the time since it was made (or since the last lap) as one stage.
class StageStopwatch {
  public:
    explicit StageStopwatch(const StageTimeSink& sink) : sink_(sink) {}

    // The seconds since the start or the last lap; restarts the count.
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - started_).count();
        started_ = now;
        return seconds;
    }
    void lap(std::string_view stage) {
        const double seconds = lap();
        if (sink_)
            sink_(stage, seconds);
    }

  private:
    const StageTimeSink& sink_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

} // namespace kiosk::install
