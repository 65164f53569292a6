// Start-up: the installed pack, else last-known-good, else the built-in pack, each with its
// reason; an interrupted install's leftovers cleaned away first.
#include "install_test_helpers.hpp"

#include "install/StartupPack.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

const std::vector<std::uint8_t>& embeddedPack() {
    return builtInTestPack();
}

StartupPack start(const DataFolder& kiosk) {
    return openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER);
}

} // namespace

TEST_CASE("start-up: no data folder at all: the built-in pack, because nothing is installed") {
    const DataDirectory nowhere("/nonexistent/kiosk-data");
    const StartupPack choice = openStartupPack(nowhere, embeddedPack(), KIOSK_VERSION_NUMBER);
    CHECK(choice.source == PackSource::EmbeddedDemo);
    CHECK(choice.reason == Reason::StartupNoPackInstalled);
    CHECK(choice.reader->metadata().packId == "vn.commune.demo");
    CHECK(choice.file.empty());
    CHECK(choice.detail == "the built-in demo pack, because no pack is installed in /nonexistent/kiosk-data");
}

TEST_CASE("start-up: the installed pack when it opens") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(3));
    kiosk.installLastKnownGood(smallPack(2));
    const StartupPack choice = start(kiosk);
    CHECK(choice.source == PackSource::Current);
    CHECK(choice.reason == Reason::StartupCurrent);
    CHECK(choice.reader->metadata().packVersion == 3);
    CHECK(choice.file == kiosk.data().currentPack());
}

TEST_CASE("start-up: no current pack (a crash between the two renames): last-known-good") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installLastKnownGood(smallPack(2));
    const StartupPack choice = start(kiosk);
    CHECK(choice.source == PackSource::LastKnownGood);
    CHECK(choice.reason == Reason::StartupCurrentMissing);
    CHECK(choice.reader->metadata().packVersion == 2);
    CHECK(choice.detail.find("current.kpack is not there") != std::string::npos);
}

TEST_CASE("start-up: a damaged current pack: last-known-good, and the reason names the damage") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    std::vector<std::uint8_t> damaged = smallPack(3);
    damaged.resize(damaged.size() / 3);
    kiosk.installDirectly(damaged);
    kiosk.installLastKnownGood(smallPack(2));
    const StartupPack choice = start(kiosk);
    CHECK(choice.source == PackSource::LastKnownGood);
    CHECK(choice.reason == Reason::StartupCurrentRefused);
    CHECK(choice.detail.find("current.kpack cannot be shown") != std::string::npos);
}

TEST_CASE("start-up: a current pack with one bad page is refused too (every page is checked)") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(changedPack(smallPack(3), [](db::Database& database) {
        database.execute("UPDATE page_blocks SET text = 'Be' || char(0x323, 0x302)");
    }));
    kiosk.installLastKnownGood(smallPack(2));
    CHECK(start(kiosk).source == PackSource::LastKnownGood);
}

TEST_CASE("start-up: both installed packs damaged: the built-in pack, saying so") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    writeText(kiosk.data().currentPack(), "not a pack");
    writeText(kiosk.data().lastKnownGoodPack(), "not a pack either");
    const StartupPack choice = start(kiosk);
    CHECK(choice.source == PackSource::EmbeddedDemo);
    CHECK(choice.reason == Reason::StartupInstalledPacksRefused);
    CHECK(choice.detail.find("current.kpack cannot be shown") != std::string::npos);
    CHECK(choice.detail.find("last-known-good.kpack cannot be shown") != std::string::npos);
}

TEST_CASE("start-up: staging leftovers and temporary files are removed, the packs kept") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(3));
    writeFile(kiosk.data().stagedPack(), smallPack(4));
    writeText(kiosk.data().stagingDirectory() / "half" / "copied.bin", "x");
    writeText(kiosk.data().packsDirectory() / "current.kpack.tmp-123-0", "x");
    writeText(kiosk.data().packsDirectory() / "current.kpack-journal", "x");
    const StartupPack choice = start(kiosk);
    CHECK(choice.source == PackSource::Current);
    CHECK(choice.removedLeftovers.size() == 4);
    CHECK(kiosk.contents() ==
          std::vector<std::string>{"keys", "keys/trusted.pub", "packs", "packs/current.kpack", "staging"});
    CHECK(choice.detail.find("removed 4 leftover file(s)") != std::string::npos);
}
