#include "stats/ClockTrust.hpp"

#include "stats/Calendar.hpp"

namespace kiosk::stats {

ClockStatus judgeClock(const ClockEvidence& evidence) {
    // Checked first: a clock "synchronised" to a time before the build is still wrong.
    if (evidence.wallSeconds < evidence.buildDateSeconds)
        return ClockStatus::BeforeBuildDate;
    if (evidence.synchronisedThisBoot)
        return ClockStatus::Synchronised;
    if (evidence.setByStaffThisBoot)
        return ClockStatus::SetByStaff;
    return ClockStatus::NotSynchronised;
}

bool isTrusted(ClockStatus status) {
    return status == ClockStatus::Synchronised || status == ClockStatus::SetByStaff;
}

std::string_view clockStatusName(ClockStatus status) {
    switch (status) {
    case ClockStatus::Synchronised:
        return "synchronised";
    case ClockStatus::SetByStaff:
        return "set_by_staff";
    case ClockStatus::NotSynchronised:
        return "not_synchronised";
    case ClockStatus::BeforeBuildDate:
        return "before_build_date";
    }
    return "unknown";
}

CountPeriod periodFor(ClockStatus status, std::int64_t wallSeconds, int utcOffsetMinutes,
                      std::int64_t bootNumber, std::int64_t uptimeMilliseconds) {
    CountPeriod period;
    if (isTrusted(status)) {
        period.date = formatDay(localDayNumber(wallSeconds, utcOffsetMinutes));
        return period;
    }
    period.boot = bootNumber;
    period.uptimeDay = uptimeMilliseconds < 0 ? 0 : uptimeMilliseconds / 86'400'000;
    return period;
}

} // namespace kiosk::stats
