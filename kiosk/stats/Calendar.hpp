// Calendar arithmetic for statistics: local day numbers, ISO dates and ISO weeks.
// Days are counted on the kiosk's local calendar (Vietnam: UTC+7, no daylight saving),
// so a day's counts start at local midnight, where commune staff expect them to.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::stats {

// Days since 1970-01-01 on the local calendar.
std::int64_t localDayNumber(std::int64_t wallSeconds, int utcOffsetMinutes);
int localHourOfDay(std::int64_t wallSeconds, int utcOffsetMinutes);

std::string formatDay(std::int64_t dayNumber);               // "YYYY-MM-DD"
std::optional<std::int64_t> parseDay(std::string_view text); // strict "YYYY-MM-DD"
std::int64_t dayNumberFromCivil(int year, unsigned month, unsigned day);

struct IsoWeek {
    int year = 0;
    int week = 0;
    auto operator<=>(const IsoWeek&) const = default;
};

IsoWeek isoWeekOf(std::int64_t dayNumber);
std::int64_t mondayOf(IsoWeek week);
std::string formatIsoWeek(IsoWeek week); // "2025-W07"
int monthOf(std::int64_t dayNumber);     // 1..12

} // namespace kiosk::stats
