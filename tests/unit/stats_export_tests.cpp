#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/ExportSigning.hpp"
#include "stats/KioskIdentity.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <thread>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

PackCatalog demoCatalog() {
    return PackCatalog{"vn-commune-info",
                       3,
                       {{"vie", "Tiếng Việt"}},
                       {{"programmes", "Chương trình"}},
                       {{"nong-thon-moi", "programmes", "programme", "Nông thôn mới"}}};
}

} // namespace

TEST_CASE("stats: an export holds the exact cumulative counts and a matching header") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.setPlaceName("UBND xã Tân Lập, huyện \"Mộc\"");
    recorder.setInstalledPacks({demoCatalog()});
    recorder.sessionStarted();
    recorder.pageViewed("nong-thon-moi", "vie");
    recorder.pageViewed("nong-thon-moi", "vie");
    recorder.pageLeft("nong-thon-moi", "vie", 45'000);
    recorder.packRefused("odd,code");

    const ExportResult result = recorder.exportTo(stick.path() / "kiosk");
    REQUIRE(result.saved);
    CHECK(result.sequence == 1);
    CHECK(result.rows == 6);
    const std::string id = recorder.kioskId();
    CHECK(result.countsFile == stick.path() / "kiosk" / "stats" / id / "1.csv");
    CHECK(result.headerFile == stick.path() / "kiosk" / "stats" / id / "1.json");

    const std::string csv = kiosk::os::readTextFile(result.countsFile, 1 << 20);
    CHECK(csv == "date,boot,uptime_day,metric,subject,language,detail,count\n"
                 "2026-11-25,,,dwell,nong-thon-moi,vie,30s_to_2min,1\n"
                 "2026-11-25,,,pack_refused,\"odd,code\",,,1\n"
                 "2026-11-25,,,page_view,nong-thon-moi,vie,,2\n"
                 "2026-11-25,,,page_views_by_hour,,,10,2\n"
                 "2026-11-25,,,session_started,,,,1\n"
                 "2026-11-25,,,sessions_by_hour,,,10,1\n");

    bool foreign = true;
    const ExportHeader header = parseHeaderJson(kiosk::os::readTextFile(result.headerFile, 1 << 20), foreign);
    CHECK_FALSE(foreign);
    CHECK(header.kioskId == id);
    CHECK(header.sequence == 1);
    CHECK(header.placeName == "UBND xã Tân Lập, huyện \"Mộc\"");
    CHECK(header.clockStatus == "synchronised");
    CHECK(header.clockTrusted);
    CHECK(header.exportedAt == "2026-11-25T10:00:00+07:00");
    CHECK(header.period.firstDay == "2026-11-25");
    CHECK(header.period.lastDay == "2026-11-25");
    CHECK(header.period.undatedRows == 0);
    CHECK(header.countsFile == "1.csv");
    CHECK(header.countsRows == 6);
    CHECK(header.countsSha256 == sha256Hex(csv));
    REQUIRE(header.installedPacks.size() == 1);
    CHECK(header.installedPacks[0].packId == "vn-commune-info");
    CHECK(header.installedPacks[0].version == 3);
    REQUIRE(header.catalog.size() == 1);
    REQUIRE(header.catalog[0].pages.size() == 1);
    CHECK(header.catalog[0].pages[0].title == "Nông thôn mới");
    CHECK(header.catalog[0].pages[0].kind == "programme");
    CHECK(header.catalog[0].categories[0].title == "Chương trình");

    // The CSV reads back to the same rows.
    std::vector<std::string> subjects;
    std::int64_t sum = 0;
    parseCountsCsv(csv, [&](const CsvCount& row) {
        subjects.emplace_back(row.subject);
        sum += row.count;
        CHECK(row.dayNumber == dayNumberFromCivil(2026, 11, 25));
    });
    CHECK(subjects == std::vector<std::string>{"nong-thon-moi", "odd,code", "nong-thon-moi", "", "", ""});
    CHECK(sum == 8);
}

TEST_CASE("stats: undated counts and the clock status are in the export") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kernel.synchronised = false;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.pageViewed("p1", "vie");
    const ExportResult result = recorder.exportTo(stick.path());
    REQUIRE(result.saved);
    CHECK(kiosk::os::readTextFile(result.countsFile, 1 << 20) ==
          "date,boot,uptime_day,metric,subject,language,detail,count\n,1,0,page_view,p1,vie,,1\n");
    bool foreign = true;
    const ExportHeader header = parseHeaderJson(kiosk::os::readTextFile(result.headerFile, 1 << 20), foreign);
    CHECK(header.clockStatus == "not_synchronised");
    CHECK_FALSE(header.clockTrusted);
    CHECK(header.exportedAt.empty());
    CHECK(header.period.firstDay.empty());
    CHECK(header.period.undatedRows == 1);
    CHECK(header.period.firstBoot == 1);
    CHECK(header.period.lastBoot == 1);
}

TEST_CASE("stats: the export sequence only grows, across sticks and restarts") {
    TemporaryFolder data;
    TemporaryFolder stickOne;
    TemporaryFolder stickTwo;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    std::string id;
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        id = recorder.kioskId();
        CHECK(recorder.exportTo(stickOne.path()).sequence == 1);
        CHECK(recorder.exportTo(stickOne.path()).sequence == 2);
        CHECK(recorder.exportTo(stickTwo.path()).sequence == 3); // an empty stick: the kiosk remembers
    }
    // A stick that already carries a later export of this kiosk (data dir restored from a backup).
    kiosk::os::writeFileAtomically(stickTwo.path() / "stats" / id / "7.json", std::string("{}"));
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    CHECK(recorder.kioskId() == id);
    const ExportResult result = recorder.exportTo(stickTwo.path());
    CHECK(result.sequence == 8);
    CHECK(std::filesystem::exists(stickOne.path() / "stats" / id / "1.csv"));
    CHECK(std::filesystem::exists(stickOne.path() / "stats" / id / "2.json"));
}

TEST_CASE("stats: the kiosk id is random, made once, and a damaged id file is set aside") {
    TemporaryFolder data;
    const std::string first = loadOrCreateKioskId(data.path());
    CHECK(isValidKioskId(first));
    CHECK(loadOrCreateKioskId(data.path()) == first);
    TemporaryFolder other;
    CHECK(loadOrCreateKioskId(other.path()) != first);

    kiosk::os::writeFileAtomically(data.path() / "kiosk-id", std::string("garbage\n"));
    const std::string replaced = loadOrCreateKioskId(data.path());
    CHECK(isValidKioskId(replaced));
    CHECK(kiosk::os::readTextFile(data.path() / "kiosk-id.damaged-1", 100) == "garbage\n");
}

TEST_CASE("stats: the kiosk signs its exports with a key of its own, kept across restarts and private") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    std::string firstKey;
    for (int start = 1; start <= 2; ++start) {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        CHECK(recorder.health().exportKeyProblem.empty());
        recorder.sessionStarted();
        const ExportResult result = recorder.exportTo(stick.path() / "kiosk");
        REQUIRE(result.saved);
        const std::string text = kiosk::os::readTextFile(result.headerFile, 1 << 20);
        bool foreign = true;
        const ExportHeader header = parseHeaderJson(text, foreign);
        CHECK(checkHeaderSignature(text, header) == HeaderSignature::Valid);
        if (start == 1)
            firstKey = header.kioskPublicKey;
        CHECK(header.kioskPublicKey == firstKey);
    }
    struct stat status {};
    REQUIRE(::stat((data.path() / std::string(kExportKeyFileName)).c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);

    // A damaged key is set aside, a new one made, and the staff can see why.
    kiosk::os::writeFileAtomically(data.path() / std::string(kExportKeyFileName), std::string("garbage\n"));
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    CHECK(recorder.health().exportKeyProblem.find("damaged") != std::string::npos);
    const ExportResult result = recorder.exportTo(stick.path() / "kiosk");
    REQUIRE(result.saved);
    const std::string text = kiosk::os::readTextFile(result.headerFile, 1 << 20);
    bool foreign = true;
    const ExportHeader header = parseHeaderJson(text, foreign);
    CHECK(checkHeaderSignature(text, header) == HeaderSignature::Valid);
    CHECK(header.kioskPublicKey != firstKey);
    CHECK(kiosk::os::readTextFile(data.path() / (std::string(kExportKeyFileName) + ".damaged-1"), 100) ==
          "garbage\n");
}

TEST_CASE("stats: an export to a missing or read-only place fails with words, not an exception") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.pageViewed("p1", "vie");
    kiosk::os::writeFileAtomically(data.path() / "not-a-folder", std::string("x"));
    const ExportResult result = recorder.exportTo(data.path() / "not-a-folder" / "kiosk");
    CHECK_FALSE(result.saved);
    CHECK(result.error.find("could not save statistics") != std::string::npos);
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
}

TEST_CASE("stats: the CSV reader refuses malformed rows with the line number") {
    const std::string head = "date,boot,uptime_day,metric,subject,language,detail,count\n";
    auto parse = [](const std::string& text) { parseCountsCsv(text, [](const CsvCount&) {}); };
    CHECK_NOTHROW(parse(head + "2026-11-25,,,page_view,p,vie,,3\n,2,0,page_view,p,vie,,1\n"));
    CHECK_THROWS_WITH_AS(parse(head + "2026-02-30,,,page_view,p,vie,,3\n"), "line 2: bad date",
                         ExportFormatError);
    CHECK_THROWS_WITH_AS(parse(head + "2026-11-25,3,,page_view,p,vie,,3\n"),
                         "line 2: a dated row has a boot number", ExportFormatError);
    CHECK_THROWS_AS(parse(head + ",0,0,page_view,p,vie,,3\n"), ExportFormatError);
    CHECK_THROWS_WITH_AS(parse(head + "2026-11-25,,,page_view,p,vie,,-1\n"), "line 2: bad count",
                         ExportFormatError);
    CHECK_THROWS_AS(parse(head + "2026-11-25,,,Page View,p,vie,,1\n"), ExportFormatError);
    CHECK_THROWS_AS(parse(head + "2026-11-25,,,page_view,p,vie,1\n"), ExportFormatError);
    CHECK_THROWS_AS(parse("date,count\n"), ExportFormatError);
    CHECK_THROWS_AS(parse(head + "2026-11-25,,,page_view,\"p,vie,,1\n"), ExportFormatError);
}

TEST_CASE("stats: an export prepared on the UI thread can be written on a worker thread") {
    TemporaryFolder data;
    TemporaryFolder stick;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    recorder.pageViewed("p1", "vie");
    const PreparedExport prepared = recorder.prepareExport(stick.path());
    CHECK(prepared.error.empty());
    recorder.pageViewed("p1", "vie"); // the UI keeps counting while the worker writes
    ExportResult result;
    std::thread worker([&] { result = writePreparedExport(prepared); });
    worker.join();
    REQUIRE(result.saved);
    CHECK(result.sequence == 1);
    CHECK(kiosk::os::readTextFile(result.countsFile, 1 << 20).find("page_view,p1,vie,,1\n") !=
          std::string::npos);
    CHECK(recorder.exportTo(stick.path()).sequence == 2);
}
