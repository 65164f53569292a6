#include "time/LocalDateTime.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::time {
namespace {

int wrap(int value, int first, int count) {
    return first + ((value - first) % count + count) % count;
}

std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
    return value / divisor - (value % divisor != 0 && (value < 0) != (divisor < 0) ? 1 : 0);
}

} // namespace

// Howard Hinnant's days_from_civil and civil_from_days; no timegm, whose time_t may be 32
// bits wide on an older board.
std::int64_t dayNumberOf(int year, int month, int day) {
    const std::int64_t shiftedYear = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDivide(shiftedYear, 400);
    const std::int64_t yearOfEra = shiftedYear - era * 400;
    const std::int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

CivilDate civilDateOf(std::int64_t dayNumber) {
    const std::int64_t days = dayNumber + 719468;
    const std::int64_t era = floorDivide(days, 146097);
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    CivilDate date;
    date.day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    date.month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    date.year = static_cast<int>(yearOfEra + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

int daysInMonth(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[wrap(month, 1, 12) - 1];
}

LocalDateTime stepField(LocalDateTime dateTime, DateTimeField field, int steps) {
    switch (field) {
    case DateTimeField::Day:
        dateTime.day = wrap(dateTime.day + steps, 1, daysInMonth(dateTime.year, dateTime.month));
        break;
    case DateTimeField::Month:
        dateTime.month = wrap(dateTime.month + steps, 1, 12);
        break;
    case DateTimeField::Year:
        dateTime.year = std::clamp(dateTime.year + steps, kEarliestYear, kLatestYear);
        break;
    case DateTimeField::Hour:
        dateTime.hour = wrap(dateTime.hour + steps, 0, 24);
        break;
    case DateTimeField::Minute:
        dateTime.minute = wrap(dateTime.minute + steps * kMinuteStep, 0, 60);
        break;
    }
    dateTime.day = std::min(dateTime.day, daysInMonth(dateTime.year, dateTime.month));
    return dateTime;
}

LocalDateTime localDateTimeAt(std::int64_t wallSeconds, std::int64_t utcOffsetSeconds) {
    const std::int64_t local = wallSeconds + utcOffsetSeconds;
    const std::int64_t days = floorDivide(local, 86400);
    const std::int64_t secondOfDay = local - days * 86400;
    const CivilDate date = civilDateOf(days);
    LocalDateTime dateTime{date.year, date.month, date.day, 0, 0};
    dateTime.hour = static_cast<int>(secondOfDay / 3600);
    dateTime.minute = static_cast<int>(secondOfDay % 3600 / 60);
    return dateTime;
}

std::int64_t wallSecondsOf(const LocalDateTime& dateTime, std::int64_t utcOffsetSeconds) {
    return dayNumberOf(dateTime.year, dateTime.month, dateTime.day) * 86400 + dateTime.hour * 3600 +
           dateTime.minute * 60 - utcOffsetSeconds;
}

std::string formatDate(const LocalDateTime& dateTime) {
    char text[24];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d", dateTime.day, dateTime.month, dateTime.year);
    return text;
}

std::string formatTimeOfDay(const LocalDateTime& dateTime) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", dateTime.hour, dateTime.minute);
    return text;
}

} // namespace kiosk::time
