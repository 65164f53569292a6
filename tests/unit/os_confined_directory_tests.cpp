// The confined folder through which everything on a USB stick is written (issue 19). Each
// case runs twice: with the kernel's openat2, and with the one-name-at-a-time fallback that
// a kernel or qemu-user without openat2 gets.
#include "stats_test_support.hpp"

#include "os/ConfinedDirectory.hpp"
#include "os/FileSystem.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>

using kiosk::os::ConfinedDirectory;
using kiosk::os::ConfinementError;
using kiosk::stats::testing::TemporaryFolder;
namespace fs = std::filesystem;

namespace {

struct FallbackChoice {
    explicit FallbackChoice(bool force) { kiosk::os::forceConfinedOpenFallbackForTesting(force); }
    ~FallbackChoice() { kiosk::os::forceConfinedOpenFallbackForTesting(false); }
};

std::string contentOf(const fs::path& file) {
    return kiosk::os::readTextFile(file, 1 << 20);
}

std::size_t entriesIn(const fs::path& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

} // namespace

TEST_CASE("confined folder: files are written beneath it, folders made on the way, no temporary left") {
    for (const bool fallback : {false, true}) {
        CAPTURE(fallback);
        const FallbackChoice choice(fallback);
        TemporaryFolder stick;
        fs::create_directory(stick.path() / "kiosk");
        const ConfinedDirectory kiosk = ConfinedDirectory::open(stick.path() / "kiosk");
        const ConfinedDirectory folder =
            kiosk.subdirectory("stats/kiosk-1", ConfinedDirectory::IfMissing::Create);
        CHECK(folder.path() == stick.path() / "kiosk" / "stats" / "kiosk-1");
        folder.writeFileAtomically("1.csv", std::string_view("first"));
        folder.writeFileAtomically("1.csv", std::string_view("second"));
        CHECK(contentOf(stick.path() / "kiosk/stats/kiosk-1/1.csv") == "second");
        CHECK(entriesIn(stick.path() / "kiosk/stats/kiosk-1") == 1);
        const std::vector<std::uint8_t> read = folder.readFile("1.csv", 100);
        CHECK(std::string(read.begin(), read.end()) == "second");
        folder.removeFile("1.csv");
        folder.removeFile("1.csv"); // already gone: no error
        CHECK(entriesIn(stick.path() / "kiosk/stats/kiosk-1") == 0);
    }
}

TEST_CASE("confined folder: a link anywhere on the way is refused and nothing is written off the stick") {
    for (const bool fallback : {false, true}) {
        CAPTURE(fallback);
        const FallbackChoice choice(fallback);
        TemporaryFolder stick;
        TemporaryFolder elsewhere; // stands for the kiosk's data folder
        fs::create_directory(stick.path() / "kiosk");
        const ConfinedDirectory kiosk = ConfinedDirectory::open(stick.path() / "kiosk");

        SUBCASE("kiosk/stats is a link to a folder off the stick") {
            fs::create_directory_symlink(elsewhere.path(), stick.path() / "kiosk" / "stats");
            CHECK_THROWS_WITH_AS(kiosk.subdirectory("stats/kiosk-1", ConfinedDirectory::IfMissing::Create),
                                 doctest::Contains("is a symbolic link"), ConfinementError);
        }
        SUBCASE("kiosk/stats/<id> is a link") {
            fs::create_directories(stick.path() / "kiosk" / "stats");
            fs::create_directory_symlink(elsewhere.path(), stick.path() / "kiosk" / "stats" / "kiosk-1");
            CHECK_THROWS_AS(kiosk.subdirectory("stats/kiosk-1", ConfinedDirectory::IfMissing::Create),
                            ConfinementError);
        }
        SUBCASE("the file itself is a link: not replaced, nothing written through it") {
            fs::create_directories(stick.path() / "kiosk" / "stats");
            std::FILE* target = std::fopen((elsewhere.path() / "victim").c_str(), "w");
            std::fputs("precious", target);
            std::fclose(target);
            fs::create_symlink(elsewhere.path() / "victim", stick.path() / "kiosk" / "stats" / "1.csv");
            const ConfinedDirectory stats = kiosk.subdirectory("stats", ConfinedDirectory::IfMissing::Fail);
            CHECK_THROWS_WITH_AS(stats.writeFileAtomically("1.csv", std::string_view("export")),
                                 doctest::Contains("symbolic link"), ConfinementError);
            CHECK_THROWS_AS(stats.readFile("1.csv", 100), ConfinementError);
            CHECK(contentOf(elsewhere.path() / "victim") == "precious");
            CHECK(fs::is_symlink(stick.path() / "kiosk" / "stats" / "1.csv"));
        }
        SUBCASE("a FIFO where the file goes is refused, and reading it does not wait for a writer") {
            REQUIRE(::mkfifo((stick.path() / "kiosk" / "1.csv").c_str(), 0644) == 0);
            CHECK_THROWS_WITH_AS(kiosk.writeFileAtomically("1.csv", std::string_view("export")),
                                 doctest::Contains("a FIFO"), ConfinementError);
            CHECK_THROWS_WITH_AS(kiosk.readFile("1.csv", 100), doctest::Contains("a FIFO"), ConfinementError);
        }
        SUBCASE("names that try to leave the folder") {
            CHECK_THROWS_AS(kiosk.subdirectory("../escape", ConfinedDirectory::IfMissing::Create),
                            ConfinementError);
            CHECK_THROWS_AS(kiosk.subdirectory("stats//x", ConfinedDirectory::IfMissing::Create),
                            ConfinementError);
            CHECK_THROWS_AS(kiosk.writeFileAtomically("../escape.csv", std::string_view("x")),
                            ConfinementError);
            CHECK_FALSE(fs::exists(stick.path() / "escape"));
            CHECK_FALSE(fs::exists(stick.path() / "escape.csv"));
        }
        CHECK(entriesIn(elsewhere.path()) <= 1); // only the victim file, never an export
        CHECK_FALSE(fs::exists(elsewhere.path() / "kiosk-1"));
    }
}

TEST_CASE("confined folder: the folder itself may not be a link") {
    TemporaryFolder stick;
    TemporaryFolder elsewhere;
    fs::create_directory_symlink(elsewhere.path(), stick.path() / "kiosk");
    CHECK_THROWS_WITH_AS(ConfinedDirectory::open(stick.path() / "kiosk"), doctest::Contains("symbolic link"),
                         ConfinementError);
    CHECK_THROWS_AS(ConfinedDirectory::open(stick.path() / "kiosk", ConfinedDirectory::IfMissing::Create),
                    ConfinementError);
    CHECK(entriesIn(elsewhere.path()) == 0);
}

TEST_CASE("confined folder: a planted temporary name cannot be written through") {
    // The temporary's name is random: one planted ahead of time (a link to a victim) is never
    // the one used, and O_EXCL would refuse it if it were.
    TemporaryFolder stick;
    TemporaryFolder elsewhere;
    const ConfinedDirectory folder = ConfinedDirectory::open(stick.path());
    std::FILE* target = std::fopen((elsewhere.path() / "victim").c_str(), "w");
    std::fputs("precious", target);
    std::fclose(target);
    for (const char* planted : {"1.csv.partial", ".1.csv.tmp-0", "1.csv.tmp-1-0"})
        fs::create_symlink(elsewhere.path() / "victim", stick.path() / planted);
    folder.writeFileAtomically("1.csv", std::string_view("export"));
    CHECK(contentOf(stick.path() / "1.csv") == "export");
    CHECK(contentOf(elsewhere.path() / "victim") == "precious");
}
