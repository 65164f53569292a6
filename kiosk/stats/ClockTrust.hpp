// When may a count carry a date? The Pi has no real-time clock: after a power cut without
// network it may boot in 1970 or on the last saved time. A count is dated only when the
// wall clock is trustworthy; otherwise it is filed under the boot counter and the day of
// uptime, which are always right.
#pragma once

#include "stats/CountKey.hpp"

#include <cstdint>
#include <string_view>

namespace kiosk::stats {

enum class ClockStatus {
    Synchronised,    // an NTP client disciplined the clock during this boot
    SetByStaff,      // staff set the date during this boot
    NotSynchronised, // neither: the date may be anything
    BeforeBuildDate, // the clock reads earlier than the kiosk software was built: surely wrong
};

struct ClockEvidence {
    bool synchronisedThisBoot = false;
    bool setByStaffThisBoot = false;
    std::int64_t wallSeconds = 0;
    std::int64_t buildDateSeconds = 0;
};

ClockStatus judgeClock(const ClockEvidence& evidence);
bool isTrusted(ClockStatus status);
std::string_view clockStatusName(ClockStatus status); // "synchronised", "set_by_staff", ...

// The period a count made now belongs to. `uptimeMilliseconds` is time since boot.
CountPeriod periodFor(ClockStatus status, std::int64_t wallSeconds, int utcOffsetMinutes,
                      std::int64_t bootNumber, std::int64_t uptimeMilliseconds);

} // namespace kiosk::stats
