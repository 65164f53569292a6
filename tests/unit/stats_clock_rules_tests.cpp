#include "stats_test_support.hpp"

#include "stats/ClockTrust.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

std::vector<CountPeriod> periodsOf(const CountTable& counts, const std::string& metric) {
    std::vector<CountPeriod> periods;
    for (const auto& [key, count] : counts)
        if (key.metric == metric)
            periods.push_back(key.period);
    return periods;
}

} // namespace

TEST_CASE("stats: the clock is trusted only when synchronised or set by staff, and not before the build") {
    const std::int64_t build = testBuildDateSeconds;
    CHECK(judgeClock({true, false, build, build}) == ClockStatus::Synchronised);
    CHECK(judgeClock({false, true, build + 1, build}) == ClockStatus::SetByStaff);
    CHECK(judgeClock({false, false, build + 1, build}) == ClockStatus::NotSynchronised);
    CHECK(judgeClock({true, true, build - 1, build}) == ClockStatus::BeforeBuildDate);
    CHECK(isTrusted(ClockStatus::Synchronised));
    CHECK(isTrusted(ClockStatus::SetByStaff));
    CHECK_FALSE(isTrusted(ClockStatus::NotSynchronised));
    CHECK_FALSE(isTrusted(ClockStatus::BeforeBuildDate));
}

TEST_CASE("stats: days follow local midnight in Vietnam (UTC+7)") {
    const std::int64_t lastSecondOfDay =
        dayNumberFromCivil(2026, 11, 25) * 86400 + 17 * 3600 - 1; // 23:59:59 local
    CHECK(periodFor(ClockStatus::Synchronised, lastSecondOfDay, 420, 1, 0).date == "2026-11-25");
    CHECK(periodFor(ClockStatus::Synchronised, lastSecondOfDay + 1, 420, 1, 0).date == "2026-11-26");
    CHECK(localHourOfDay(lastSecondOfDay, 420) == 23);
    CHECK(localHourOfDay(lastSecondOfDay + 1, 420) == 0);
    CHECK(formatIsoWeek(isoWeekOf(dayNumberFromCivil(2026, 1, 1))) == "2026-W01");
    CHECK(formatIsoWeek(isoWeekOf(dayNumberFromCivil(2027, 1, 1))) == "2026-W53");
    CHECK(formatDay(mondayOf(IsoWeek{2026, 48})) == "2026-11-23");
    CHECK_FALSE(parseDay("2026-02-29").has_value());
    CHECK(parseDay("2028-02-29").has_value());
}

TEST_CASE("stats: with an untrusted clock counts go under the boot counter and day of uptime") {
    TemporaryFolder data;
    FakeKernel kernel;
    kernel.synchronised = false;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.clockStatus() == ClockStatus::NotSynchronised);
        recorder.sessionStarted();
        clock.advance(86'400'000 + 5);
        recorder.sessionStarted();
        recorder.flush();
    }
    const CountTable counts = committedCounts(data.path());
    CHECK(periodsOf(counts, "session_started") == std::vector<CountPeriod>{{"", 1, 0}, {"", 1, 1}});
    CHECK(totalOfMetric(counts, "sessions_by_hour") == 0); // an hour of an unknown day is not kept

    // The kiosk program restarts within the same boot: same boot number.
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.sessionStarted();
    }
    // A new boot: the next number, and uptime starts again.
    kernel.bootId = "boot-b";
    kiosk::time::VirtualClock afterReboot(morningWallSeconds);
    {
        UsageRecorder recorder(afterReboot, optionsFor(data.path(), kernel));
        recorder.sessionStarted();
    }
    CHECK(periodsOf(committedCounts(data.path()), "session_started") ==
          std::vector<CountPeriod>{{"", 1, 0}, {"", 1, 1}, {"", 2, 0}});
    CHECK(total(committedCounts(data.path()), "session_started") == 4);
}

TEST_CASE("stats: a synchronised clock before the build date is not trusted") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(testBuildDateSeconds - 86400); // the Pi woke up in the past
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.clockStatus() == ClockStatus::BeforeBuildDate);
        recorder.pageViewed("p1", "vie");
    }
    CHECK(periodsOf(committedCounts(data.path()), "page_view") == std::vector<CountPeriod>{{"", 1, 0}});
}

TEST_CASE("stats: a date set by staff is trusted until the next boot") {
    TemporaryFolder data;
    FakeKernel kernel;
    kernel.synchronised = false;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.pageViewed("p1", "vie");
        recorder.wallClockSetByStaff();
        CHECK(recorder.clockStatus() == ClockStatus::SetByStaff);
        recorder.pageViewed("p1", "vie");
    }
    { // the program restarts, same boot: still trusted
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.clockStatus() == ClockStatus::SetByStaff);
        recorder.pageViewed("p1", "vie");
    }
    kernel.bootId = "boot-b";
    { // after a reboot the clock is unknown again
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.clockStatus() == ClockStatus::NotSynchronised);
        recorder.pageViewed("p1", "vie");
    }
    CHECK(periodsOf(committedCounts(data.path()), "page_view") ==
          std::vector<CountPeriod>{{"", 1, 0}, {"", 2, 0}, {"2026-11-25", 0, 0}});
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 4);
}

TEST_CASE("stats: once synchronised in a boot, a lost network does not undo the trust") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.pageViewed("p1", "vie");
        kernel.synchronised = false; // network gone: the kernel raises STA_UNSYNC
        CHECK(recorder.clockStatus() == ClockStatus::Synchronised);
        recorder.pageViewed("p1", "vie");
    }
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.clockStatus() == ClockStatus::Synchronised);
    }
    kernel.bootId = "boot-b";
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    CHECK(recorder.clockStatus() == ClockStatus::NotSynchronised);
    CHECK(periodsOf(committedCounts(data.path()), "page_view") ==
          std::vector<CountPeriod>{{"2026-11-25", 0, 0}});
}
