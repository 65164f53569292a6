// Runs a kiosk script on virtual time: taps and drags go through the same gesture
// recognizer as real fingers, `wait` renders frames while the virtual clock advances, and
// `expect` checks what the last frame showed. Used by the end-to-end tests and benchmarks.
#pragma once

#include "KioskRuntime.hpp"
#include "script/Script.hpp"
#include "time/Clock.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::platform {

struct ScriptFailure {
    int lineNumber = 0;
    std::string message;
};

class HeadlessRunner {
  public:
    HeadlessRunner(KioskRuntime& runtime, time::VirtualClock& clock, std::filesystem::path shotDirectory);
    // Returns the first failure, or nothing when every command succeeded.
    std::optional<ScriptFailure> run(const std::vector<script::Command>& commands);

  private:
    void advance(std::int64_t milliseconds);
    void tapAt(float x, float y);
    std::optional<std::string> execute(const script::Action& action);

    KioskRuntime& runtime_;
    time::VirtualClock& clock_;
    std::filesystem::path shotDirectory_;
};

} // namespace kiosk::platform
