// The interactive loop a villager meets (KioskRuntime::runLoop / runUntilQuit), not the
// headless harness: every tap is answered without further input, an idle kiosk draws
// nothing and wakes about once a second, the attract loop and the statistics' commit clock
// keep time without frames, and a mouse (or a touch panel that presents as an absolute
// pointer) taps, drags and long-presses like a finger.
#include "LoopFixture.hpp"
#include "staff_test_support.hpp"
#include "stats_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

constexpr std::int64_t kPressMilliseconds = 80;
constexpr std::int64_t kAnsweredWithinMilliseconds = 100;

const ImVec2 kScreen(1280, 800);

// The first frame presented at or after `from` that `shows`, or nullptr.
template <class Shows>
const PresentedFrame* firstPresented(const std::vector<PresentedFrame>& frames, std::int64_t from,
                                     Shows shows) {
    for (const PresentedFrame& frame : frames)
        if (frame.milliseconds >= from && shows(frame))
            return &frame;
    return nullptr;
}

// The first frame presented at or after `from` showing `screen`, or nullptr.
const PresentedFrame* firstShowing(const std::vector<PresentedFrame>& frames, std::int64_t from,
                                   ui::ScreenKind screen) {
    return firstPresented(frames, from, [&](const PresentedFrame& frame) { return frame.screen == screen; });
}

// The first frame presented at or after `from` with `text` on it, or nullptr.
const PresentedFrame* firstShowing(const std::vector<PresentedFrame>& frames, std::int64_t from,
                                   const std::string& text) {
    return firstPresented(frames, from, [&](const PresentedFrame& frame) { return frame.shows(text); });
}

std::size_t framesBetween(const std::vector<PresentedFrame>& frames, std::int64_t from, std::int64_t to) {
    return static_cast<std::size_t>(
        std::count_if(frames.begin(), frames.end(), [&](const PresentedFrame& frame) {
            return frame.milliseconds >= from && frame.milliseconds < to;
        }));
}

// A tap on the target labelled `label` (found when the press comes), pressed at `at`.
void scheduleTap(ScriptedEvents& events, LoopKiosk& kiosk, Pointer pointer, std::int64_t at,
                 const std::string& label) {
    auto position = std::make_shared<ImVec2>();
    events.at(at, [&kiosk, pointer, label, position] {
        *position = kiosk.locate(label);
        return pointerDown(pointer, *position, kScreen);
    });
    events.at(at + kPressMilliseconds,
              [pointer, position] { return pointerUp(pointer, *position, kScreen); });
}

// A drag from `from` to `to` in ten 20-ms steps, pressed at `at`; returns when it lets go.
std::int64_t scheduleDrag(ScriptedEvents& events, Pointer pointer, std::int64_t at, ImVec2 from, ImVec2 to) {
    events.at(at, [=] { return pointerDown(pointer, from, kScreen); });
    for (int step = 1; step <= 10; ++step) {
        const float progress = static_cast<float>(step) / 10.0f;
        const ImVec2 position(from.x + (to.x - from.x) * progress, from.y + (to.y - from.y) * progress);
        events.at(at + step * 20, [=] { return pointerMove(pointer, position, kScreen); });
    }
    const std::int64_t release = at + 220;
    events.at(release, [=] { return pointerUp(pointer, to, kScreen); });
    return release;
}

} // namespace

TEST_CASE(
    "after a tap and no further input, the next screen is presented within 100 ms, by finger and by mouse") {
    for (const Pointer pointer : {Pointer::Finger, Pointer::Mouse}) {
        CAPTURE(pointer == Pointer::Finger ? "finger" : "mouse");
        time::VirtualClock clock;
        LoopKiosk kiosk(clock);
        ScriptedEvents events(clock);
        kiosk.runtime().renderFrame(); // to find the tiles; the loop draws its own frames
        const std::int64_t release = 1000 + kPressMilliseconds;
        scheduleTap(events, kiosk, pointer, 1000, "Chương trình");
        events.quitAt(20'000);
        kiosk.runtime().runLoop(events, false);

        const PresentedFrame* category = firstShowing(kiosk.presented(), release, ui::ScreenKind::Category);
        REQUIRE(category != nullptr);
        CHECK(category->milliseconds - release <= kAnsweredWithinMilliseconds);
        // And then it settles: nothing is drawn in the rest of the time, though the loop woke.
        // (Pictures decode in real time while the virtual clock runs ahead: 5 s leaves room.)
        const std::int64_t settled = release + 5000;
        CHECK(framesBetween(kiosk.presented(), settled, 20'000) == 0);
        CHECK(kiosk.presented().back().screen == ui::ScreenKind::Category);
    }
}

TEST_CASE("an idle kiosk draws no frame for 60 s and wakes about once a second") {
    time::VirtualClock clock;
    LoopKiosk kiosk(clock);
    ScriptedEvents events(clock);
    events.quitAt(65'000);
    kiosk.runtime().runLoop(events, false);
    // Start-up draws home and lets it settle within the first few frames.
    REQUIRE(!kiosk.presented().empty());
    CHECK(kiosk.presented().back().milliseconds < 1000);
    CHECK(framesBetween(kiosk.presented(), 5000, 65'000) == 0);
    const auto& wakes = events.timeouts();
    const auto inWindow =
        std::count_if(wakes.begin(), wakes.end(), [](std::int64_t at) { return at >= 5000 && at < 65'000; });
    CHECK(inWindow >= 55); // the watchdog hears from the loop
    CHECK(inWindow <= 62);
}

TEST_CASE(
    "without any input the warning appears 15 s before the idle timeout, counts down, and the attract loop "
    "starts on time") {
    time::VirtualClock clock;
    LoopKiosk kiosk(clock);
    ScriptedEvents events(clock);
    kiosk.runtime().renderFrame();
    scheduleTap(events, kiosk, Pointer::Finger, 1000, "Chương trình");
    events.quitAt(100'000);
    kiosk.runtime().runLoop(events, false);
    const std::int64_t lastTouch = 1000 + kPressMilliseconds;

    // Nothing drawn between the tap's frames and the warning; then frames while it counts down.
    const PresentedFrame* warning = nullptr;
    for (const PresentedFrame& frame : kiosk.presented())
        if (!warning && frame.idleWarningShown)
            warning = &frame;
    REQUIRE(warning != nullptr);
    CHECK(warning->milliseconds >= lastTouch + 75'000);
    CHECK(warning->milliseconds <= lastTouch + 75'000 + 100);
    CHECK(framesBetween(kiosk.presented(), lastTouch + 2000, lastTouch + 75'000) == 0);
    const std::size_t countdownFrames =
        framesBetween(kiosk.presented(), lastTouch + 75'000, lastTouch + 90'000);
    CHECK(countdownFrames >= 15);  // at least one a second: the seconds move
    CHECK(countdownFrames <= 160); // at most the attract loop's 10 a second
    const PresentedFrame* attract = firstShowing(kiosk.presented(), lastTouch, ui::ScreenKind::Attract);
    REQUIRE(attract != nullptr);
    CHECK(attract->milliseconds >= lastTouch + 90'000);
    CHECK(attract->milliseconds <= lastTouch + 90'000 + 100);
    CHECK(kiosk.presented().back().screen == ui::ScreenKind::Attract);
}

namespace {

// The UI's usage events into a real recorder, as the app's UsageStatistics does.
class RecordingObserver final : public ui::UsageObserver {
  public:
    explicit RecordingObserver(stats::UsageRecorder& recorder) : recorder_(recorder) {}
    void sessionStarted(bool) override { recorder_.sessionStarted(); }
    void categoryOpened(const std::string& categoryId) override { recorder_.categoryOpened(categoryId); }
    void pageViewed(const std::string& pageId, const std::string& language) override {
        recorder_.pageViewed(pageId, language);
    }
    void pageLeft(const std::string& pageId, const std::string& language, std::int64_t dwell) override {
        recorder_.pageLeft(pageId, language, dwell);
    }
    void cardShown(const std::string& pageId, const std::string& language, int card, int) override {
        recorder_.cardShown(pageId, language, card);
    }
    void storyLeft(const std::string& pageId, const std::string& language, int furthest, int count) override {
        recorder_.storyLeft(pageId, language, furthest, count);
    }
    void fullscreenPictureOpened(const std::string&, bool) override {}
    void languageSwitched(const std::string& from, const std::string& to) override {
        recorder_.languageSwitched(from, to);
    }
    void pollAnswered(const std::string&, const std::string&, pack::PollAnswer) override {}
    void wentIdle() override { recorder_.wentIdle(); }

  private:
    stats::UsageRecorder& recorder_;
};

} // namespace

TEST_CASE("the statistics' commit clock moves while the kiosk is idle: a visit is durable 31 s later, "
          "without frames") {
    stats::testing::TemporaryFolder data;
    stats::testing::FakeKernel kernel;
    time::VirtualClock clock(stats::testing::morningWallSeconds);
    stats::UsageRecorder recorder(clock, stats::testing::optionsFor(data.path(), kernel));
    RecordingObserver observer(recorder);
    LoopKiosk kiosk(clock);
    kiosk.runtime().setUsageObserver(&observer);
    // As the app's session does: the commit clock moves in the hook the loop calls before
    // every frame and while the screen is idle.
    kiosk.runtime().setFrameHook([&recorder] {
        recorder.commitWhenDue();
        return false;
    });
    ScriptedEvents events(clock);
    kiosk.runtime().renderFrame();
    scheduleTap(events, kiosk, Pointer::Finger, 1000, "Chương trình");
    // Well before the 90-s idle timeout, which would commit anyway: a power cut here keeps
    // the visit only if the 30-s commit interval ran on an idle screen.
    events.quitAt(1000 + kPressMilliseconds + 31'000 + 1000);
    kiosk.runtime().runLoop(events, false);
    const stats::CountTable counts = stats::testing::committedCounts(data.path());
    CHECK(stats::testing::total(counts, "session_started") == 1);
    CHECK(stats::testing::totalOfMetric(counts, "category_open") == 1);
    CHECK(framesBetween(kiosk.presented(), 3000, 40'000) == 0);
}

TEST_CASE("a swipe on a story card shows the next card, and a tap on the arrow the one after, without "
          "further input, by finger and by mouse") {
    const std::string second =
        "Dự án ở 5 tỉnh: Hà Giang, Hòa Bình, Quảng Trị, Trà Vinh, Kon Tum. Thời gian: từ "
        "năm 2017 đến năm 2021.";
    const std::string third = "Ở những tỉnh có đông người dân tộc thiểu số, nghèo đói vẫn còn nhiều.";
    for (const Pointer pointer : {Pointer::Finger, Pointer::Mouse}) {
        CAPTURE(pointer == Pointer::Finger ? "finger" : "mouse");
        time::VirtualClock clock;
        LoopKiosk kiosk(clock);
        ScriptedEvents events(clock);
        kiosk.runtime().renderFrame();
        scheduleTap(events, kiosk, pointer, 1000, "Chương trình");
        scheduleTap(events, kiosk, pointer, 2000, "P4EM");
        // A swipe to the left across the picture: 600 px in 200 ms.
        const std::int64_t swipeEnd = scheduleDrag(events, pointer, 3000, ImVec2(900, 400), ImVec2(300, 400));
        scheduleTap(events, kiosk, pointer, 5000, "Tiếp");
        events.quitAt(9000);
        kiosk.runtime().runLoop(events, false);

        const std::vector<PresentedFrame>& frames = kiosk.presented();
        const PresentedFrame* swiped = firstShowing(frames, swipeEnd, second);
        REQUIRE(swiped != nullptr);
        CHECK(swiped->milliseconds - swipeEnd <= kAnsweredWithinMilliseconds);
        CHECK(swiped->screen == ui::ScreenKind::Page); // the swipe pressed nothing
        const std::int64_t tapped = 5000 + kPressMilliseconds;
        const PresentedFrame* arrow = firstShowing(frames, tapped, third);
        REQUIRE(arrow != nullptr);
        CHECK(arrow->milliseconds - tapped <= kAnsweredWithinMilliseconds);
        CHECK(frames.back().shows(third));
    }
}

TEST_CASE("a mouse or absolute pointer drags a page with inertia and long-presses like a finger") {
    for (const Pointer pointer : {Pointer::Finger, Pointer::Mouse}) {
        CAPTURE(pointer == Pointer::Finger ? "finger" : "mouse");
        time::VirtualClock clock;
        LoopKiosk kiosk(clock);
        ScriptedEvents events(clock);
        kiosk.runtime().renderFrame();
        scheduleTap(events, kiosk, pointer, 1000, "Chương trình");
        scheduleTap(events, kiosk, pointer, 2000, "P4EM");
        // The page opens on its story cards, which do not scroll: the article does.
        scheduleTap(events, kiosk, pointer, 2500, "Đọc thêm");
        // A drag up the page: 300 px in 200 ms, then let go.
        scheduleDrag(events, pointer, 3000, ImVec2(640, 600), ImVec2(640, 300));
        // The staff gesture: a 3.5-s hold on the top bar beside its buttons opens the staff view.
        const ImVec2 corner(540, 40);
        events.at(8000, [=] { return pointerDown(pointer, corner, kScreen); });
        events.at(11'500, [=] { return pointerUp(pointer, corner, kScreen); });
        events.quitAt(14'000);

        FakeStaffServices staff;
        staff.pinAnswer = ui::PinResult::Wrong;
        kiosk.runtime().setStaffServices(&staff);
        kiosk.runtime().runLoop(events, false);

        const std::vector<PresentedFrame>& frames = kiosk.presented();
        const PresentedFrame* beforeDrag = nullptr;
        for (const PresentedFrame& frame : frames)
            if (frame.milliseconds < 3000)
                beforeDrag = &frame;
        REQUIRE(beforeDrag != nullptr);
        REQUIRE(beforeDrag->screen == ui::ScreenKind::Page);
        const PresentedFrame* afterDrag = nullptr;
        for (const PresentedFrame& frame : frames)
            if (frame.milliseconds < 8000)
                afterDrag = &frame;
        REQUIRE(afterDrag != nullptr);
        // Scrolled up by at least the drag, and still on the page: no tap fired.
        CHECK(afterDrag->screen == ui::ScreenKind::Page);
        CHECK(beforeDrag->firstItemTop - afterDrag->firstItemTop >= 250.0f);
        // The glide ended and the screen settled before the hold began.
        CHECK(framesBetween(frames, 6000, 8000) == 0);
        CHECK(frames.back().staffViewOpen);
    }
}
