// The USB outbox: usb-export's result lines, the hostile result file, and the kiosk's side
// of the outbox (export, request, answer, timeout, tidying) on a virtual clock.
#include "stats_test_support.hpp"

#include "app/KioskOptions.hpp"
#include "os/FileSystem.hpp"
#include "stats/Calendar.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/UsbOutbox.hpp"
#include "time/Clock.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sys/stat.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

std::int64_t civilSeconds(int year, unsigned month, unsigned day, int hours, int minutes, int seconds) {
    return dayNumberFromCivil(year, month, day) * 86400 + hours * 3600 + minutes * 60 + seconds;
}

// As `date -Iseconds` writes it, in Vietnam's time.
std::string isoSeconds(std::int64_t wallSeconds) {
    const std::int64_t local = wallSeconds + 7 * 3600;
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d+07:00", static_cast<int>(local % 86400 / 3600),
                  static_cast<int>(local % 3600 / 60), static_cast<int>(local % 60));
    return formatDay(local / 86400) + time;
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

std::vector<std::string> namesIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end;
         entry.increment(error))
        names.push_back(entry->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// A kiosk with a recorder and an outbox on a virtual clock; the test plays usb-export.
struct OutboxKiosk {
    TemporaryFolder data;
    TemporaryFolder run; // the outbox and the result file
    FakeKernel kernel;
    kiosk::time::VirtualClock clock{morningWallSeconds};
    UsageRecorder recorder{clock, optionsFor(data.path(), kernel)};
    std::vector<std::string> logged;
    UsbOutbox outbox{clock, settings(), recorder};

    UsbOutboxSettings settings() {
        UsbOutboxSettings settings;
        settings.outbox = run.path() / "outbox";
        settings.resultFile = run.path() / "usb-export.result";
        settings.log = [this](const std::string& line) { logged.push_back(line); };
        return settings;
    }
    std::filesystem::path resultFile() const { return run.path() / "usb-export.result"; }
    std::filesystem::path exportFolder() const { return outbox.exportFolder(); }
    // usb-export's answer, written as it does (a temporary name, then a rename).
    void answer(const std::string& line) {
        writeFile(run.path() / "result.tmp", line + "\n");
        std::filesystem::rename(run.path() / "result.tmp", resultFile());
    }
    std::string now() const { return isoSeconds(clock.wallSeconds()); }
    void pollAfter(std::int64_t milliseconds) {
        clock.advance(milliseconds);
        outbox.poll();
    }
    UsbOutboxStatus::State state() const { return outbox.status().state; }
};

} // namespace

TEST_CASE("usb outbox: usb-export's three result lines parse, with the time in UTC") {
    const std::int64_t tenFiveVietnam = civilSeconds(2026, 11, 25, 3, 0, 5);
    const auto ok = parseUsbExportResultLine("ok sda1 2 2026-11-25T10:00:05+07:00");
    REQUIRE(ok);
    CHECK(ok->outcome == UsbExportResult::Outcome::Copied);
    CHECK(ok->stick == "sda1");
    CHECK(ok->files == 2);
    CHECK(ok->wallSeconds == tenFiveVietnam);

    const auto noStick = parseUsbExportResultLine("no-stick 2026-11-25T03:00:05Z");
    REQUIRE(noStick);
    CHECK(noStick->outcome == UsbExportResult::Outcome::NoStick);
    CHECK(noStick->wallSeconds == tenFiveVietnam);

    const auto failed =
        parseUsbExportResultLine("failed mmcblk1p1 read-only-stick 2026-11-24T22:30:05-04:30\r");
    REQUIRE(failed);
    CHECK(failed->outcome == UsbExportResult::Outcome::Failed);
    CHECK(failed->stick == "mmcblk1p1");
    CHECK(failed->reason == "read-only-stick");
    CHECK(failed->wallSeconds == tenFiveVietnam);

    // Blanks between the fields are not counted.
    const auto spaced = parseUsbExportResultLine("  ok  sdb1\t6 2026-11-25T10:00:05+07:00 ");
    REQUIRE(spaced);
    CHECK(spaced->files == 6);
}

TEST_CASE("usb outbox: anything but a well-formed result line is refused") {
    const std::string time = "2026-11-25T10:00:05+07:00";
    for (const std::string& line : std::vector<std::string>{
             std::string(),
             std::string("ok"),
             "ok sda1 2",                                 // no time
             "ok sda1 " + time,                           // no file count
             "ok sda1 two " + time,                       // not a number
             "ok sda1 -1 " + time,                        // negative
             "ok sda1 +2 " + time,                        // a sign
             "ok sda1 1234567890 " + time,                // absurdly many
             "ok sda/1 2 " + time,                        // a path, not a name
             "ok " + std::string(65, 'a') + " 2 " + time, // a name too long
             "ok sda1 2 " + time + " extra",              // a field too many
             "OK sda1 2 " + time,                         // words are lower case
             "failed sda1 " + time,                       // no reason
             "failed sda1 read only " + time,             // a reason with a blank
             "failed sda1 \x1b[31mred " + time,           // terminal escapes
             "no-stick",
             "no-stick 2026-11-25 10:00:05",    // a blank in the time
             "no-stick 2026-11-25T10:00:05",    // no offset: off by hours
             "no-stick 2026-11-25T10:00:05.5Z", // fractions
             "no-stick 2026-02-30T10:00:05Z",   // no such day
             "no-stick 2026-11-25T24:00:00Z",
             "no-stick 2026-11-25T10:60:00Z",
             "no-stick 2026-11-25T10:00:05+15:00",
             "no-stick 2026-11-25T10:00:05+0700",
             "copied sda1 2 " + time,
             std::string("ok sda1 2 2026-11-25T10:00:05+07:00\0", 37),
         }) {
        CAPTURE(line);
        CHECK_FALSE(parseUsbExportResultLine(line).has_value());
    }
}

TEST_CASE("usb outbox: ISO times as date -Iseconds writes them") {
    CHECK(parseIsoDateTime("1970-01-01T00:00:00Z") == 0);
    CHECK(parseIsoDateTime("1970-01-01T07:00:00+07:00") == 0);
    CHECK(parseIsoDateTime("2026-11-25T10:00:05+07:00") == civilSeconds(2026, 11, 25, 3, 0, 5));
    CHECK(parseIsoDateTime("2026-11-25T00:30:00-01:30") == civilSeconds(2026, 11, 25, 2, 0, 0));
    CHECK(parseIsoDateTime("2024-02-29T12:00:00Z") == civilSeconds(2024, 2, 29, 12, 0, 0));
    CHECK_FALSE(parseIsoDateTime("2025-02-29T12:00:00Z"));
    CHECK_FALSE(parseIsoDateTime("2026-11-25T10:00:05+07:00Z"));
    CHECK_FALSE(parseIsoDateTime("2026-11-25t10:00:05Z"));
    CHECK_FALSE(parseIsoDateTime(""));
}

TEST_CASE("usb outbox: the result file is read as if hostile") {
    TemporaryFolder folder;
    const std::filesystem::path file = folder.path() / "usb-export.result";
    const std::string time = "2026-11-25T10:00:05+07:00";

    SUBCASE("missing: nothing yet, and no problem") {
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        CHECK_FALSE(reading.newest);
        CHECK(reading.problems.empty());
    }
    SUBCASE("several lines: the newest wins, a malformed one is reported in printable words") {
        writeFile(file, "ok sda1 2 2026-11-25T10:00:09+07:00\n\x1b]0;owned\x07 garbage\nfailed sda1 copy " +
                            time + "\n\n");
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        REQUIRE(reading.newest);
        CHECK(reading.newest->outcome == UsbExportResult::Outcome::Copied);
        REQUIRE(reading.problems.size() == 1);
        CHECK(reading.problems[0].find(":2: not a usb-export result") != std::string::npos);
        CHECK(reading.problems[0].find('\x1b') == std::string::npos);
        CHECK(reading.problems[0].find('\x07') == std::string::npos);
    }
    SUBCASE("no final newline is fine") {
        writeFile(file, "no-stick " + time);
        REQUIRE(readUsbExportResultFile(file).newest);
    }
    SUBCASE("huge and binary: only the start is read, the cut-off line is not a line") {
        std::string bytes = "failed sda1 copy " + time + "\n";
        for (int index = 0; bytes.size() < 8 * 1024 * 1024; ++index)
            bytes += static_cast<char>((index * 7919) % 256);
        bytes += "\nok sda1 2 2026-11-25T10:00:09+07:00\n"; // far beyond what is read
        writeFile(file, bytes);
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        REQUIRE(reading.newest);
        CHECK(reading.newest->outcome == UsbExportResult::Outcome::Failed);
        REQUIRE_FALSE(reading.problems.empty());
        CHECK(reading.problems[0].find("longer than 512 bytes") != std::string::npos);
        for (const std::string& problem : reading.problems)
            CHECK(problem.size() < 400);
    }
    SUBCASE("a valid line beyond the first 512 bytes is not seen") {
        writeFile(file, std::string(600, 'x') + "\nno-stick " + time + "\n");
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        CHECK_FALSE(reading.newest);
        CHECK_FALSE(reading.problems.empty());
    }
    SUBCASE("a symbolic link is not followed") {
        writeFile(folder.path() / "elsewhere", "no-stick " + time + "\n");
        std::filesystem::create_symlink(folder.path() / "elsewhere", file);
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        CHECK_FALSE(reading.newest);
        CHECK(reading.problems.size() == 1);
    }
    SUBCASE("a FIFO is refused without waiting for a writer") {
        REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
        const auto started = std::chrono::steady_clock::now();
        const UsbExportResultReading reading = readUsbExportResultFile(file);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
        CHECK_FALSE(reading.newest);
        REQUIRE(reading.problems.size() == 1);
        CHECK(reading.problems[0].find("not a regular file") != std::string::npos);
    }
    SUBCASE("a directory is refused") {
        std::filesystem::create_directories(file);
        CHECK_FALSE(readUsbExportResultFile(file).newest);
        CHECK(readUsbExportResultFile(file).problems.size() == 1);
    }
}

TEST_CASE("usb outbox: the export goes into the outbox with a stick's layout, then the request") {
    OutboxKiosk kiosk;
    kiosk.recorder.sessionStarted();
    kiosk.recorder.pageViewed("p4em", "vie");
    kiosk.outbox.requestExport(0);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saving);
    CHECK(kiosk.exportFolder() == kiosk.run.path() / "outbox" / "kiosk" / "stats" / kiosk.recorder.kioskId());
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"1.csv", "1.json"});
    CHECK(std::filesystem::is_regular_file(kiosk.run.path() / "outbox" / "request"));
    // Group-readable: usb-export's copy runs as another user of the kiosk's group.
    const auto permissions = std::filesystem::status(kiosk.exportFolder() / "1.csv").permissions();
    CHECK((permissions & std::filesystem::perms::group_read) != std::filesystem::perms::none);
    const std::string csv = kiosk::os::readTextFile(kiosk.exportFolder() / "1.csv", 1 << 20);
    CHECK(csv.find("page_view,p4em,vie,,1") != std::string::npos);
    bool foreign = true;
    const ExportHeader header =
        parseHeaderJson(kiosk::os::readTextFile(kiosk.exportFolder() / "1.json", 1 << 20), foreign);
    CHECK(header.countsSha256 == sha256Hex(csv));
}

TEST_CASE("usb outbox: an ok newer than the request is seen within a second, and the copied exports go") {
    OutboxKiosk kiosk;
    kiosk.outbox.requestExport(0);
    kiosk.answer("ok sda1 2 " + kiosk.now());
    kiosk.pollAfter(999);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saving); // not looked yet: once a second
    kiosk.pollAfter(1);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saved);
    CHECK_FALSE(kiosk.outbox.isWaiting());
    // Exports are cumulative and the stick has this one: nothing left to copy again.
    CHECK(namesIn(kiosk.exportFolder()).empty());
    // The sequence goes on where it was (the kiosk remembers it in its data dir).
    kiosk.outbox.requestExport(0);
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"2.csv", "2.json"});
}

TEST_CASE("usb outbox: the numbering stays above the exports already on the stick") {
    OutboxKiosk kiosk;
    kiosk.outbox.requestExport(41);
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"42.csv", "42.json"});
}

TEST_CASE("usb outbox: an answer older than the request is not its answer: a minute later, a timeout") {
    OutboxKiosk kiosk;
    kiosk.answer("ok sda1 2 " + isoSeconds(kiosk.clock.wallSeconds() - 1));
    kiosk.outbox.requestExport(0);
    kiosk.pollAfter(1000);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saving);
    kiosk.pollAfter(58'000);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saving);
    kiosk.pollAfter(1000);
    CHECK(kiosk.state() == UsbOutboxStatus::State::NotSaved);
    CHECK(kiosk.outbox.status().reasonCode == "timeout");
    // Not copied: kept for the next stick.
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"1.csv", "1.json"});
}

TEST_CASE("usb outbox: failures say why, keep the export, and only the newest export of a database stays") {
    OutboxKiosk kiosk;
    kiosk.outbox.requestExport(0);
    kiosk.answer("failed sda1 read-only-stick " + kiosk.now());
    kiosk.pollAfter(1000);
    CHECK(kiosk.outbox.status() == UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "read-only-stick"});
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"1.csv", "1.json"});

    kiosk.clock.advance(5000);
    kiosk.outbox.requestExport(0);
    // 2 holds everything 1 did: 1 would only be copied again and again.
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"2.csv", "2.json"});
    kiosk.answer("no-stick " + kiosk.now());
    kiosk.pollAfter(1000);
    CHECK(kiosk.outbox.status() == UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "no-stick"});

    kiosk.clock.advance(5000);
    kiosk.outbox.requestExport(0);
    kiosk.answer("ok sda1 0 " + kiosk.now());
    kiosk.pollAfter(1000);
    CHECK(kiosk.outbox.status() == UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "nothing-copied"});

    kiosk.clock.advance(5000);
    // An export of another counting database (a corrupt stats.db set aside) is not in the new one.
    writeFile(kiosk.exportFolder() / "1.csv", std::string(countsCsvHeader) + "\n");
    ExportHeader other;
    other.kioskId = kiosk.recorder.kioskId();
    other.databaseId = "0123456789abcdef";
    other.sequence = 1;
    writeFile(kiosk.exportFolder() / "1.json", formatHeaderJson(other));
    writeFile(kiosk.exportFolder() / "2.csv", "left by a power cut before its header\n");
    writeFile(kiosk.exportFolder() / "4.csv.tmp-1-0", "half");
    kiosk.outbox.requestExport(0);
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"1.csv", "1.json", "4.csv", "4.json"});
    kiosk.answer("ok sda1 2 " + kiosk.now()); // the helper skipped two of the four
    kiosk.pollAfter(1000);
    CHECK(kiosk.outbox.status() == UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "incomplete-copy"});
    CHECK(namesIn(kiosk.exportFolder()).size() == 4);
}

TEST_CASE("usb outbox: a second export while a copy is pending waits for its answer") {
    OutboxKiosk kiosk;
    kiosk.outbox.requestExport(0);
    kiosk.clock.advance(300);
    kiosk.recorder.packInstalled("vn.commune.demo", 2); // the install finished: export again
    kiosk.outbox.requestExport(0);
    // Nothing changes under a copy that may be running.
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"1.csv", "1.json"});
    kiosk.answer("ok sda1 2 " + kiosk.now());
    kiosk.pollAfter(1000);
    // Answered: the waiting export goes out at once, and the screen goes on saying "saving".
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saving);
    CHECK(namesIn(kiosk.exportFolder()) == std::vector<std::string>{"2.csv", "2.json"});
    const std::string csv = kiosk::os::readTextFile(kiosk.exportFolder() / "2.csv", 1 << 20);
    CHECK(csv.find("pack_installed,vn.commune.demo") != std::string::npos);
    kiosk.clock.advance(2000);
    kiosk.answer("ok sda1 2 " + kiosk.now());
    kiosk.pollAfter(1000);
    CHECK(kiosk.state() == UsbOutboxStatus::State::Saved);
}

TEST_CASE("usb outbox: a hostile result file is logged once and ends in a timeout") {
    OutboxKiosk kiosk;
    std::string bytes(1 << 20, '\0');
    for (std::size_t index = 0; index < bytes.size(); ++index)
        bytes[index] = static_cast<char>(index * 131 % 251);
    writeFile(kiosk.resultFile(), bytes);
    kiosk.outbox.requestExport(0);
    const std::size_t loggedBefore = kiosk.logged.size();
    for (int second = 0; second < 60; ++second)
        kiosk.pollAfter(1000);
    CHECK(kiosk.outbox.status() == UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "timeout"});
    // Sixty looks, but each problem is logged once (and at most a few of them).
    CHECK(kiosk.logged.size() - loggedBefore <= 9);
    CHECK(kiosk.logged.size() - loggedBefore >= 2);
}

TEST_CASE("kiosk options: --usb-export-outbox and --usb-export-result go together") {
    using kiosk::app::parseKioskOptions;
    const kiosk::app::KioskOptions options = parseKioskOptions(
        {"--usb-export-outbox", "/var/lib/commune-kiosk/usb-outbox", "--usb-export-result", "/run/r.result"});
    CHECK(options.usbExportOutbox == std::filesystem::path("/var/lib/commune-kiosk/usb-outbox"));
    CHECK(options.usbExportResult == std::filesystem::path("/run/r.result"));
    CHECK_FALSE(parseKioskOptions({}).usbExportOutbox);
    CHECK_THROWS_AS(parseKioskOptions({"--usb-export-outbox", "/tmp/o"}), kiosk::app::UsageError);
    CHECK_THROWS_AS(parseKioskOptions({"--usb-export-result", "/tmp/r"}), kiosk::app::UsageError);
    CHECK_THROWS_AS(parseKioskOptions({"--usb-export-outbox", "", "--usb-export-result", "/tmp/r"}),
                    kiosk::app::UsageError);
    CHECK(kiosk::app::kioskUsage().find("--usb-export-outbox DIR") != std::string::npos);
    CHECK(kiosk::app::kioskUsage().find("--usb-export-result FILE") != std::string::npos);
}
