#include "staff/StaffAccess.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace kiosk;

namespace {
struct TemporaryDataDirectory {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("kiosk-staff-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    ~TemporaryDataDirectory() { std::filesystem::remove_all(path); }
};
} // namespace

TEST_CASE("staff PIN: stored as a hash only, accepted, and locked out after three wrong tries") {
    TemporaryDataDirectory data;
    time::VirtualClock clock;
    CHECK(staff::StaffAccess(data.path, clock).check("1234") == staff::PinCheck::NoPinConfigured);

    staff::StaffAccess::storePin(data.path, "24680");
    std::ifstream stored(staff::StaffAccess::pinFile(data.path));
    std::string hash;
    std::getline(stored, hash);
    CHECK(hash.find("24680") == std::string::npos);
    CHECK(hash.rfind("$argon2", 0) == 0);
    CHECK((std::filesystem::status(staff::StaffAccess::pinFile(data.path)).permissions() &
           std::filesystem::perms::others_read) == std::filesystem::perms::none);

    staff::StaffAccess access(data.path, clock);
    CHECK(access.check("24680") == staff::PinCheck::Accepted);
    CHECK(access.check("11111") == staff::PinCheck::Wrong);
    CHECK(access.check("22222") == staff::PinCheck::Wrong);
    CHECK(access.check("33333") == staff::PinCheck::LockedOut);
    // Even the right PIN is refused while locked out...
    CHECK(access.check("24680") == staff::PinCheck::LockedOut);
    clock.advance(staff::StaffAccess::kLockOutMilliseconds - 1000);
    CHECK(access.check("24680") == staff::PinCheck::LockedOut);
    // ...and accepted once the lock-out has passed.
    clock.advance(2000);
    CHECK(access.lockedOutForMilliseconds() == 0);
    CHECK(access.check("24680") == staff::PinCheck::Accepted);
}

TEST_CASE("staff PIN: only 4 to 12 digits") {
    TemporaryDataDirectory data;
    CHECK_THROWS_AS(staff::StaffAccess::storePin(data.path, "123"), std::invalid_argument);
    CHECK_THROWS_AS(staff::StaffAccess::storePin(data.path, "12a4"), std::invalid_argument);
    CHECK_THROWS_AS(staff::StaffAccess::storePin(data.path, "1234567890123"), std::invalid_argument);
    CHECK_FALSE(std::filesystem::exists(staff::StaffAccess::pinFile(data.path)));
}

TEST_CASE("staff PIN: one set while the kiosk runs counts at the next try, without a restart") {
    // Found on the emulated board: `kiosk --set-staff-pin` beside the running kiosk left its
    // pad saying "no PIN set" until the kiosk restarted.
    TemporaryDataDirectory data;
    time::VirtualClock clock;
    staff::StaffAccess running(data.path, clock);
    CHECK_FALSE(running.hasPin());
    CHECK(running.check("2468") == staff::PinCheck::NoPinConfigured);
    staff::StaffAccess::storePin(data.path, "2468");
    CHECK(running.hasPin());
    CHECK(running.check("2468") == staff::PinCheck::Accepted);
    // A new PIN replaces the old one at once too.
    staff::StaffAccess::storePin(data.path, "13579");
    CHECK(running.check("2468") == staff::PinCheck::Wrong);
    CHECK(running.check("13579") == staff::PinCheck::Accepted);
}

TEST_CASE("staff PIN: a damaged PIN file counts as no PIN, so the pad says how to set one, not 'wrong PIN'") {
    TemporaryDataDirectory data;
    time::VirtualClock clock;
    staff::StaffAccess::storePin(data.path, "2468");
    std::string hash;
    std::getline(std::ifstream(staff::StaffAccess::pinFile(data.path)), hash);
    staff::StaffAccess access(data.path, clock);
    for (const std::string& damaged :
         {hash.substr(0, 40), std::string("not a hash at all"), std::string(300, 'x')}) {
        CAPTURE(damaged);
        std::ofstream(staff::StaffAccess::pinFile(data.path), std::ios::trunc) << damaged << "\n";
        CHECK(access.check("2468") == staff::PinCheck::NoPinConfigured);
    }
}
