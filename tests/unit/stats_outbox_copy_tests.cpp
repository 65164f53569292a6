// usb-export's copy from the outbox to a stick (stats/OutboxCopy.hpp), with the hostile
// outboxes and sticks of issue 19. The board's sandboxed run is tests/package/usb-export-sandbox.
#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "stats/OutboxCopy.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kKioskId = "0123456789abcdef";

struct OutboxAndStick {
    TemporaryFolder outbox;
    TemporaryFolder stick;
    TemporaryFolder victim; // stands for any folder or file off the stick
    fs::path outboxStats() const { return outbox.path() / "kiosk" / "stats"; }
    fs::path stickKiosk() const { return stick.path() / "kiosk"; }
    fs::path outboxFolder() const { return outboxStats() / kKioskId; }
    fs::path stickFolder() const { return stickKiosk() / "stats" / kKioskId; }
    OutboxAndStick() {
        fs::create_directories(outboxFolder());
        fs::create_directories(stickKiosk());
        kiosk::os::writeFileAtomically(outboxFolder() / "4.csv", std::string("counts"));
        kiosk::os::writeFileAtomically(outboxFolder() / "4.json", std::string("{\"header\": 1}"));
        kiosk::os::writeFileAtomically(victim.path() / "victim", std::string("precious"));
    }
    std::string victimContent() const { return kiosk::os::readTextFile(victim.path() / "victim", 100); }
};

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("outbox copy: the exports arrive on the stick, and nothing else does") {
    OutboxAndStick run;
    kiosk::os::writeFileAtomically(run.outboxFolder() / "notes.txt", std::string("not an export"));
    kiosk::os::writeFileAtomically(run.outboxFolder() / "04.csv", std::string("a leading zero"));
    fs::create_directories(run.outboxStats() / "not-a-kiosk-id");
    const OutboxCopyReport report = copyOutboxToStick(run.outboxStats(), run.stickKiosk());
    CHECK(report.copied == 2);
    CHECK_FALSE(report.refused);
    CHECK_FALSE(report.failed);
    CHECK(namesIn(run.stickFolder()) == std::vector<std::string>{"4.csv", "4.json"});
    CHECK(kiosk::os::readTextFile(run.stickFolder() / "4.csv", 100) == "counts");
    CHECK(namesIn(run.stickKiosk() / "stats") == std::vector<std::string>{kKioskId});
}

TEST_CASE("outbox copy: a link on the stick's side is refused, and nothing is written off the stick") {
    OutboxAndStick run;
    SUBCASE("kiosk/stats is a link") {
        fs::create_directory_symlink(run.victim.path(), run.stickKiosk() / "stats");
    }
    SUBCASE("kiosk/stats/<kiosk-id> is a link") {
        fs::create_directories(run.stickKiosk() / "stats");
        fs::create_directory_symlink(run.victim.path(), run.stickFolder());
    }
    SUBCASE("the kiosk folder itself is a link") {
        fs::remove(run.stickKiosk());
        fs::create_directory_symlink(run.victim.path(), run.stickKiosk());
    }
    const OutboxCopyReport report = copyOutboxToStick(run.outboxStats(), run.stickKiosk());
    CHECK(report.refused);
    CHECK(report.copied == 0);
    CHECK(namesIn(run.victim.path()) == std::vector<std::string>{"victim"});
    REQUIRE_FALSE(report.problems.empty());
    CHECK(report.problems.front().find("symbolic link") != std::string::npos);
}

TEST_CASE(
    "outbox copy: planted temporaries and a link over an export on the stick are never written through") {
    OutboxAndStick run;
    fs::create_directories(run.stickFolder());
    // usb-export's cp wrote through <n>.csv.partial, a name anyone could predict.
    for (const char* name : {"4.csv.partial", "4.json.partial"})
        fs::create_symlink(run.victim.path() / "victim", run.stickFolder() / name);
    SUBCASE("the export's own name is a link: refused") {
        fs::create_symlink(run.victim.path() / "victim", run.stickFolder() / "4.csv");
        const OutboxCopyReport report = copyOutboxToStick(run.outboxStats(), run.stickKiosk());
        CHECK(report.refused);
        CHECK(report.copied == 0);
        CHECK(fs::is_symlink(run.stickFolder() / "4.csv"));
    }
    SUBCASE("only the temporaries were planted: copied beside them") {
        const OutboxCopyReport report = copyOutboxToStick(run.outboxStats(), run.stickKiosk());
        CHECK(report.copied == 2);
        CHECK(fs::is_regular_file(fs::symlink_status(run.stickFolder() / "4.csv")));
    }
    CHECK(run.victimContent() == "precious");
}

TEST_CASE("outbox copy: links, FIFOs and giants in the outbox are skipped without waiting") {
    OutboxAndStick run;
    fs::create_symlink(run.victim.path() / "victim", run.outboxFolder() / "5.csv");
    REQUIRE(::mkfifo((run.outboxFolder() / "6.csv").c_str(), 0644) == 0);
    {
        std::FILE* giant = std::fopen((run.outboxFolder() / "7.csv").c_str(), "w");
        REQUIRE(giant);
        std::fseek(giant, static_cast<long>(kMaximumCopiedFileBytes) + 1, SEEK_SET); // sparse
        std::fputc('x', giant);
        std::fclose(giant);
    }
    SUBCASE("a kiosk folder that is a link in the outbox") {
        fs::create_directory_symlink(run.victim.path(), run.outboxStats() / "fedcba9876543210");
    }
    SUBCASE("nothing more") {}
    const OutboxCopyReport report = copyOutboxToStick(run.outboxStats(), run.stickKiosk());
    CHECK(report.copied == 2);
    CHECK_FALSE(report.refused); // the outbox's oddities are skipped, they do not stop the copy
    CHECK_FALSE(report.failed);
    CHECK(namesIn(run.stickFolder()) == std::vector<std::string>{"4.csv", "4.json"});
    CHECK_FALSE(fs::exists(run.stickKiosk() / "stats" / "fedcba9876543210"));
    CHECK(report.problems.size() >= 3);
}
