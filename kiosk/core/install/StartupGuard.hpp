// Notices a kiosk that keeps restarting: a pack or a stick that crashes or hangs it (the
// systemd watchdog ends a hang) would otherwise do it again at every start, and nobody
// technical is near a commune office to break the loop.
//
// Every start is counted in <data>/unfinished-starts until the kiosk has stayed up a minute.
// After kUnfinishedStartsBeforeSafeStart starts in a row that did not, the next start is a
// safe start: it skips the installed pack (showing the last-known-good one, else the demo)
// and does not read sticks already plugged in. A safe start that stays up clears the count,
// so the next restart tries the installed pack again.
#pragma once

#include "install/DataDirectory.hpp"

#include <cstdint>

namespace kiosk::install {

inline constexpr int kUnfinishedStartsBeforeSafeStart = 3;
inline constexpr std::int64_t kStayedUpMilliseconds = 60'000;

// Counts this start as unfinished, durably, and returns how many starts before it did not
// stay up. An unreadable or damaged count reads as 0; one that cannot be written makes no
// safe start (a read-only data folder must not hide the installed pack).
int recordStart(const DataDirectory& data);
// This start stayed up: the count goes back to 0.
void markStayedUp(const DataDirectory& data);
// True when a start that follows `unfinishedStarts` such starts must be a safe one.
inline bool isSafeStart(int unfinishedStarts) {
    return unfinishedStarts >= kUnfinishedStartsBeforeSafeStart;
}

} // namespace kiosk::install
