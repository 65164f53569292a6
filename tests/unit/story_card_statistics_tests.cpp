// Story cards in the statistics: cards seen and how far visitors got, counted in coarse
// buckets per page and language, exported, merged and charted in the report.
#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/HtmlReport.hpp"
#include "stats/MergedDatabase.hpp"
#include "stats/Merger.hpp"
#include "stats/ReportModel.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

bool contains(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

} // namespace

TEST_CASE("story cards: how far she got is one of four buckets of the share of cards reached") {
    // furthest card (0-based), cards, bucket
    const std::tuple<int, int, StoryReach> cases[] = {
        {0, 3, StoryReach::FirstCardOnly}, {1, 3, StoryReach::HalfOrMore}, {2, 3, StoryReach::LastCard},
        {0, 8, StoryReach::FirstCardOnly}, {1, 8, StoryReach::UnderHalf},  {2, 8, StoryReach::UnderHalf},
        {3, 8, StoryReach::HalfOrMore},    {6, 8, StoryReach::HalfOrMore}, {7, 8, StoryReach::LastCard},
        {9, 8, StoryReach::LastCard}, // past the last (the end card) is the last
    };
    for (const auto& [furthest, count, reach] : cases) {
        CAPTURE(furthest);
        CAPTURE(count);
        CHECK(storyReachFor(furthest, count) == reach);
        CHECK(storyReachFromName(storyReachName(reach)) == reach);
    }
    CHECK_FALSE(storyReachFromName("all").has_value());
}

TEST_CASE("story cards: cards seen and how far visitors got are counted per page and language, and "
          "exported") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    for (const int card : {0, 1, 2, 1})
        recorder.cardShown("p4em", "vie", card);
    recorder.storyLeft("p4em", "vie", 2, 7);
    recorder.storyLeft("p4em", "vie", 6, 7);
    recorder.storyLeft("p4em", "eng", 0, 7);
    recorder.flush();

    const CountTable counts = committedCounts(data.path());
    CHECK(total(counts, "card_view", "p4em", "vie", "1") == 1);
    CHECK(total(counts, "card_view", "p4em", "vie", "2") == 2);
    CHECK(total(counts, "card_view", "p4em", "vie", "3") == 1);
    CHECK(total(counts, "story_reach", "p4em", "vie", "under_half") == 1);
    CHECK(total(counts, "story_reach", "p4em", "vie", "last_card") == 1);
    CHECK(total(counts, "story_reach", "p4em", "eng", "first_card") == 1);
    CHECK(totalOfMetric(counts, "story_reach") == 3);

    const ExportResult result = recorder.exportTo(stick.path() / "kiosk");
    REQUIRE(result.saved);
    const std::string csv = kiosk::os::readTextFile(result.countsFile, 1 << 20);
    CHECK(contains(csv, "2026-11-25,,,card_view,p4em,vie,2,2\n"));
    CHECK(contains(csv, "2026-11-25,,,story_reach,p4em,vie,last_card,1\n"));
    CHECK(metricFromName("story_reach") == Metric::StoryReach);
}

TEST_CASE("story cards: the report charts how far people got on each page told as cards, and only those") {
    TemporaryFolder folder;
    PackCatalog catalog{"pack",
                        2,
                        {{"vie", "Tiếng Việt"}},
                        {{"programmes", "Chương trình"}},
                        {{"story", "programmes", "programme", "Câu chuyện dự án"},
                         {"article", "programmes", "programme", "Bài viết dài"}}};
    ExportHeader header;
    header.kioskId = "aaaaaaaaaaaaaaa1";
    header.databaseId = "00000000000000d1";
    header.sequence = 1;
    header.clockStatus = "synchronised";
    header.clockTrusted = true;
    header.catalog = {catalog};
    CountTable counts;
    counts[CountKey{{"2026-11-23", 0, 0}, "page_view", "story", "vie", ""}] = 40;
    counts[CountKey{{"2026-11-23", 0, 0}, "page_view", "article", "vie", ""}] = 30;
    counts[CountKey{{"2026-11-23", 0, 0}, "card_view", "story", "vie", "1"}] = 40;
    counts[CountKey{{"2026-11-23", 0, 0}, "story_reach", "story", "vie", "first_card"}] = 12;
    counts[CountKey{{"2026-11-23", 0, 0}, "story_reach", "story", "vie", "last_card"}] = 21;
    counts[CountKey{{"2026-11-23", 0, 0}, "story_reach", "story", "vie", "no_such_bucket"}] = 99;
    writeExport(folder.path() / "stick", header, counts);
    const auto database = folder.path() / "all.db";
    mergeExports({folder.path() / "stick"}, database, {});

    const ReportModel model = buildReportModel(MergedDatabase::openExisting(database));
    const auto story = std::find_if(model.pages.begin(), model.pages.end(),
                                    [](const PageStats& page) { return page.pageId == "story"; });
    REQUIRE(story != model.pages.end());
    CHECK(story->storyReach == std::array<std::int64_t, 4>{12, 0, 0, 21});
    CHECK(story->cardViews == 40);

    ReportOptions options;
    options.k = 5;
    const std::string html = renderHtmlReport(model, options);
    CHECK(contains(html, "How far people got through the story cards"));
    const std::string chart = html.substr(html.find("How far people got"));
    CHECK(contains(chart, "Câu chuyện dự án"));
    CHECK_FALSE(contains(chart.substr(0, chart.find("</section>")), "Bài viết dài"));
    const std::string csv = renderCsvReport(model, options);
    CHECK(contains(csv, "page_story_reach,Câu chuyện dự án,first_card,12\n"));
    CHECK(contains(csv, "page_story_reach,Câu chuyện dự án,last_card,21\n"));
    CHECK(contains(csv, "page_story_reach,Câu chuyện dự án,under_half,0\n"));
}
