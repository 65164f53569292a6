#include "stats_test_support.hpp"

#include "stats/ExportFormat.hpp"
#include "stats/HtmlReport.hpp"
#include "stats/MergedDatabase.hpp"
#include "stats/Merger.hpp"
#include "stats/ReportModel.hpp"
#include "stats/Suppression.hpp"

#include <doctest/doctest.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

bool contains(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

// Two kiosks; page "rare" has 3 views in all (below k = 5), page "common" 7.
std::filesystem::path mergedFixture(const std::filesystem::path& folder) {
    PackCatalog catalog{"pack",
                        2,
                        {{"vie", "Tiếng Việt"}},
                        {{"programmes", "Chương trình"}},
                        {{"rare", "programmes", "programme", "Chương trình hiếm"},
                         {"common", "programmes", "programme", "Chương trình phổ biến"}}};
    for (const auto& [kioskId, rareViews, commonViews] :
         {std::tuple{std::string("aaaaaaaaaaaaaaa1"), 1, 4},
          std::tuple{std::string("bbbbbbbbbbbbbbb2"), 2, 3}}) {
        ExportHeader header;
        header.kioskId = kioskId;
        header.databaseId = "00000000000000d1";
        header.sequence = 1;
        header.placeName = "Xã " + kioskId.substr(0, 1);
        header.clockStatus = "synchronised";
        header.clockTrusted = true;
        header.catalog = {catalog};
        CountTable counts;
        counts[CountKey{{"2026-11-23", 0, 0}, "page_view", "rare", "vie", ""}] = rareViews;
        counts[CountKey{{"2026-11-23", 0, 0}, "page_view", "common", "vie", ""}] = commonViews;
        counts[CountKey{{"2026-11-23", 0, 0}, "session_started", "", "", ""}] = 20;
        counts[CountKey{{"2026-11-24", 0, 0}, "sessions_by_hour", "", "", "09"}] = 20;
        writeExport(folder / "stick", header, counts);
    }
    const auto database = folder / "all.db";
    mergeExports({folder / "stick"}, database, {});
    return database;
}

} // namespace

TEST_CASE("stats report: counts from 1 to k-1 are suppressed, zero and k are shown") {
    const Suppression five(5);
    CHECK(five.count(0) == "0");
    CHECK(five.count(1) == "<5");
    CHECK(five.count(4) == "<5");
    CHECK(five.count(5) == "5");
    CHECK(five.count(1234567) == "1,234,567");
    CHECK(five.percent(3, 100) == "–");
    CHECK(five.percent(50, 4) == "–");
    CHECK(five.percent(25, 100) == "25%");
    CHECK(five.percent(5, 0) == "–");
    const Suppression none(1);
    CHECK(none.count(1) == "1");
}

TEST_CASE("stats report: the model adds kiosks up exactly") {
    TemporaryFolder folder;
    const MergedDatabase merged = MergedDatabase::openExisting(mergedFixture(folder.path()));
    const ReportModel model = buildReportModel(merged);
    CHECK(model.kiosks.size() == 2);
    CHECK(model.pageViews == 10);
    CHECK(model.sessions == 40);
    CHECK(model.sessionsByHour[9] == 40);
    REQUIRE(model.pages.size() == 2);
    CHECK(model.pages[0].title == "Chương trình phổ biến");
    CHECK(model.pages[0].total == 7);
    CHECK(model.pages[1].total == 3);
    REQUIRE(model.weeks.size() == 1);
    CHECK(formatIsoWeek(model.weeks[0]) == "2026-W48");
    CHECK(model.pages[1].weekly == std::vector<std::int64_t>{3});
    REQUIRE(model.categories.size() == 1);
    CHECK(model.categories[0].title == "Chương trình");
    CHECK(model.categories[0].total == 10);
}

TEST_CASE("stats report: published cells below k read <k in the CSV and the HTML") {
    TemporaryFolder folder;
    const MergedDatabase merged = MergedDatabase::openExisting(mergedFixture(folder.path()));
    const ReportModel model = buildReportModel(merged);
    ReportOptions options;
    options.k = 5;
    const std::string csv = renderCsvReport(model, options);
    CHECK(contains(csv, "page_views,Chương trình hiếm,rare,<5\n"));
    CHECK(contains(csv, "page_views,Chương trình phổ biến,common,7\n"));
    CHECK(contains(csv, "programme_views_per_week,Chương trình hiếm,2026-W48,<5\n"));
    CHECK(contains(csv, "kiosk,Xã a (aaaaaaaaaaaaaaa1),page_views,5\n"));
    CHECK(contains(csv, "kiosk,Xã b (bbbbbbbbbbbbbbb2),page_views,5\n"));
    CHECK(contains(csv, "total,page_views,,10\n"));
    CHECK_FALSE(contains(csv, ",3\n"));
    CHECK_FALSE(contains(csv, ",4\n"));

    const std::string html = renderHtmlReport(model, options);
    CHECK(contains(html, "Chương trình hiếm · 2026-W48: &lt;5"));
    CHECK(contains(html, "Chương trình phổ biến · 2026-W48: 7"));
    CHECK_FALSE(contains(html, "Chương trình hiếm · 2026-W48: 3"));
    CHECK(contains(html, "<svg"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "src=\"http"));
    CHECK_FALSE(contains(html, "href=\"http"));

    options.k = 2;
    const std::string lowK = renderCsvReport(model, options);
    CHECK(contains(lowK, "page_views,Chương trình hiếm,rare,3\n"));
}

TEST_CASE("stats report: text from exports is escaped in the HTML") {
    ReportModel model;
    KioskStats kiosk;
    kiosk.kioskId = "aaaaaaaaaaaaaaa1";
    kiosk.placeName = "<script>alert(1)</script>";
    kiosk.pageViews = 50;
    model.kiosks.push_back(kiosk);
    const std::string html = renderHtmlReport(model, ReportOptions{});
    CHECK_FALSE(contains(html, "<script>"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_CASE("stats report: counts dated after the report's day stay in totals but on no week") {
    TemporaryFolder folder;
    ExportHeader header;
    header.kioskId = "ccccccccccccccc3";
    header.databaseId = "00000000000000d1";
    header.sequence = 1;
    header.clockStatus = "set_by_staff";
    header.clockTrusted = true;
    CountTable counts;
    counts[CountKey{{"2026-11-23", 0, 0}, "page_view", "p", "vie", ""}] = 9;
    counts[CountKey{{"2099-01-01", 0, 0}, "page_view", "p", "vie", ""}] = 6;
    writeExport(folder.path() / "stick", header, counts);
    mergeExports({folder.path() / "stick"}, folder.path() / "all.db", {});
    const MergedDatabase merged = MergedDatabase::openExisting(folder.path() / "all.db");
    const ReportModel model = buildReportModel(merged, dayNumberFromCivil(2026, 11, 25));
    CHECK(model.pageViews == 15);
    CHECK(model.futureDatedRows == 1);
    REQUIRE(model.weeks.size() == 1);
    CHECK(model.weeklyPageViews == std::vector<std::int64_t>{9});
}
