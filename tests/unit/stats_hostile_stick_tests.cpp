// Writing statistics onto a stranger's stick (issue 19): each case of the issue's table for
// the kiosk's own export. Nothing may be written off the stick, nothing may overflow, and a
// refusal must carry words and a code for staff.
#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "stats/CsvCells.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/HtmlReport.hpp"
#include "stats/KioskIdentity.hpp"
#include "stats/ReportModel.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;
namespace fs = std::filesystem;

namespace {

std::size_t filesBeneath(const fs::path& folder) {
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        count += entry.is_regular_file() ? 1 : 0;
    return count;
}

struct KioskWithCounts {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock{morningWallSeconds};
    UsageRecorder recorder{clock, optionsFor(data.path(), kernel)};
    KioskWithCounts() { recorder.pageViewed("p1", "vie"); }
};

} // namespace

TEST_CASE(
    "hostile stick: a link on the way to the export folder means not saved, and nothing off the stick") {
    KioskWithCounts kiosk;
    TemporaryFolder stick;
    TemporaryFolder victim; // stands for <data>/keys, the kiosk's trust store
    fs::create_directory(stick.path() / "kiosk");
    const std::string id = kiosk.recorder.kioskId();

    SUBCASE("kiosk/stats is a link") {
        fs::create_directory_symlink(victim.path(), stick.path() / "kiosk" / "stats");
    }
    SUBCASE("kiosk/stats/<kiosk-id> is a link") {
        fs::create_directory(stick.path() / "kiosk" / "stats");
        fs::create_directory_symlink(victim.path(), stick.path() / "kiosk" / "stats" / id);
    }
    SUBCASE("the kiosk folder itself is a link") {
        fs::remove(stick.path() / "kiosk");
        fs::create_directory_symlink(victim.path(), stick.path() / "kiosk");
    }
    const ExportResult result = kiosk.recorder.exportTo(stick.path() / "kiosk");
    CHECK_FALSE(result.saved);
    CHECK(result.reasonCode == "link-on-stick");
    CHECK(result.error.find("symbolic link") != std::string::npos);
    CHECK(filesBeneath(victim.path()) == 0);
    // The counts are still there for the next stick.
    CHECK(total(committedCounts(kiosk.data.path()), "page_view", "p1", "vie") == 1);
}

TEST_CASE(
    "hostile stick: a FIFO or a planted link among the exports is stepped over, never written through") {
    // The kiosk numbers above every name on the stick, so what was planted is never its target;
    // were it so, ConfinedDirectory would refuse it (os_confined_directory_tests).
    KioskWithCounts kiosk;
    TemporaryFolder stick;
    TemporaryFolder victim;
    const fs::path folder = stick.path() / "kiosk" / "stats" / kiosk.recorder.kioskId();
    fs::create_directories(folder);
    kiosk::os::writeFileAtomically(victim.path() / "victim", std::string("precious"));
    REQUIRE(::mkfifo((folder / "1.csv").c_str(), 0644) == 0);
    fs::create_symlink(victim.path() / "victim", folder / "2.json");
    fs::create_symlink(victim.path() / "victim", folder / "3.csv.partial");
    const ExportResult result = kiosk.recorder.exportTo(stick.path() / "kiosk");
    REQUIRE(result.saved);
    CHECK(result.sequence == 3);
    CHECK(fs::is_regular_file(fs::symlink_status(folder / "3.csv")));
    CHECK(kiosk::os::readTextFile(victim.path() / "victim", 100) == "precious");
    CHECK(fs::is_fifo(fs::symlink_status(folder / "1.csv")));
}

TEST_CASE("hostile stick: absurd sequence numbers on the stick are not numbered after") {
    KioskWithCounts kiosk;
    TemporaryFolder stick;
    const fs::path folder = stick.path() / "kiosk" / "stats" / kiosk.recorder.kioskId();
    fs::create_directories(folder);

    SUBCASE("INT64_MAX does not overflow into a negative sequence") {
        kiosk::os::writeFileAtomically(folder / "9223372036854775807.json", std::string("{}"));
        const ExportResult result = kiosk.recorder.exportTo(stick.path() / "kiosk");
        REQUIRE(result.saved);
        CHECK(result.sequence == 1);
        CHECK(lastExportSequence(kiosk.data.path()) == 1);
    }
    SUBCASE("a number far beyond the kiosk's own is ignored, with a warning for the log") {
        kiosk::os::writeFileAtomically(folder / "5000.json", std::string("{}"));
        const ExportResult result = kiosk.recorder.exportTo(stick.path() / "kiosk");
        REQUIRE(result.saved);
        CHECK(result.sequence == 1);
        CHECK(result.warning.find("5000") != std::string::npos);
    }
    SUBCASE("a plausible later number (a restored data folder) is still numbered after") {
        kiosk::os::writeFileAtomically(folder / "40.json", std::string("{}"));
        const ExportResult result = kiosk.recorder.exportTo(stick.path() / "kiosk");
        CHECK(result.sequence == 41);
        CHECK(result.warning.empty());
    }
}

TEST_CASE("hostile stick: export sequences are plain numbers in range") {
    CHECK(parseExportSequence("1") == 1);
    CHECK(parseExportSequence("1000000000") == kMaximumExportSequence);
    CHECK_FALSE(parseExportSequence("1000000001"));
    CHECK_FALSE(parseExportSequence("9223372036854775807"));
    CHECK_FALSE(parseExportSequence("99999999999999999999"));
    CHECK_FALSE(parseExportSequence("0"));
    CHECK_FALSE(parseExportSequence("007"));
    CHECK_FALSE(parseExportSequence("-3"));
    CHECK_FALSE(parseExportSequence("+3"));
    CHECK_FALSE(parseExportSequence(" 3"));
    CHECK_FALSE(parseExportSequence(""));
    std::string warning;
    CHECK(nextExportSequence(kMaximumExportSequence, kMaximumExportSequence, warning) ==
          kMaximumExportSequence + 1);
}

TEST_CASE("hostile stick: a header claiming a sequence beyond the bound is refused") {
    ExportHeader header;
    header.kioskId = "aaaaaaaaaaaaaaa1";
    header.databaseId = "00000000000000d1";
    header.sequence = 9'223'372'036'854'775'807;
    header.countsFile = "9223372036854775807.csv";
    header.countsSha256 = std::string(64, '0');
    bool foreign = true;
    CHECK_THROWS_WITH_AS(parseHeaderJson(formatHeaderJson(header), foreign),
                         doctest::Contains("is not between 1 and"), ExportFormatError);
}

TEST_CASE("CSV cells: formula starts are guarded in the export, and read back as they were") {
    for (const std::string text : {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                   "\tx", "\rx", "'=quoted", "'plain", "plain", "", "a,b"}) {
        CAPTURE(text);
        std::string cell;
        appendCsvCell(cell, text);
        if (!text.empty() && std::string("=+-@\t\r").find(text.front()) != std::string::npos)
            CHECK(cell.find("'" + text.substr(0, 1)) <= 1); // the guard, inside the quotes if any
        CountTable counts;
        counts[CountKey{{"2026-11-23", 0, 0}, "pack_refused", text, "", text}] = 2;
        const std::string csv = formatCountsCsv(counts);
        std::vector<std::string> subjects;
        std::vector<std::string> details;
        parseCountsCsv(csv, [&](const CsvCount& row) {
            subjects.emplace_back(row.subject);
            details.emplace_back(row.detail);
        });
        REQUIRE(subjects.size() == 1);
        CHECK(subjects[0] == text);
        CHECK(details[0] == text);
        // No line of the CSV starts a cell with a bare formula character.
        for (const std::string_view bad : {",=", ",+", ",-", ",@", ",\"=", ",\"+", ",\"-", ",\"@"})
            CHECK(csv.find(bad) == std::string::npos);
    }
}

TEST_CASE("CSV cells: place names and titles from exports are guarded in report.csv") {
    ReportModel model;
    KioskStats kiosk;
    kiosk.kioskId = "aaaaaaaaaaaaaaa1";
    kiosk.placeName = "=HYPERLINK(\"http://evil.example\",\"Xã An Phú\")";
    kiosk.pageViews = 50;
    model.kiosks.push_back(kiosk);
    ReportOptions options;
    options.k = 1;
    const std::string csv = renderCsvReport(model, options);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\"") != std::string::npos);
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",\"=") == std::string::npos);
}
