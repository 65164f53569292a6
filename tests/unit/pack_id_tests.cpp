// Ids are data, never paths: the reader checks page, category, language and pack ids against
// their grammar (pack/PackIds.hpp), and a pack or file that is a FIFO, a folder or a device is
// refused at once instead of waited on (issue 18: `--pack` naming a FIFO hung the kiosk).
#include "HostilePacks.hpp"
#include "TestPacks.hpp"

#include "db/Database.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackIds.hpp"
#include "pack/PackReader.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::install::test;

TEST_CASE("pack ids: the grammar refuses anything that could name a file") {
    CHECK(pack::isValidItemId("lnob-meeting-2022"));
    for (const char* id : {"", ".", "..", "../x", "/tmp/x", "a/b", "A", "x y", "-x", "họp"}) {
        CAPTURE(id);
        CHECK_FALSE(pack::isValidItemId(id));
    }
    CHECK_FALSE(pack::isValidItemId(std::string(65, 'a')));
    CHECK(pack::isLanguageCode("vie"));
    CHECK_FALSE(pack::isLanguageCode("../"));
    CHECK(pack::isValidPackId("vn.commune.demo"));
    CHECK_FALSE(pack::isValidPackId("../vn"));
}

TEST_CASE("pack ids: the reader refuses a pack whose ids break the grammar, naming the id") {
    const std::vector<std::uint8_t> good = smallPack(3);
    struct Case {
        std::string name;
        std::vector<std::uint8_t> bytes;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"category", withCategoryId(good, "../../../../tmp/kiosk-fifo"),
         "category id '../../../../tmp/kiosk-fifo'"},
        {"absolute category", withCategoryId(good, "/dev/zero"),
         "category id '/dev/zero' is not lowercase letters"},
        {"page", withPageId(good, "health/../../x"), "page id 'health/../../x'"},
        {"language", withLanguageCode(good, "../"), "language code '../' is not an ISO 639-3 code"},
        {"pack",
         changedPack(good,
                     [](db::Database& database) {
                         database.execute("UPDATE pack_meta SET value = '../pack' WHERE key = 'pack_id'");
                     }),
         "pack_meta 'pack_id' '../pack'"},
    };
    for (const Case& hostile : cases) {
        CAPTURE(hostile.name);
        try {
            pack::PackReader::openMemory(hostile.bytes, KIOSK_VERSION_NUMBER);
            FAIL("accepted");
        } catch (const pack::PackIdError& error) {
            CHECK(std::string(error.what()).find(hostile.expected) != std::string::npos);
        }
    }
}

TEST_CASE("pack ids: a FIFO, a folder or a device named as a pack is refused at once, not waited on") {
    const ScratchFolder folder;
    const std::filesystem::path fifo = folder.path() / "pack.kpack";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::filesystem::path& notAFile : {fifo, folder.path(), std::filesystem::path("/dev/zero")}) {
        CAPTURE(notAFile);
        const auto started = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH_AS(pack::PackReader::openFile(notAFile, KIOSK_VERSION_NUMBER),
                             doctest::Contains("not a regular file"), pack::PackError);
        CHECK_THROWS_AS(db::Database::open(notAFile, db::Database::Mode::ReadOnly), db::DatabaseError);
        CHECK_THROWS_AS(os::readWholeFile(notAFile, 1024), os::FileError);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    }
}
