// The staff's list of recent installs (install/InstallHistory.hpp): kept across restarts,
// bounded, replaced atomically, and readable whatever the file on the SD card holds.
#include "TestPacks.hpp"

#include "install/InstallHistory.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;

TEST_CASE("install history: appended installs come back oldest first, the last 10 kept") {
    const test::ScratchFolder folder("kiosk-install-history");
    const DataDirectory data(folder.path());
    std::filesystem::create_directories(data.packsDirectory());
    CHECK(InstallHistory::load(data).empty());
    for (int index = 1; index <= 12; ++index)
        InstallHistory::append(data, {1765090800 + index, index % 2 ? "installed" : "refused",
                                      "vn.commune.demo", index, index % 2 ? "ok" : "signature-missing"});
    const std::vector<InstallHistoryEntry> entries = InstallHistory::load(data);
    REQUIRE(entries.size() == InstallHistory::kKeptInstalls);
    CHECK(entries.front().packVersion == 3);
    CHECK(entries.back().packVersion == 12);
    CHECK(entries.back().outcome == "refused");
    CHECK(entries.back().reasonCode == "signature-missing");
    CHECK(entries.back().wallSeconds == 1765090812);
    // Written through a temporary file: nothing else is left in the folder.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(data.packsDirectory()))
        ++files;
    CHECK(files == 1);
}

TEST_CASE("install history: a damaged or foreign file gives what of it is readable, never an error") {
    CHECK(InstallHistory::parse("").empty());
    CHECK(InstallHistory::parse("not the header\n1\tinstalled\tx\t1\tok\n").empty());
    const std::vector<InstallHistoryEntry> entries =
        InstallHistory::parse("kiosk-install-history 1\n"
                              "1765090800\tinstalled\tvn.commune.demo\t2\tok\n"
                              "garbage line\n"
                              "-5\tinstalled\tx\t1\tok\n"
                              "1765090900\trefused\t\t0\tsignature-missing\n"
                              "1765091000\tinstalled\tcut short");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].packId == "vn.commune.demo");
    CHECK(entries[1].packId.empty());
    CHECK(entries[1].reasonCode == "signature-missing");
}

TEST_CASE("install history: a field cannot break a line of the file") {
    const std::string text =
        InstallHistory::format({{1, "installed", "evil\tid\nkiosk-install-history 1", 1, "ok"}});
    const std::vector<InstallHistoryEntry> entries = InstallHistory::parse(text);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].packId.find('\n') == std::string::npos);
    CHECK(entries[0].packId.find('\t') == std::string::npos);
}
