// The loop on the real clock and the real IdleWait, as on a board: events pushed from
// another thread (SDL_PushEvent is how SDL's own input threads deliver them too) must wake
// it at once, and an idle minute must pass without a frame.
#include "IdleWait.hpp"
#include "LoopFixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <sys/resource.h>
#include <thread>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

// Every wait that ended without an event, on the loop's clock.
class RecordedWaits final : public platform::LoopEvents {
  public:
    RecordedWaits(platform::LoopEvents& events, const time::Clock& clock) : events_(events), clock_(clock) {}
    bool waitEvent(SDL_Event& event, int timeoutMilliseconds) override {
        const bool got = events_.waitEvent(event, timeoutMilliseconds);
        if (!got && timeoutMilliseconds > 0)
            timeouts_.push_back(clock_.monotonicMilliseconds());
        return got;
    }
    const std::vector<std::int64_t>& timeouts() const { return timeouts_; }

  private:
    platform::LoopEvents& events_;
    const time::Clock& clock_;
    std::vector<std::int64_t> timeouts_;
};

void push(SDL_Event event) {
    REQUIRE(SDL_PushEvent(&event) == 1);
}

// CPU time the whole process has used, user and system, in milliseconds.
std::int64_t processCpuMilliseconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto milliseconds = [](const timeval& time) {
        return static_cast<std::int64_t>(time.tv_sec) * 1000 + time.tv_usec / 1000;
    };
    return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime);
}

} // namespace

TEST_CASE(
    "real clock: a finger tap pushed from another thread is on screen within 100 ms, its pictures follow "
    "without input, and then an idle minute draws nothing") {
    time::SystemClock clock;
    LoopKiosk kiosk(clock);
    const ImVec2 screen(1280, 800);
    kiosk.runtime().renderFrame();
    const ImVec2 tile = kiosk.locate("Chương trình");

    std::int64_t releasedAt = 0;
    std::int64_t idleFrom = 0;
    std::int64_t idleCpuMilliseconds = 0;
    std::thread villager([&] {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        push(pointerDown(Pointer::Finger, tile, screen));
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        releasedAt = clock.monotonicMilliseconds();
        push(pointerUp(Pointer::Finger, tile, screen));
        std::this_thread::sleep_for(std::chrono::seconds(3));
        idleFrom = clock.monotonicMilliseconds();
        const std::int64_t cpuBefore = processCpuMilliseconds();
        std::this_thread::sleep_for(std::chrono::seconds(60));
        idleCpuMilliseconds = processCpuMilliseconds() - cpuBefore;
        push(quitEvent());
    });
    platform::IdleWait idle(SDL_GetCurrentVideoDriver());
    RecordedWaits waits(idle, clock);
    kiosk.runtime().runLoop(waits, false);
    villager.join();

    const std::vector<PresentedFrame>& frames = kiosk.presented();
    const PresentedFrame* answer = nullptr;
    for (const PresentedFrame& frame : frames)
        if (!answer && frame.milliseconds >= releasedAt && frame.screen == ui::ScreenKind::Category)
            answer = &frame;
    REQUIRE(answer != nullptr);
    const std::int64_t tapToPresent = answer->milliseconds - releasedAt;
    MESSAGE("tap to presented frame on the real loop: " << tapToPresent << " ms");
    CHECK(tapToPresent <= 100);

    // Every tile picture decoded and drawn, with no input after the tap.
    const PresentedFrame* complete = nullptr;
    for (const PresentedFrame& frame : frames)
        if (!complete && frame.milliseconds >= releasedAt && frame.screen == ui::ScreenKind::Category &&
            frame.placeholders == 0)
            complete = &frame;
    REQUIRE(complete != nullptr);
    CHECK(complete->milliseconds < idleFrom);

    // The idle minute: no frame, and the loop woke about once a second (the watchdog).
    std::size_t idleFrames = 0;
    for (const PresentedFrame& frame : frames)
        idleFrames += frame.milliseconds >= idleFrom ? 1 : 0;
    std::size_t idleWakes = 0;
    for (const std::int64_t at : waits.timeouts())
        idleWakes += at >= idleFrom ? 1 : 0;
    MESSAGE("idle minute: " << idleFrames << " frames, " << idleWakes << " wake-ups, " << idleCpuMilliseconds
                            << " ms of CPU");
    CHECK(idleFrames == 0);
    // Asleep between wake-ups: a loop that spins inside its wait (wake-ups and frames stay
    // low) shows here. A second a minute is generous; it measures in tens of milliseconds.
    CHECK(idleCpuMilliseconds < 1000);
    CHECK(idleWakes >= 50);
    CHECK(idleWakes <= 62);
}
