// The commune's clock (UTC+7) and the staff picker's steps.
#include "time/LocalDateTime.hpp"

#include <doctest/doctest.h>

using namespace kiosk::time;

TEST_CASE("local date and time on the commune's clock: UTC+7, at day and year boundaries") {
    // 2026-12-31 17:00 UTC is 1 January 2027, midnight, in Vietnam.
    const std::int64_t newYear = 1798736400;
    CHECK(localDateTimeAt(newYear) == LocalDateTime{2027, 1, 1, 0, 0});
    CHECK(localDateTimeAt(newYear - 60) == LocalDateTime{2026, 12, 31, 23, 59});
    CHECK(wallSecondsOf({2027, 1, 1, 0, 0}) == newYear);
    CHECK(localDateTimeAt(0, 0) == LocalDateTime{1970, 1, 1, 0, 0});
    // Before 1970 too: the day number is floored, not truncated.
    CHECK(localDateTimeAt(-1, 0) == LocalDateTime{1969, 12, 31, 23, 59});
    // A round trip at every minute of a leap day and across a whole leap year's days.
    for (std::int64_t minute = 0; minute < 24 * 60; minute += 7) {
        const LocalDateTime leapDay{2028, 2, 29, static_cast<int>(minute / 60),
                                    static_cast<int>(minute % 60)};
        CHECK(localDateTimeAt(wallSecondsOf(leapDay)) == leapDay);
    }
    const std::int64_t first = dayNumberOf(2028, 1, 1);
    for (std::int64_t day = first; day < first + 366; ++day) {
        const CivilDate date = civilDateOf(day);
        CHECK(dayNumberOf(date.year, date.month, date.day) == day);
    }
    CHECK(civilDateOf(first + 59).month == 2);
    CHECK(civilDateOf(first + 59).day == 29);
}

TEST_CASE("the picker's steps wrap each field on its own and keep the day inside its month") {
    const LocalDateTime endOfJanuary{2026, 1, 31, 23, 55};
    // A month on from 31 January is the last of February, 28 or 29 days.
    CHECK(stepField(endOfJanuary, DateTimeField::Month, 1) == LocalDateTime{2026, 2, 28, 23, 55});
    CHECK(stepField({2028, 1, 31, 0, 0}, DateTimeField::Month, 1) == LocalDateTime{2028, 2, 29, 0, 0});
    // Fields do not carry: after 31 comes 1 of the same month, after 23 h comes 0 h of the same day.
    CHECK(stepField(endOfJanuary, DateTimeField::Day, 1) == LocalDateTime{2026, 1, 1, 23, 55});
    CHECK(stepField(endOfJanuary, DateTimeField::Hour, 1) == LocalDateTime{2026, 1, 31, 0, 55});
    CHECK(stepField(endOfJanuary, DateTimeField::Minute, 1) == LocalDateTime{2026, 1, 31, 23, 0});
    CHECK(stepField({2026, 1, 1, 0, 0}, DateTimeField::Day, -1) == LocalDateTime{2026, 1, 31, 0, 0});
    CHECK(stepField({2026, 1, 1, 0, 0}, DateTimeField::Month, -1) == LocalDateTime{2026, 12, 1, 0, 0});
    CHECK(stepField({2026, 1, 1, 0, 0}, DateTimeField::Minute, -1) == LocalDateTime{2026, 1, 1, 0, 55});
    CHECK(stepField({2026, 3, 1, 0, 0}, DateTimeField::Day, -1) == LocalDateTime{2026, 3, 31, 0, 0});
    // A minute not on the step keeps its offset: 13, 18, 23.
    CHECK(stepField({2026, 1, 1, 0, 13}, DateTimeField::Minute, 1).minute == 18);
    // From 29 February, a year on is 28 February.
    CHECK(stepField({2028, 2, 29, 0, 0}, DateTimeField::Year, 1) == LocalDateTime{2029, 2, 28, 0, 0});
    // The years stop at the ends of the picker's range.
    CHECK(stepField({kLatestYear, 6, 1, 0, 0}, DateTimeField::Year, 1).year == kLatestYear);
    CHECK(stepField({kEarliestYear, 6, 1, 0, 0}, DateTimeField::Year, -1).year == kEarliestYear);
    CHECK(formatDate({2026, 12, 3, 9, 5}) == "03/12/2026");
    CHECK(formatTimeOfDay({2026, 12, 3, 9, 5}) == "09:05");
}
