#include "stats_test_support.hpp"

#include "stats/Metrics.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

TEST_CASE("stats: a scripted visit is counted exactly, per page and language") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.attractShown();
        recorder.attractShown();
        recorder.attractConverted();
        recorder.sessionStarted();
        recorder.categoryOpened("programmes");
        recorder.pageViewed("nong-thon-moi", "vie");
        recorder.pageLeft("nong-thon-moi", "vie", 9'999);
        recorder.pageViewed("nong-thon-moi", "vie");
        recorder.pageLeft("nong-thon-moi", "vie", 10'000);
        recorder.pageViewed("nong-thon-moi", "hmn");
        recorder.pageLeft("nong-thon-moi", "hmn", 120'000);
        recorder.galleryOpened("nong-thon-moi");
        recorder.fullscreenPictureOpened("nong-thon-moi");
        recorder.fullscreenPictureOpened("nong-thon-moi");
        recorder.languageSwitched("vie", "hmn");
        recorder.packInstalled("vn-commune-info", 3);
        recorder.packRefused("signature-unknown-key");
        recorder.packRefused("signature-unknown-key");
        recorder.close();
    }
    const CountTable counts = committedCounts(data.path());
    CHECK(total(counts, "attract_shown") == 2);
    CHECK(total(counts, "attract_converted") == 1);
    CHECK(total(counts, "session_started") == 1);
    CHECK(total(counts, "category_open", "programmes") == 1);
    CHECK(total(counts, "page_view", "nong-thon-moi", "vie") == 2);
    CHECK(total(counts, "page_view", "nong-thon-moi", "hmn") == 1);
    CHECK(total(counts, "dwell", "nong-thon-moi", "vie", "under_10s") == 1);
    CHECK(total(counts, "dwell", "nong-thon-moi", "vie", "10s_to_30s") == 1);
    CHECK(total(counts, "dwell", "nong-thon-moi", "hmn", "over_2min") == 1);
    CHECK(total(counts, "gallery_open", "nong-thon-moi") == 1);
    CHECK(total(counts, "fullscreen_picture_open", "nong-thon-moi") == 2);
    CHECK(total(counts, "language_switch", "", "vie", "hmn") == 1);
    CHECK(total(counts, "pack_installed", "vn-commune-info", "", "3") == 1);
    CHECK(total(counts, "pack_refused", "signature-unknown-key") == 2);
    // Hour of day only kiosk-wide: 10:00 local.
    CHECK(total(counts, "sessions_by_hour", "", "", "10") == 1);
    CHECK(total(counts, "page_views_by_hour", "", "", "10") == 3);
    CHECK(totalOfMetric(counts, "sessions_by_hour") == 1);
    // Every counter is on the one local day; nothing finer than a day or an hour bucket.
    for (const auto& [key, count] : counts)
        CHECK(key.period == CountPeriod{"2026-11-25", 0, 0});
    CHECK(counts.size() == 16);
}

TEST_CASE("stats: dwell time falls into four buckets with exact boundaries") {
    CHECK(dwellBucketFor(0) == DwellBucket::Under10Seconds);
    CHECK(dwellBucketFor(9'999) == DwellBucket::Under10Seconds);
    CHECK(dwellBucketFor(10'000) == DwellBucket::From10To30Seconds);
    CHECK(dwellBucketFor(29'999) == DwellBucket::From10To30Seconds);
    CHECK(dwellBucketFor(30'000) == DwellBucket::From30To120Seconds);
    CHECK(dwellBucketFor(119'999) == DwellBucket::From30To120Seconds);
    CHECK(dwellBucketFor(120'000) == DwellBucket::Over2Minutes);
    CHECK(dwellBucketFor(-5) == DwellBucket::Under10Seconds);
    CHECK(dwellBucketName(DwellBucket::From30To120Seconds) == "30s_to_2min");
    CHECK(dwellBucketFromName("over_2min") == DwellBucket::Over2Minutes);
    CHECK_FALSE(dwellBucketFromName("2min").has_value());
}

TEST_CASE("stats: counts accumulate across restarts of the kiosk program") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    for (int run = 0; run < 3; ++run) {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        for (int view = 0; view < 4; ++view)
            recorder.pageViewed("bao-hiem-y-te", "vie");
    }
    CHECK(total(committedCounts(data.path()), "page_view", "bao-hiem-y-te", "vie") == 12);
}

TEST_CASE("stats: the staff summary combines committed and pending counts") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.setInstalledPacks(
        {PackCatalog{"vn-commune-info", 3, {}, {}, {{"p1", "programmes", "programme", "Nông thôn mới"}}}});
    recorder.sessionStarted();
    recorder.pageViewed("p1", "vie");
    recorder.pageViewed("p1", "vie");
    recorder.pageViewed("p2", "hmn");
    recorder.flush();
    clock.advance(2 * 86'400'000); // two days later, same ISO week (Wednesday to Friday)
    recorder.sessionStarted();
    recorder.pageViewed("p1", "vie"); // pending, not committed

    const UsageSummary today = recorder.summarize(SummarySpan::Today);
    CHECK(today.dated);
    CHECK(today.sessions == 1);
    CHECK(today.pageViews == 1);
    const UsageSummary week = recorder.summarize(SummarySpan::ThisWeek);
    CHECK(week.sessions == 2);
    CHECK(week.pageViews == 4);
    REQUIRE(week.topPages.size() == 2);
    CHECK(week.topPages[0].id == "p1");
    CHECK(week.topPages[0].title == "Nông thôn mới");
    CHECK(week.topPages[0].count == 3);
    CHECK(week.topPages[1].title == "p2");
    REQUIRE(week.languages.size() == 2);
    CHECK(week.languages[0].id == "vie");
    CHECK(week.languages[0].count == 3);
    CHECK(week.sessionsByHour[10] == 2);
    const UsageSummary all = recorder.summarize(SummarySpan::SinceInstall);
    CHECK(all.pageViews == 4);
}

TEST_CASE("stats: very long ids are cut on a character boundary") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    std::string longId;
    for (int index = 0; index < 150; ++index)
        longId += "ệ"; // 3 bytes each
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        recorder.pageViewed(longId, "vie");
    }
    const CountTable counts = committedCounts(data.path());
    REQUIRE(counts.size() == 2);
    const std::string& stored = counts.begin()->first.subject.empty() ? counts.rbegin()->first.subject
                                                                      : counts.begin()->first.subject;
    CHECK(stored.size() == 198);
    CHECK(longId.compare(0, stored.size(), stored) == 0);
}

TEST_CASE("stats: starting again on the same boot with the same pack commits nothing (no fsync on the way to "
          "the first frame)") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    const PackCatalog pack{"vn-commune-info",
                           3,
                           {{"vie", "Tiếng Việt"}},
                           {{"programmes", "Chương trình"}},
                           {{"p1", "programmes", "programme", "Nông thôn mới"}}};
    {
        UsageRecorder first(clock, optionsFor(data.path(), kernel));
        first.setInstalledPacks({pack});
        first.sessionStarted();
        first.flush();
    }
    const auto walBytes = [&] {
        std::error_code missing;
        const auto size = std::filesystem::file_size(data.path() / "stats.db-wal", missing);
        return missing ? 0 : size;
    };
    {
        UsageRecorder again(clock, optionsFor(data.path(), kernel));
        again.setInstalledPacks({pack});
        CHECK(again.health().persisting);
        CHECK(again.health().lastError.empty());
        CHECK(walBytes() == 0);
    }
    {
        // A new version of the pack is worth a commit.
        UsageRecorder updated(clock, optionsFor(data.path(), kernel));
        PackCatalog newer = pack;
        newer.version = 4;
        updated.setInstalledPacks({newer});
        CHECK(walBytes() > 0);
        CHECK(StatsStore::open(data.path() / "stats.db").installedPacks().front().version == 4);
    }
}
