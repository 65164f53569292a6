#include "stats/Calendar.hpp"
#include "stats/UsageRecorder.hpp"

// KIOSK_STATS_BUILD_DATE is set on this file alone (see CMakeLists.txt), so a new build
// day recompiles one small file. CMake's TIMESTAMP honours SOURCE_DATE_EPOCH.
#ifndef KIOSK_STATS_BUILD_DATE
#error "KIOSK_STATS_BUILD_DATE must be defined as \"YYYY-MM-DD\""
#endif

namespace kiosk::stats {

std::int64_t buildDateWallSeconds() {
    static const std::int64_t seconds = parseDay(KIOSK_STATS_BUILD_DATE).value_or(0) * 86400;
    return seconds;
}

} // namespace kiosk::stats
