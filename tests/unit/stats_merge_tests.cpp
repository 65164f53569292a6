#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "signing/Hex.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/ExportSigning.hpp"
#include "stats/MergedDatabase.hpp"
#include "stats/Merger.hpp"
#include "stats/SampleExports.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sys/stat.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

ExportHeader headerFor(const std::string& kioskId, std::int64_t sequence,
                       const std::string& databaseId = "00000000000000d1") {
    ExportHeader header;
    header.kioskId = kioskId;
    header.databaseId = databaseId;
    header.sequence = sequence;
    header.placeName = "UBND xã " + kioskId.substr(0, 4);
    header.kioskVersion = 1;
    header.clockStatus = "synchronised";
    header.clockTrusted = true;
    header.catalog = {PackCatalog{"pack",
                                  1,
                                  {},
                                  {{"programmes", "Chương trình"}},
                                  {{"p1", "programmes", "programme", "Nông thôn mới"}}}};
    return header;
}

CountTable viewsOf(std::int64_t views, const std::string& date = "2026-11-20") {
    CountTable counts;
    counts[CountKey{{date, 0, 0}, "page_view", "p1", "vie", ""}] = views;
    counts[CountKey{{date, 0, 0}, "session_started", "", "", ""}] = views / 2;
    return counts;
}

struct MergeRun {
    MergeSummary summary;
    std::vector<std::string> problems;
};

MergeRun merge(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& database,
               const std::set<std::string>& acceptNewKeyFor = {}) {
    MergeRun run;
    MergeOptions options;
    options.acceptNewKeyFor = acceptNewKeyFor;
    options.onProblem = [&run](const std::string& problem) { run.problems.push_back(problem); };
    run.summary = mergeExports(inputs, database, options);
    return run;
}

// kiosk id -> total page views in all.db
std::map<std::string, std::int64_t> viewsPerKiosk(const std::filesystem::path& database) {
    std::map<std::string, std::int64_t> views;
    const MergedDatabase merged = MergedDatabase::openExisting(database);
    auto query = merged.database().prepare(
        "SELECT kiosk_id, sum(count) FROM readable_counts WHERE metric = 'page_view' GROUP BY kiosk_id");
    while (query.step())
        views[query.text(0)] = query.integer(1);
    return views;
}

std::int64_t rowCount(const std::filesystem::path& database) {
    const MergedDatabase merged = MergedDatabase::openExisting(database);
    auto query = merged.database().prepare("SELECT count(*) FROM counts");
    query.step();
    return query.integer(0);
}

const std::string kioskA = "aaaaaaaaaaaaaaa1";
const std::string kioskB = "bbbbbbbbbbbbbbb2";

} // namespace

TEST_CASE("stats merge: merging the same exports twice changes nothing") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick" / "kiosk";
    writeExport(stick, headerFor(kioskA, 1), viewsOf(10));
    writeExport(stick, headerFor(kioskB, 4), viewsOf(7, "2026-11-21"));
    const auto database = work.path() / "all.db";

    const MergeRun first = merge({work.path() / "stick"}, database);
    CHECK(first.problems.empty());
    CHECK(first.summary.imported == 2);
    CHECK(first.summary.rowsImported == 4);
    CHECK(first.summary.kiosksInDatabase == 2);
    CHECK(viewsPerKiosk(database) == std::map<std::string, std::int64_t>{{kioskA, 10}, {kioskB, 7}});

    const MergeRun second = merge({work.path() / "stick", stick / "stats" / kioskA / "1.json"}, database);
    CHECK(second.problems.empty());
    CHECK(second.summary.imported == 0);
    CHECK(second.summary.unchanged == 2);
    CHECK(second.summary.superseded == 1); // kiosk A's header given twice
    CHECK(viewsPerKiosk(database) == std::map<std::string, std::int64_t>{{kioskA, 10}, {kioskB, 7}});
    CHECK(rowCount(database) == 4);
}

TEST_CASE("stats merge: a newer export replaces, an older one is ignored") {
    TemporaryFolder work;
    const auto oldStick = work.path() / "old" / "kiosk";
    const auto newStick = work.path() / "new" / "kiosk";
    writeExport(oldStick, headerFor(kioskA, 1), viewsOf(10));
    CountTable later = viewsOf(10);
    later[CountKey{{"2026-11-22", 0, 0}, "page_view", "p1", "hmn", ""}] = 6;
    writeExport(newStick, headerFor(kioskA, 2), later);
    const auto database = work.path() / "all.db";

    CHECK(merge({work.path() / "old"}, database).summary.imported == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);
    const MergeRun newer = merge({work.path() / "new"}, database);
    CHECK(newer.summary.imported == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 16); // replaced, not added: cumulative exports
    CHECK(rowCount(database) == 3);

    const MergeRun older = merge({work.path() / "old"}, database);
    CHECK(older.summary.imported == 0);
    CHECK(older.summary.unchanged == 1);
    CHECK(older.problems.empty());
    CHECK(viewsPerKiosk(database)[kioskA] == 16);

    // Both at once into a fresh database: only the newest is read.
    const auto fresh = work.path() / "fresh.db";
    const MergeRun both = merge({work.path() / "old", work.path() / "new"}, fresh);
    CHECK(both.summary.imported == 1);
    CHECK(both.summary.superseded == 1);
    CHECK(viewsPerKiosk(fresh)[kioskA] == 16);
}

TEST_CASE("stats merge: a restarted count (new database id) adds to the one set aside") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick";
    writeExport(stick, headerFor(kioskA, 3, "00000000000000d1"), viewsOf(10));
    writeExport(stick, headerFor(kioskA, 4, "00000000000000d2"), viewsOf(5));
    const auto database = work.path() / "all.db";
    const MergeRun run = merge({stick}, database);
    CHECK(run.summary.imported == 2);
    CHECK(viewsPerKiosk(database)[kioskA] == 15);
}

TEST_CASE("stats merge: bad and foreign files are reported and skipped") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick" / "kiosk";
    writeExport(stick, headerFor(kioskA, 1), viewsOf(10));
    const auto folderB = stick / "stats" / kioskB;
    // Kiosk B: its only export was cut short on the stick (checksum mismatch).
    const WrittenExport cut = writeExport(stick, headerFor(kioskB, 2), viewsOf(8));
    const std::string full = kiosk::os::readTextFile(cut.countsFile, 1 << 20);
    kiosk::os::writeFileAtomically(cut.countsFile, full.substr(0, full.size() - 5));
    // Foreign things.
    kiosk::os::writeFileAtomically(stick / "stats" / "README.txt", std::string("hello"));
    kiosk::os::writeFileAtomically(stick / "stats" / "settings.json", std::string("{\"volume\": 3}"));
    kiosk::os::writeFileAtomically(stick / "stats" / "broken.json", std::string("{\"format\": "));
    kiosk::os::writeFileAtomically(stick / "stats" / "._1.json",
                                   std::string("AppleDouble")); // hidden: ignored
    // A counts file whose header never made it.
    kiosk::os::writeFileAtomically(folderB / "9.csv", std::string(countsCsvHeader) + "\n");
    // A header naming a file elsewhere.
    kiosk::os::writeFileAtomically(
        stick / "stats" / "5.json",
        std::string("{\"format\": \"commune-kiosk-stats\", \"format_version\": 1, "
                    "\"kiosk_id\": \"ccccccccccccccc3\", \"database_id\": \"00000000000000d1\", "
                    "\"sequence\": 5, \"counts_file\": \"../../etc/passwd\", \"counts_rows\": 1, "
                    "\"counts_sha256\": \"" +
                    std::string(64, '0') + "\"}"));
    // A future format.
    kiosk::os::writeFileAtomically(
        stick / "stats" / "6.json",
        std::string("{\"format\": \"commune-kiosk-stats\", \"format_version\": 9}"));

    const auto database = work.path() / "all.db";
    const MergeRun run = merge({work.path() / "stick", work.path() / "missing"}, database);
    CHECK(run.summary.imported == 1);
    CHECK(viewsPerKiosk(database) == std::map<std::string, std::int64_t>{{kioskA, 10}});
    CHECK(run.summary.skipped == 8);
    REQUIRE(run.problems.size() == 8);
    auto reported = [&](const std::string& fragment) {
        for (const std::string& problem : run.problems)
            if (problem.find(fragment) != std::string::npos)
                return true;
        return false;
    };
    CHECK(reported("README.txt: not a statistics export"));
    CHECK(reported("settings.json: not a kiosk statistics header"));
    CHECK(reported("broken.json: not a kiosk statistics header"));
    CHECK(reported("2.csv: counts file does not match its header's checksum"));
    CHECK(reported("9.csv: counts file without its .json header"));
    CHECK(reported("5.json: header: counts file must be 5.csv"));
    CHECK(reported("6.json: written by a newer kiosk"));
    CHECK(reported("missing: does not exist"));
    CHECK_FALSE(reported("._1.json"));
}

TEST_CASE("stats merge: when the newest export is damaged, the next older one is used") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick";
    writeExport(stick, headerFor(kioskA, 1), viewsOf(10));
    const WrittenExport newest = writeExport(stick, headerFor(kioskA, 2), viewsOf(12));
    kiosk::os::writeFileAtomically(newest.countsFile, std::string("garbage"));
    const auto database = work.path() / "all.db";
    const MergeRun run = merge({stick}, database);
    CHECK(run.summary.imported == 1);
    CHECK(run.problems.size() == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);
}

TEST_CASE("stats merge: a CSV whose checksum matches but whose rows are bad leaves all.db untouched") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick";
    writeExport(stick, headerFor(kioskA, 1), viewsOf(10));
    const auto database = work.path() / "all.db";
    merge({stick}, database);
    const std::string badCsv = std::string(countsCsvHeader) +
                               "\n2026-11-20,,,page_view,p1,vie,,4\n2026-13-01,,,page_view,p1,vie,,1\n";
    writeExportText(stick, headerFor(kioskA, 2), badCsv, 2, ExportPeriod{});
    const MergeRun run = merge({stick}, database);
    CHECK(run.summary.imported == 0);
    REQUIRE(run.problems.size() == 1);
    CHECK(run.problems[0].find("line 3: bad date") != std::string::npos);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);
    CHECK(rowCount(database) == 2);
}

TEST_CASE("stats merge: refuses to write into a database that is not a merged one") {
    TemporaryFolder work;
    {
        auto other =
            kiosk::db::Database::open(work.path() / "other.db", kiosk::db::Database::Mode::ReadWriteCreate);
        other.execute("CREATE TABLE important(x)");
    }
    CHECK_THROWS_AS(mergeExports({}, work.path() / "other.db", {}), kiosk::db::DatabaseError);
    CHECK_THROWS_AS(MergedDatabase::openExisting(work.path() / "nothing.db"), kiosk::db::DatabaseError);
}

TEST_CASE("stats merge: an export claiming a sequence far beyond the kiosk's last is refused, and the real "
          "ones go on") {
    // issue 19: a forged export with a real kiosk's ids and sequence INT64_MAX was taken, and
    // every real export after it was "unchanged" for good.
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    writeExport(work.path() / "first" / "kiosk", headerFor(kioskA, 3), viewsOf(10));
    REQUIRE(merge({work.path() / "first"}, database).summary.imported == 1);

    writeExport(work.path() / "forged" / "kiosk", headerFor(kioskA, 3 + kMaximumExportSequenceStep + 1),
                viewsOf(1));
    const MergeRun forged = merge({work.path() / "forged"}, database);
    CHECK(forged.summary.imported == 0);
    CHECK(forged.summary.refused == 1);
    CHECK(forged.summary.skipped == 0);
    REQUIRE(forged.problems.size() == 1);
    CHECK(forged.problems[0].find("more than 1000 beyond kiosk " + kioskA + "'s last merged export (3)") !=
          std::string::npos);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);

    writeExport(work.path() / "real" / "kiosk", headerFor(kioskA, 4), viewsOf(12));
    CHECK(merge({work.path() / "real"}, database).summary.imported == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 12);

    // Within the bound, a gap is normal (exports that went to sticks nobody brought back).
    writeExport(work.path() / "later" / "kiosk", headerFor(kioskA, 4 + kMaximumExportSequenceStep),
                viewsOf(20));
    CHECK(merge({work.path() / "later"}, database).summary.imported == 1);
}

TEST_CASE(
    "stats merge: once a kiosk's key is pinned, its own signed export may be any number of exports on") {
    // The bound is against forgeries before a key is pinned; a kiosk whose exports went to
    // sticks that never reached the office for years must not be refused for it.
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    const kiosk::signing::KeyPair real = kiosk::signing::generateKeyPair();
    const kiosk::signing::KeyPair forger = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "first" / "kiosk", headerFor(kioskA, 3), viewsOf(10), &real.secretKey);
    REQUIRE(merge({work.path() / "first"}, database).summary.imported == 1);

    const std::int64_t farOn = 3 + 5 * kMaximumExportSequenceStep;
    writeExport(work.path() / "forged" / "kiosk", headerFor(kioskA, farOn), viewsOf(1), &forger.secretKey);
    CHECK(merge({work.path() / "forged"}, database).summary.refused == 1);
    writeExport(work.path() / "years-later" / "kiosk", headerFor(kioskA, farOn), viewsOf(40),
                &real.secretKey);
    const MergeRun later = merge({work.path() / "years-later"}, database);
    INFO(later.problems.size());
    CHECK(later.summary.imported == 1);
    CHECK(later.summary.refused == 0);
    CHECK(viewsPerKiosk(database)[kioskA] == 40);
}

TEST_CASE("stats merge: a FIFO in place of a counts file is reported, and the merge does not wait on it") {
    TemporaryFolder work;
    const auto stick = work.path() / "stick" / "kiosk";
    const WrittenExport written = writeExport(stick, headerFor(kioskA, 1), viewsOf(10));
    std::filesystem::remove(written.countsFile);
    REQUIRE(::mkfifo(written.countsFile.c_str(), 0644) == 0);
    const MergeRun run = merge({work.path() / "stick"}, work.path() / "all.db");
    CHECK(run.summary.imported == 0);
    REQUIRE_FALSE(run.problems.empty());
    CHECK(run.problems.back().find("not a regular file") != std::string::npos);
}

TEST_CASE("stats merge: a signed export verifies, and one changed after signing does not") {
    TemporaryFolder work;
    const kiosk::signing::KeyPair key = kiosk::signing::generateKeyPair();
    const WrittenExport written =
        writeExport(work.path() / "stick" / "kiosk", headerFor(kioskA, 1), viewsOf(10), &key.secretKey);
    const std::string text = kiosk::os::readTextFile(written.headerFile, 1 << 20);
    bool foreign = true;
    const ExportHeader header = parseHeaderJson(text, foreign);
    CHECK(header.kioskPublicKey.size() == 64);
    CHECK(header.signature.size() == 128);
    CHECK(checkHeaderSignature(text, header) == HeaderSignature::Valid);

    // One letter of the place name, the way a forger would rename a commune.
    std::string altered = text;
    const std::size_t at = altered.find("UBND");
    REQUIRE(at != std::string::npos);
    altered[at] = 'X';
    CHECK(checkHeaderSignature(altered, parseHeaderJson(altered, foreign)) == HeaderSignature::Invalid);

    const WrittenExport unsignedExport =
        writeExport(work.path() / "unsigned" / "kiosk", headerFor(kioskB, 1), viewsOf(1));
    const std::string unsignedText = kiosk::os::readTextFile(unsignedExport.headerFile, 1 << 20);
    CHECK(checkHeaderSignature(unsignedText, parseHeaderJson(unsignedText, foreign)) ==
          HeaderSignature::Unsigned);

    // The altered header on disk is refused by the merge, with words.
    kiosk::os::writeFileAtomically(written.headerFile, altered);
    const MergeRun run = merge({work.path() / "stick"}, work.path() / "all.db");
    CHECK(run.summary.imported == 0);
    REQUIRE(run.problems.size() == 1);
    CHECK(run.problems[0].find("signature does not match its contents") != std::string::npos);
}

TEST_CASE(
    "stats merge: a kiosk's first signed export pins its key, and another key or no signature is refused "
    "after that") {
    // issue 19: without this, an export claiming a real kiosk's ids could replace its counts.
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    const kiosk::signing::KeyPair real = kiosk::signing::generateKeyPair();
    const kiosk::signing::KeyPair forger = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "first" / "kiosk", headerFor(kioskA, 1), viewsOf(10), &real.secretKey);
    REQUIRE(merge({work.path() / "first"}, database).summary.imported == 1);
    const auto pinned = MergedDatabase::openExisting(database).pinnedKey(kioskA);
    REQUIRE(pinned);
    CHECK(pinned->publicKey == kiosk::signing::toHex(real.secretKey.publicKey));
    CHECK(pinned->pinnedFrom.find("first") != std::string::npos);

    writeExport(work.path() / "other-key" / "kiosk", headerFor(kioskA, 2), viewsOf(99), &forger.secretKey);
    const MergeRun otherKey = merge({work.path() / "other-key"}, database);
    CHECK(otherKey.summary.imported == 0);
    CHECK(otherKey.summary.refused == 1);
    REQUIRE(otherKey.problems.size() == 1);
    CHECK(otherKey.problems[0].find("signed by a different key") != std::string::npos);
    CHECK(otherKey.problems[0].find("--accept-new-key " + kioskA) != std::string::npos);

    writeExport(work.path() / "unsigned" / "kiosk", headerFor(kioskA, 3), viewsOf(98));
    const MergeRun unsignedRun = merge({work.path() / "unsigned"}, database);
    CHECK(unsignedRun.summary.imported == 0);
    REQUIRE(unsignedRun.problems.size() == 1);
    CHECK(unsignedRun.problems[0].find("unsigned, but kiosk " + kioskA + " signs its exports") !=
          std::string::npos);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);

    // The real kiosk's next export still goes in.
    writeExport(work.path() / "next" / "kiosk", headerFor(kioskA, 4), viewsOf(12), &real.secretKey);
    CHECK(merge({work.path() / "next"}, database).summary.imported == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 12);

    // A kiosk that has never signed (an older kiosk) is merged as before.
    writeExport(work.path() / "old-kiosk" / "kiosk", headerFor(kioskB, 1), viewsOf(5));
    CHECK(merge({work.path() / "old-kiosk"}, database).summary.imported == 1);
    CHECK_FALSE(MergedDatabase::openExisting(database).pinnedKey(kioskB));
}

TEST_CASE("stats merge: --accept-new-key takes a replaced kiosk's new key and pins it") {
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    const kiosk::signing::KeyPair lost = kiosk::signing::generateKeyPair();
    const kiosk::signing::KeyPair replacement = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "old" / "kiosk", headerFor(kioskA, 1), viewsOf(10), &lost.secretKey);
    REQUIRE(merge({work.path() / "old"}, database).summary.imported == 1);

    // A new SD card: a new key and a new counting database.
    writeExport(work.path() / "new" / "kiosk", headerFor(kioskA, 2, "00000000000000d2"), viewsOf(3),
                &replacement.secretKey);
    CHECK(merge({work.path() / "new"}, database).summary.imported == 0);
    CHECK(merge({work.path() / "new"}, database, {kioskB}).summary.imported == 0); // only the kiosk named
    const MergeRun accepted = merge({work.path() / "new"}, database, {kioskA});
    CHECK(accepted.summary.imported == 1);
    CHECK(accepted.problems.empty());
    CHECK(viewsPerKiosk(database)[kioskA] == 13);
    CHECK(MergedDatabase::openExisting(database).pinnedKey(kioskA)->publicKey ==
          kiosk::signing::toHex(replacement.secretKey.publicKey));

    // From now on the old key is the stranger.
    writeExport(work.path() / "stale" / "kiosk", headerFor(kioskA, 3), viewsOf(50), &lost.secretKey);
    CHECK(merge({work.path() / "stale"}, database).summary.imported == 0);
}

TEST_CASE("stats merge: with --accept-new-key, the old card's last export given alongside does not re-pin "
          "the old key, whatever the order") {
    // The new card's counting database sorts first ("...d0" before "...d1"), so its export is
    // imported before the old card's newer one; the old key must not win back the pin.
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    const kiosk::signing::KeyPair old = kiosk::signing::generateKeyPair();
    const kiosk::signing::KeyPair replacement = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "first" / "kiosk", headerFor(kioskA, 1), viewsOf(10), &old.secretKey);
    REQUIRE(merge({work.path() / "first"}, database).summary.imported == 1);

    writeExport(work.path() / "office" / "old-card" / "kiosk", headerFor(kioskA, 2), viewsOf(11),
                &old.secretKey);
    writeExport(work.path() / "office" / "new-card" / "kiosk", headerFor(kioskA, 3, "00000000000000d0"),
                viewsOf(4), &replacement.secretKey);
    const MergeRun run = merge({work.path() / "office"}, database, {kioskA});
    CHECK(run.problems.empty());
    CHECK(run.summary.imported == 2);
    CHECK(viewsPerKiosk(database)[kioskA] == 15);
    CHECK(MergedDatabase::openExisting(database).pinnedKey(kioskA)->publicKey ==
          kiosk::signing::toHex(replacement.secretKey.publicKey));
}

TEST_CASE("stats merge: --accept-new-key refuses two different new keys for one kiosk and keeps the pin") {
    TemporaryFolder work;
    const auto database = work.path() / "all.db";
    const kiosk::signing::KeyPair real = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "first" / "kiosk", headerFor(kioskA, 1), viewsOf(10), &real.secretKey);
    REQUIRE(merge({work.path() / "first"}, database).summary.imported == 1);

    const kiosk::signing::KeyPair newCard = kiosk::signing::generateKeyPair();
    const kiosk::signing::KeyPair forger = kiosk::signing::generateKeyPair();
    writeExport(work.path() / "office" / "one" / "kiosk", headerFor(kioskA, 2, "00000000000000d2"),
                viewsOf(3), &newCard.secretKey);
    writeExport(work.path() / "office" / "two" / "kiosk", headerFor(kioskA, 2, "00000000000000d3"),
                viewsOf(900), &forger.secretKey);
    const MergeRun run = merge({work.path() / "office"}, database, {kioskA});
    CHECK(run.summary.imported == 0);
    CHECK(run.summary.refused == 2);
    REQUIRE(run.problems.size() == 2);
    CHECK(run.problems[0].find("2 different new keys") != std::string::npos);
    CHECK(viewsPerKiosk(database)[kioskA] == 10);
    CHECK(MergedDatabase::openExisting(database).pinnedKey(kioskA)->publicKey ==
          kiosk::signing::toHex(real.secretKey.publicKey));

    // Given alone, the new card's export is taken.
    CHECK(merge({work.path() / "office" / "one"}, database, {kioskA}).summary.imported == 1);
    CHECK(viewsPerKiosk(database)[kioskA] == 13);
}

TEST_CASE("stats merge: sample exports are signed like a kiosk's, the same key for the same seed, and merge "
          "pinned") {
    TemporaryFolder work;
    SampleOptions options;
    options.kiosks = 3;
    options.days = 10;
    options.seed = 5;
    writeSampleExports(work.path() / "first" / "kiosk", options);
    options.sequence = 2;
    writeSampleExports(work.path() / "second" / "kiosk", options);
    std::set<std::string> keys;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(work.path() / "first")) {
        if (entry.path().extension() != ".json")
            continue;
        const std::string text = kiosk::os::readTextFile(entry.path(), 1 << 20);
        bool foreign = true;
        const ExportHeader header = parseHeaderJson(text, foreign);
        CHECK(checkHeaderSignature(text, header) == HeaderSignature::Valid);
        keys.insert(header.kioskPublicKey);
        // The next export of the same imaginary kiosk carries the same key.
        const std::string next = kiosk::os::readTextFile(
            work.path() / "second" / "kiosk" / "stats" / header.kioskId / "2.json", 1 << 20);
        CHECK(parseHeaderJson(next, foreign).kioskPublicKey == header.kioskPublicKey);
    }
    CHECK(keys.size() == 3); // one key per kiosk
    const auto database = work.path() / "all.db";
    CHECK(merge({work.path() / "first"}, database).summary.imported == 3);
    const MergeRun later = merge({work.path() / "second"}, database);
    CHECK(later.summary.imported == 3);
    CHECK(later.summary.refused == 0);
}
