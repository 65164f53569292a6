// What the kiosk asks the operating system about itself: is the wall clock trustworthy,
// which boot is this, how much room is left on the data disk, and random bytes for ids.
// Kept apart from FileSystem.hpp because none of it is about durability.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::os {

// True while the kernel says an NTP client (systemd-timesyncd, chrony) disciplines the
// clock: ntp_adjtime() status without STA_UNSYNC. A Pi has no RTC, so after a boot
// without network this stays false and the wall clock may be days or years off.
bool isWallClockSynchronised();

// The kernel's random id of the current boot (/proc/sys/kernel/random/boot_id);
// empty when it cannot be read. Changes at every boot, stays across process restarts.
std::string currentBootId();

// Bytes available to an unprivileged writer on the file system holding `path`.
std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& path);

// `byteCount` random bytes from libsodium (getrandom underneath), as lowercase hex.
std::string randomHex(std::size_t byteCount);

} // namespace kiosk::os
