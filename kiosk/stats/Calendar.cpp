#include "stats/Calendar.hpp"

#include "time/LocalDateTime.hpp"

#include <cstdio>

namespace kiosk::stats {

namespace {

std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

// 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday.
int weekdayFromMonday(std::int64_t dayNumber) {
    return static_cast<int>(floorDivide(dayNumber + 3, 7) * -7 + dayNumber + 3);
}

} // namespace

std::int64_t dayNumberFromCivil(int year, unsigned month, unsigned day) {
    return time::dayNumberOf(year, static_cast<int>(month), static_cast<int>(day));
}

std::int64_t localDayNumber(std::int64_t wallSeconds, int utcOffsetMinutes) {
    return floorDivide(wallSeconds + std::int64_t{utcOffsetMinutes} * 60, 86400);
}

int localHourOfDay(std::int64_t wallSeconds, int utcOffsetMinutes) {
    const std::int64_t local = wallSeconds + std::int64_t{utcOffsetMinutes} * 60;
    return static_cast<int>((local - floorDivide(local, 86400) * 86400) / 3600);
}

std::string formatDay(std::int64_t dayNumber) {
    const time::CivilDate civil = time::civilDateOf(dayNumber);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
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
    const int year = time::civilDateOf(thursday).year;
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
    return time::civilDateOf(dayNumber).month;
}

} // namespace kiosk::stats
