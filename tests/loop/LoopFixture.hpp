// The kiosk's real interactive loop (KioskRuntime::runLoop) in-process, on SDL's offscreen
// video driver and the software renderer, with the demo pack. Two ways to feed it:
//   ScriptedEvents  events at set times on a virtual clock; waiting advances the clock, so
//                   minutes of a villager's visit take milliseconds and every wake-up counts
//   SDL_PushEvent   from a test thread, into the real IdleWait on the real clock
#pragma once

#include "KioskRuntime.hpp"
#include "LoopEvents.hpp"
#include "pack/PackReader.hpp"
#include "text/UiStrings.hpp"
#include "time/Clock.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::testing {

// SDL for one test: offscreen video, dummy sound; quits when the test ends.
class OffscreenSdl {
  public:
    OffscreenSdl();
    ~OffscreenSdl();
    OffscreenSdl(const OffscreenSdl&) = delete;
    OffscreenSdl& operator=(const OffscreenSdl&) = delete;
};

struct PresentedFrame {
    std::int64_t milliseconds = 0;
    ui::ScreenKind screen = ui::ScreenKind::Home;
    bool staffViewOpen = false;
    std::size_t placeholders = 0;   // pictures not decoded yet, drawn as placeholders
    float firstItemTop = 0;         // the top of the first touchable item below the top bar (scrolling)
    bool idleWarningShown = false;  // "are you still there?"
    std::vector<std::string> texts; // every text and touch target's label the frame showed

    bool shows(const std::string& text) const {
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    }
};

class LoopKiosk {
  public:
    LoopKiosk(const time::Clock& clock, int width = 1280, int height = 800);
    ~LoopKiosk();
    LoopKiosk(const LoopKiosk&) = delete;
    LoopKiosk& operator=(const LoopKiosk&) = delete;

    platform::KioskRuntime& runtime() { return *runtime_; }
    // Every frame the loop presented, in order (written on the loop's thread).
    const std::vector<PresentedFrame>& presented() const { return presented_; }
    // The centre of the touch target labelled `text` in the last frame; fails the test if none.
    ImVec2 locate(const std::string& text) const;

  private:
    OffscreenSdl sdl_;
    text::UiStrings strings_;
    pack::PackReader pack_;
    std::unique_ptr<platform::KioskRuntime> runtime_;
    std::vector<PresentedFrame> presented_;
};

enum class Pointer { Finger, Mouse };

// Events for the pointer kind at screen pixel positions (fingers in SDL's 0..1 coordinates).
SDL_Event pointerDown(Pointer pointer, ImVec2 at, ImVec2 screen);
SDL_Event pointerMove(Pointer pointer, ImVec2 at, ImVec2 screen);
SDL_Event pointerUp(Pointer pointer, ImVec2 at, ImVec2 screen);
SDL_Event quitEvent();

// Events at set virtual times; an event is made when its time comes, so it can aim at what
// the screen shows then. Waiting for an event advances the clock to it, or by the timeout.
class ScriptedEvents final : public platform::LoopEvents {
  public:
    explicit ScriptedEvents(time::VirtualClock& clock) : clock_(clock) {}

    void at(std::int64_t milliseconds, std::function<SDL_Event()> make);
    void quitAt(std::int64_t milliseconds) {
        at(milliseconds, [] { return quitEvent(); });
    }
    bool waitEvent(SDL_Event& event, int timeoutMilliseconds) override;

    // Wake-ups without an event: each wait whose time ran out, and when.
    const std::vector<std::int64_t>& timeouts() const { return timeouts_; }

  private:
    struct Scheduled {
        std::int64_t milliseconds;
        std::function<SDL_Event()> make;
    };
    time::VirtualClock& clock_;
    std::deque<Scheduled> scheduled_; // in time order
    std::vector<std::int64_t> timeouts_;
    bool quitDelivered_ = false;
};

} // namespace kiosk::testing
