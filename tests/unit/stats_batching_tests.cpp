#include "stats_test_support.hpp"

#include "time/Clock.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

TEST_CASE("stats: nothing is committed before 30 s of clock time, everything after") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.sessionStarted();
    recorder.pageViewed("p1", "vie");
    for (int frame = 0; frame < 1799; ++frame) { // 29.983 s of 60 fps frames
        clock.advance(16);
        recorder.commitWhenDue();
    }
    clock.advance(30'000 - 1 - clock.monotonicMilliseconds());
    recorder.commitWhenDue();
    CHECK(clock.monotonicMilliseconds() == 29'999);
    CHECK(committedCounts(data.path()).empty());
    CHECK(recorder.health().pendingCounters == 4);

    clock.advance(1);
    recorder.commitWhenDue();
    const CountTable counts = committedCounts(data.path());
    CHECK(total(counts, "session_started") == 1);
    CHECK(total(counts, "page_view", "p1", "vie") == 1);
    CHECK(recorder.health().pendingCounters == 0);
    CHECK(recorder.health().lastError.empty());
}

TEST_CASE("stats: commits come at most once per interval") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.pageViewed("p1", "vie");
    clock.advance(30'000);
    recorder.commitWhenDue(); // commit at 30 s
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);

    clock.advance(5'000);
    recorder.pageViewed("p1", "vie");
    clock.advance(24'999);
    recorder.commitWhenDue(); // 59.999 s: only 29.999 s since the last commit
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
    clock.advance(1);
    recorder.commitWhenDue();
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 2);
}

TEST_CASE("stats: going idle commits at once") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.sessionStarted();
    recorder.pageViewed("p1", "vie");
    clock.advance(3'000);
    recorder.commitWhenDue();
    CHECK(committedCounts(data.path()).empty());
    recorder.wentIdle();
    CHECK(total(committedCounts(data.path()), "session_started") == 1);
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
}

TEST_CASE("stats: close and destruction commit, and nothing is counted after close") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.pageViewed("p1", "vie");
        recorder.close();
        CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
        recorder.pageViewed("p1", "vie"); // after close: ignored
        recorder.flush();
    }
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.pageViewed("p2", "eng");
        CHECK(total(committedCounts(data.path()), "page_view", "p2", "eng") == 0);
    } // destructor
    CHECK(total(committedCounts(data.path()), "page_view", "p2", "eng") == 1);
}

TEST_CASE("stats: flush commits even inside the interval, and an empty batch writes nothing") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.flush();
    CHECK(committedCounts(data.path()).empty());
    recorder.categoryOpened("meetings");
    recorder.flush();
    CHECK(total(committedCounts(data.path()), "category_open", "meetings") == 1);
}
