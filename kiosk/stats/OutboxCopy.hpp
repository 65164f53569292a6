// The copy at the heart of usb-export (platform/raspberry-pi/bin/usb-export): the kiosk's
// statistics from its outbox onto a stick, run as the unprivileged commune-kiosk-export user
// while root holds the stick read-write for a few seconds.
//
// Both sides are treated as hostile: the outbox is written by the kiosk (a process that
// reads USB sticks all day), the stick by anyone. So everything is opened through
// os::ConfinedDirectory: on the outbox side only regular files named <sequence>.csv or
// <sequence>.json (kiosk/stats/ExportFormat.hpp) in folders named like a kiosk id, at most
// kMaximumCopiedFileBytes each, read without following links or waiting on FIFOs; on the
// stick side only beneath <stick>/kiosk, created as new temporaries with O_EXCL, fsynced and
// renamed into place, CSVs before their headers. A link, FIFO, device or mount on the way
// stops the copy to that folder (ConfinementError) and is reported; it is never followed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::stats {

inline constexpr std::uint64_t kMaximumCopiedFileBytes = 32ull * 1024 * 1024;

struct OutboxCopyReport {
    std::int64_t copied = 0;
    // For the log, names escaped: files skipped (not plain, too large, not an export) and
    // the reason for a failure.
    std::vector<std::string> problems;
    bool refused = false; // something on the way was a link, FIFO or mount: not written through
    bool failed = false;  // a read or write failed (stick full, pulled, unreadable outbox)
};

// `outboxStats`: <outbox>/kiosk/stats. `stickKioskFolder`: <stick>/kiosk, which must exist
// (only a stick with a kiosk/ folder is meant for the kiosk). Never throws.
OutboxCopyReport copyOutboxToStick(const std::filesystem::path& outboxStats,
                                   const std::filesystem::path& stickKioskFolder);

} // namespace kiosk::stats
