// Who may open the staff view: a PIN whose libsodium pwhash string is stored in the data
// folder (never the PIN itself), and a pause after three wrong tries so a curious visitor
// cannot guess it by tapping. The pause is short on purpose: a child who taps the pad three
// times must not lock the field officer out of a kiosk she travelled to. Three tries per
// 30 s still leave a 4-digit PIN 28 hours of tapping in front of the commune office.
#pragma once

#include "time/Clock.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::staff {

enum class PinCheck { Accepted, Wrong, LockedOut, NoPinConfigured };

class StaffAccess {
  public:
    static constexpr int kTriesBeforeLockOut = 3;
    static constexpr std::int64_t kLockOutMilliseconds = 30 * 1000;

    // The PIN is <dataDirectory>/config/staff-pin.hash, read at every check rather than once:
    // a technician who sets it with `kiosk --set-staff-pin` while the kiosk runs (the board's
    // way) must not have to restart the kiosk for it to count.
    StaffAccess(const std::filesystem::path& dataDirectory, const time::Clock& clock);

    bool hasPin() const { return storedHash().has_value(); }
    PinCheck check(const std::string& pin);
    // Milliseconds until tries are allowed again; 0 when not locked out.
    std::int64_t lockedOutForMilliseconds() const;

    // Hashes `pin` (4 to 12 digits) and stores it atomically. Throws std::invalid_argument for
    // a PIN of the wrong shape and os::FileError when it cannot be written.
    static void storePin(const std::filesystem::path& dataDirectory, const std::string& pin);
    static std::filesystem::path pinFile(const std::filesystem::path& dataDirectory);

  private:
    std::optional<std::string> storedHash() const;

    std::filesystem::path dataDirectory_;
    const time::Clock& clock_;
    int wrongTries_ = 0;
    std::int64_t lockedUntilMilliseconds_ = 0;
};

} // namespace kiosk::staff
