// The start-up guard: starts that do not stay up are counted durably; after three in a row
// the next start is a safe one, which skips the installed pack; staying up (or a clean exit)
// clears the count.
#include "install_test_helpers.hpp"

#include "install/StartupGuard.hpp"
#include "install/StartupPack.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

const std::vector<std::uint8_t>& embeddedPack() {
    return builtInTestPack();
}

} // namespace

TEST_CASE("start-up guard: three starts that did not stay up make the fourth a safe start, and staying up "
          "clears it") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    CHECK(recordStart(kiosk.data()) == 0);
    CHECK(recordStart(kiosk.data()) == 1);
    CHECK(recordStart(kiosk.data()) == 2);
    CHECK_FALSE(isSafeStart(2));
    const int beforeFourth = recordStart(kiosk.data());
    CHECK(beforeFourth == 3);
    CHECK(isSafeStart(beforeFourth));
    markStayedUp(kiosk.data());
    CHECK(recordStart(kiosk.data()) == 0);
}

TEST_CASE(
    "start-up guard: a damaged count reads as none, and an unwritable data folder never makes a safe start") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    std::ofstream(kiosk.data().root() / "unfinished-starts") << "-7 or garbage\n";
    CHECK(recordStart(kiosk.data()) == 0);
    std::ofstream(kiosk.data().root() / "unfinished-starts", std::ios::trunc) << "99999999999999999999\n";
    CHECK(recordStart(kiosk.data()) == 0);

    if (geteuid() != 0) { // root writes anyway
        std::ofstream(kiosk.data().root() / "unfinished-starts", std::ios::trunc) << "5\n";
        ::chmod(kiosk.data().root().c_str(), 0500);
        CHECK(recordStart(kiosk.data()) == 0);
        ::chmod(kiosk.data().root().c_str(), 0700);
    }
}

TEST_CASE("start-up: a safe start skips the installed pack for last-known-good, else for the built-in one") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(3));
    kiosk.installLastKnownGood(smallPack(2));
    const StartupPack safe = openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER, true);
    CHECK(safe.source == PackSource::LastKnownGood);
    CHECK(safe.reason == Reason::StartupCurrentUnstable);
    CHECK(safe.reader->metadata().packVersion == 2);
    CHECK(safe.detail.find("did not stay up") != std::string::npos);
    // The installed pack itself is untouched: the next normal start shows it again.
    CHECK(openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER).source == PackSource::Current);

    std::filesystem::remove(kiosk.data().lastKnownGoodPack());
    const StartupPack demo = openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER, true);
    CHECK(demo.source == PackSource::EmbeddedDemo);
    CHECK(demo.reason == Reason::StartupCurrentUnstable);
}
