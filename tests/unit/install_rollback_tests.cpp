// Staff going back to the previous pack: last-known-good becomes current, the pack it replaces
// is set aside, never deleted; a damaged or missing previous pack changes nothing.
#include "install_test_helpers.hpp"

#include "install/PackRollback.hpp"
#include "install/StartupPack.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {
const std::vector<std::uint8_t>& embeddedPack() {
    return builtInTestPack();
}
} // namespace

TEST_CASE("rollback: the previous pack becomes the current one, and the replaced one is set aside") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(3));
    kiosk.installLastKnownGood(smallPack(2));
    REQUIRE(hasLastKnownGood(kiosk.data()));
    const RollbackResult result = rollBackToLastKnownGood(kiosk.data(), KIOSK_VERSION_NUMBER);
    CHECK(result.done);
    CHECK(result.detail.find("version 2") != std::string::npos);
    const StartupPack start = openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER);
    CHECK(start.source == PackSource::Current);
    CHECK(start.reader->metadata().packVersion == 2);
    CHECK(
        pack::PackReader::openFile(setAsidePack(kiosk.data()), KIOSK_VERSION_NUMBER).metadata().packVersion ==
        3);
    CHECK_FALSE(hasLastKnownGood(kiosk.data()));
    // Nothing more to go back to.
    CHECK_FALSE(rollBackToLastKnownGood(kiosk.data(), KIOSK_VERSION_NUMBER).done);
}

TEST_CASE("rollback: a damaged previous pack is refused and the current one stays") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(3));
    std::vector<std::uint8_t> damaged = smallPack(2);
    damaged.resize(damaged.size() / 3);
    kiosk.installLastKnownGood(damaged);
    const RollbackResult result = rollBackToLastKnownGood(kiosk.data(), KIOSK_VERSION_NUMBER);
    CHECK_FALSE(result.done);
    CHECK(result.detail.find("cannot be shown") != std::string::npos);
    CHECK(
        openStartupPack(kiosk.data(), embeddedPack(), KIOSK_VERSION_NUMBER).reader->metadata().packVersion ==
        3);
    CHECK(hasLastKnownGood(kiosk.data()));
}
