#include "staff/StaffAccess.hpp"

#include "os/FileSystem.hpp"

#include <algorithm>
#include <sodium.h>
#include <stdexcept>

namespace kiosk::staff {

std::filesystem::path StaffAccess::pinFile(const std::filesystem::path& dataDirectory) {
    return dataDirectory / "config" / "staff-pin.hash";
}

StaffAccess::StaffAccess(const std::filesystem::path& dataDirectory, const time::Clock& clock)
    : dataDirectory_(dataDirectory), clock_(clock) {}

std::optional<std::string> StaffAccess::storedHash() const {
    if (sodium_init() < 0)
        return std::nullopt;
    try {
        std::string hash = os::readTextFile(pinFile(dataDirectory_), crypto_pwhash_STRBYTES);
        while (!hash.empty() && (hash.back() == '\n' || hash.back() == '\0'))
            hash.pop_back();
        // A damaged file (cut short, overwritten) would turn even the right PIN into a wrong
        // one and lock staff out for good; as no PIN, the pad says how to set one again.
        if (!hash.empty() && crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                            crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1)
            return hash;
    } catch (const os::FileError&) {
        // No PIN configured: the staff view stays closed until one is set.
    }
    return std::nullopt;
}

PinCheck StaffAccess::check(const std::string& pin) {
    const std::optional<std::string> stored = storedHash();
    if (!stored)
        return PinCheck::NoPinConfigured;
    if (lockedOutForMilliseconds() > 0)
        return PinCheck::LockedOut;
    if (crypto_pwhash_str_verify(stored->c_str(), pin.c_str(), pin.size()) == 0) {
        wrongTries_ = 0;
        return PinCheck::Accepted;
    }
    if (++wrongTries_ >= kTriesBeforeLockOut) {
        wrongTries_ = 0;
        lockedUntilMilliseconds_ = clock_.monotonicMilliseconds() + kLockOutMilliseconds;
        return PinCheck::LockedOut;
    }
    return PinCheck::Wrong;
}

std::int64_t StaffAccess::lockedOutForMilliseconds() const {
    return std::max<std::int64_t>(0, lockedUntilMilliseconds_ - clock_.monotonicMilliseconds());
}

void StaffAccess::storePin(const std::filesystem::path& dataDirectory, const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12 ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw std::invalid_argument("a staff PIN is 4 to 12 digits");
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot start");
    char hash[crypto_pwhash_STRBYTES];
    // Interactive limits: a Pi 3 verifies in well under a second, a thief with the SD card
    // still pays for every guess.
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    std::filesystem::create_directories(pinFile(dataDirectory).parent_path());
    const std::string line = std::string(hash) + "\n";
    os::writeFileAtomically(pinFile(dataDirectory),
                            std::span(reinterpret_cast<const std::uint8_t*>(line.data()), line.size()),
                            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

} // namespace kiosk::staff
