// A date and time of day on the commune's clock, as the staff's date and time picker shows
// and sets it. Vietnam keeps UTC+7 all year (no daylight saving), so local time is plain
// arithmetic on the wall clock and needs no time-zone database on the board.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::time {

inline constexpr std::int64_t kVietnamUtcOffsetSeconds = 7 * 3600;
// The years the picker offers: a board's clock before the first is certainly wrong.
inline constexpr int kEarliestYear = 2024;
inline constexpr int kLatestYear = 2099;
// Minutes move five at a time: statistics are kept by the hour, and twelve taps round an
// hour where sixty would tire a finger.
inline constexpr int kMinuteStep = 5;

struct LocalDateTime {
    int year = kEarliestYear;
    int month = 1; // 1-12
    int day = 1;   // 1-31, within the month
    int hour = 0;  // 0-23
    int minute = 0;

    bool operator==(const LocalDateTime&) const = default;
};

enum class DateTimeField { Day, Month, Year, Hour, Minute };

// The proleptic Gregorian calendar by day numbers (days since 1970-01-01), exact for any
// year: the one place the kiosk turns dates into days and back (statistics use it too).
struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
};
std::int64_t dayNumberOf(int year, int month, int day);
CivilDate civilDateOf(std::int64_t dayNumber);
int daysInMonth(int year, int month);

// One step of one field, as a phone's picker does it: each field wraps around on its own
// (after December comes January of the same year, after 23 h comes 0 h of the same day),
// the year stays within [kEarliestYear, kLatestYear], and the day is kept inside its month
// (31 January, one month on, is 28 or 29 February).
LocalDateTime stepField(LocalDateTime dateTime, DateTimeField field, int steps);

LocalDateTime localDateTimeAt(std::int64_t wallSeconds,
                              std::int64_t utcOffsetSeconds = kVietnamUtcOffsetSeconds);
// Seconds since 1970-01-01 UTC at the start of that minute.
std::int64_t wallSecondsOf(const LocalDateTime& dateTime,
                           std::int64_t utcOffsetSeconds = kVietnamUtcOffsetSeconds);

// "03/12/2026" and "09:05": day first, as in Vietnam.
std::string formatDate(const LocalDateTime& dateTime);
std::string formatTimeOfDay(const LocalDateTime& dateTime);

} // namespace kiosk::time
