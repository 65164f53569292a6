#include "stats/Calendar.hpp"

#include <cstdio>

namespace kiosk::stats {

namespace {

std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

struct Civil {
    int year;
    unsigned month;
    unsigned day;
};

// Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
Civil civilFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = floorDivide(days, 146097);
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t year = static_cast<std::int64_t>(yearOfEra) + era * 400;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
    const unsigned day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const unsigned month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    return {static_cast<int>(year + (month <= 2 ? 1 : 0)), month, day};
}

// 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday.
int weekdayFromMonday(std::int64_t dayNumber) {
    return static_cast<int>(floorDivide(dayNumber + 3, 7) * -7 + dayNumber + 3);
}

} // namespace

std::int64_t dayNumberFromCivil(int year, unsigned month, unsigned day) {
    const std::int64_t shiftedYear = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDivide(shiftedYear, 400);
    const auto yearOfEra = static_cast<unsigned>(shiftedYear - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

std::int64_t localDayNumber(std::int64_t wallSeconds, int utcOffsetMinutes) {
    return floorDivide(wallSeconds + std::int64_t{utcOffsetMinutes} * 60, 86400);
}

int localHourOfDay(std::int64_t wallSeconds, int utcOffsetMinutes) {
    const std::int64_t local = wallSeconds + std::int64_t{utcOffsetMinutes} * 60;
    return static_cast<int>((local - floorDivide(local, 86400) * 86400) / 3600);
}

std::string formatDay(std::int64_t dayNumber) {
    const Civil civil = civilFromDays(dayNumber);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", civil.year, civil.month, civil.day);
    return text;
}

std::optional<std::int64_t> parseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
        int value = 0;
        for (std::size_t index = from; index < from + length; ++index) {
            if (text[index] < '0' || text[index] > '9')
                return std::nullopt;
            value = value * 10 + (text[index] - '0');
        }
        return value;
    };
    const auto year = number(0, 4);
    const auto month = number(5, 2);
    const auto day = number(8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31)
        return std::nullopt;
    const std::int64_t dayNumber =
        dayNumberFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    // Rejects 2025-02-30 and the like: the round trip must give the same text.
    if (formatDay(dayNumber) != text)
        return std::nullopt;
    return dayNumber;
}

IsoWeek isoWeekOf(std::int64_t dayNumber) {
    // The ISO year of a day is the calendar year of the Thursday of its week.
    const std::int64_t thursday = dayNumber - weekdayFromMonday(dayNumber) + 3;
    const int year = civilFromDays(thursday).year;
    const std::int64_t firstJanuary = dayNumberFromCivil(year, 1, 1);
    return {year, static_cast<int>((thursday - firstJanuary) / 7 + 1)};
}

std::int64_t mondayOf(IsoWeek week) {
    // 4 January is always in week 1.
    const std::int64_t fourthJanuary = dayNumberFromCivil(week.year, 1, 4);
    const std::int64_t mondayOfWeekOne = fourthJanuary - weekdayFromMonday(fourthJanuary);
    return mondayOfWeekOne + std::int64_t{week.week - 1} * 7;
}

std::string formatIsoWeek(IsoWeek week) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02d", week.year, week.week);
    return text;
}

int monthOf(std::int64_t dayNumber) {
    return static_cast<int>(civilFromDays(dayNumber).month);
}

} // namespace kiosk::stats
