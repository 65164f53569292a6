// Poll answers are statistics: counted per page, language and face, stored in stats.db and
// written to the USB export like every other count.
#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;
using kiosk::pack::PollAnswer;

TEST_CASE("poll: answers are counted per page, language and face, and exported") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.pollAnswered("p4em", "vie", PollAnswer::Happy);
    recorder.pollAnswered("p4em", "vie", PollAnswer::Happy);
    recorder.pollAnswered("p4em", "eng", PollAnswer::Unhappy);
    recorder.pollAnswered("i2i", "vie", PollAnswer::Neutral);
    recorder.flush();

    const CountTable counts = committedCounts(data.path());
    CHECK(total(counts, "poll_answer", "p4em", "vie", "happy") == 2);
    CHECK(total(counts, "poll_answer", "p4em", "eng", "unhappy") == 1);
    CHECK(total(counts, "poll_answer", "i2i", "vie", "neutral") == 1);
    CHECK(totalOfMetric(counts, "poll_answer") == 4);

    const ExportResult result = recorder.exportTo(stick.path() / "kiosk");
    REQUIRE(result.saved);
    const std::string csv = kiosk::os::readTextFile(result.countsFile, 1 << 20);
    CHECK(csv.find("2026-11-25,,,poll_answer,p4em,vie,happy,2\n") != std::string::npos);
    CHECK(csv.find("2026-11-25,,,poll_answer,p4em,eng,unhappy,1\n") != std::string::npos);
    CHECK(csv.find("2026-11-25,,,poll_answer,i2i,vie,neutral,1\n") != std::string::npos);
    CHECK(metricFromName("poll_answer") == Metric::PollAnswer);
}
