// The installed-versions record (install/InstalledVersions): the highest version of each pack
// id a kiosk ever installed, so that a rollback to last-known-good (or to the built-in pack)
// does not reopen the door to an older signed release.
#include "install_test_helpers.hpp"

#include "install/InstalledVersions.hpp"
#include "install/StartupPack.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

TEST_CASE("installed versions: parse, raise (never lower) and format") {
    InstalledVersions record = InstalledVersions::parse("kiosk-installed-versions 1\nvn.a 3\nvn.b 12\n");
    CHECK(record.problem().empty());
    CHECK(record.highest("vn.a") == 3);
    CHECK(record.highest("vn.b") == 12);
    CHECK(!record.highest("vn.c"));
    CHECK(record.raise("vn.a", 4));
    CHECK_FALSE(record.raise("vn.a", 2)); // a downgrade by the staff override keeps the highest
    CHECK_FALSE(record.raise("vn.b", 12));
    CHECK(record.raise("vn.c", 1));
    CHECK(record.format() == "kiosk-installed-versions 1\nvn.a 4\nvn.b 12\nvn.c 1\n");
    CHECK(InstalledVersions::parse(record.format()).format() == record.format());
}

TEST_CASE("installed versions: a damaged record keeps what it can read and says what is wrong") {
    const InstalledVersions damaged = InstalledVersions::parse(
        "kiosk-installed-versions 1\nvn.a 3\nvn.b three\nno version\nvn/evil 9\nvn.c 5");
    CHECK(damaged.highest("vn.a") == 3);
    CHECK(damaged.highest("vn.c") == 5);
    CHECK(!damaged.highest("vn.b"));
    CHECK(!damaged.highest("vn/evil"));
    CHECK(!damaged.problem().empty());
    const InstalledVersions foreign = InstalledVersions::parse("something else 1\nvn.a 3\n");
    CHECK(!foreign.highest("vn.a"));
    CHECK(!foreign.problem().empty());
    CHECK(!InstalledVersions::parse("").problem().empty());
    CHECK(!InstalledVersions::parse("kiosk-installed-versions 1\nvn.a -4\n").highest("vn.a"));
}

TEST_CASE("installed versions: saved atomically in packs/, missing means empty") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    const InstalledVersions none = InstalledVersions::load(kiosk.data());
    CHECK(!none.highest(kTestPackId));
    CHECK(none.problem().empty());

    InstalledVersions record;
    record.raise(kTestPackId, 7);
    record.save(kiosk.data());
    CHECK(InstalledVersions::load(kiosk.data()).highest(kTestPackId) == 7);
    CHECK(kiosk.contents() ==
          std::vector<std::string>{"keys", "keys/trusted.pub", "packs", "packs/installed-versions.txt"});
    // A leftover temporary of an interrupted save is cleaned at start-up; the record stays.
    writeText(kiosk.data().packsDirectory() / "installed-versions.txt.tmp-1-0",
              "kiosk-installed-versions 1\n");
    removeInstallLeftovers(kiosk.data());
    CHECK(InstalledVersions::load(kiosk.data()).highest(kTestPackId) == 7);
    CHECK(!std::filesystem::exists(kiosk.data().packsDirectory() / "installed-versions.txt.tmp-1-0"));
}

TEST_CASE(
    "install: every install raises the record, and after a rollback an older signed pack stays refused") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));

    // Version 3 goes in and is recorded.
    {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(3), key, kTestPackId, 3);
        REQUIRE(runInstall(requestFor(stick.path(), kiosk)).stage == InstallStage::Installed);
    }
    CHECK(InstalledVersions::load(kiosk.data()).highest(kTestPackId) == 3);

    // Version 3's file is damaged: the kiosk starts on last-known-good, version 2.
    writeText(kiosk.data().currentPack(), "not a pack any more");
    const StartupPack startup = openStartupPack(kiosk.data(), {}, KIOSK_VERSION_NUMBER);
    REQUIRE(startup.source == PackSource::LastKnownGood);
    CHECK(startup.reader->metadata().packVersion == 2);

    auto tryStick = [&](std::int64_t version, bool allowDowngrade = false) {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(version), key, kTestPackId, version);
        InstallRequest request = requestFor(stick.path(), kiosk);
        request.allowDowngrade = allowDowngrade;
        return runInstall(request);
    };
    // Newer than the pack shown, but not than the pack the kiosk had: refused, nothing copied.
    const InstallSnapshot replay = tryStick(3);
    CHECK(replay.stage == InstallStage::Refused);
    CHECK(replay.reason == Reason::PackInstalledBefore);
    CHECK(replay.detail.find("version 3 of vn.test.pack is not newer than version 3") != std::string::npos);
    CHECK(replay.candidates.front().outcome == CandidateOutcome::Refused);
    CHECK(tryStick(2).reason == Reason::PackAlreadyInstalled);
    CHECK(tryStick(1).reason == Reason::PackNotNewer);
    // The staff override can go back on purpose, and the record keeps the highest version.
    CHECK(tryStick(3, true).stage == InstallStage::Installed);
    CHECK(InstalledVersions::load(kiosk.data()).highest(kTestPackId) == 3);
    // A really newer pack is installed and raises the record.
    CHECK(tryStick(4).stage == InstallStage::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 4);
    CHECK(InstalledVersions::load(kiosk.data()).highest(kTestPackId) == 4);
}

TEST_CASE("install: with both installed packs gone, the record still refuses an older release") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    // The kiosk once installed version 5; both its pack files are lost since, so the built-in
    // pack (another pack id) is what it shows.
    InstalledVersions record;
    record.raise(kTestPackId, 5);
    record.save(kiosk.data());
    const std::vector<std::uint8_t> embedded = withPackId(smallPack(1), "vn.commune.demo");
    const ScratchFolder stick;
    putSignedPack(stick.path(), "old.kpack", smallPack(4), key, kTestPackId, 4);
    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.embeddedPack = embedded;
    const InstallSnapshot result = runInstall(request);
    CHECK(result.reason == Reason::PackInstalledBefore);
    CHECK(!std::filesystem::exists(kiosk.data().currentPack()));
}

TEST_CASE(
    "install: a damaged record is said in the detail, still counts where readable, and is rewritten whole") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    writeText(kiosk.data().installedVersionsFile(),
              "kiosk-installed-versions 1\nvn.test.pack 4\n\x01garbage\n");
    auto tryStick = [&](std::int64_t version) {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(version), key, kTestPackId, version);
        return runInstall(requestFor(stick.path(), kiosk));
    };
    const InstallSnapshot refused = tryStick(3);
    CHECK(refused.reason == Reason::PackInstalledBefore);
    CHECK(refused.detail.find("line 3 of the installed-versions record is damaged") != std::string::npos);
    const InstallSnapshot installed = tryStick(5);
    CHECK(installed.stage == InstallStage::Installed);
    const InstalledVersions rewritten = InstalledVersions::load(kiosk.data());
    CHECK(rewritten.problem().empty());
    CHECK(rewritten.highest(kTestPackId) == 5);
}
