#include "builder/SourceRules.hpp"

#include <doctest/doctest.h>

using namespace kiosk::builder;

TEST_CASE("source rules: item ids") {
    CHECK(isValidItemId("p4em"));
    CHECK(isValidItemId("lnob-meeting-2022"));
    CHECK(isValidItemId("a_b"));
    CHECK_FALSE(isValidItemId(""));
    CHECK_FALSE(isValidItemId("-leading-dash"));
    CHECK_FALSE(isValidItemId("Capital"));
    CHECK_FALSE(isValidItemId("with space"));
    CHECK_FALSE(isValidItemId("họp"));
    CHECK_FALSE(isValidItemId(std::string(65, 'a')));
    CHECK(isValidItemId(std::string(64, 'a')));
}

TEST_CASE("source rules: pack ids and language codes") {
    CHECK(isValidPackId("vn.commune.demo"));
    CHECK(isValidPackId("VN-Lao-Cai.2026"));
    CHECK_FALSE(isValidPackId(".hidden"));
    CHECK_FALSE(isValidPackId("vn/commune"));
    CHECK_FALSE(isValidPackId(""));
    CHECK(isLanguageCode("vie"));
    CHECK_FALSE(isLanguageCode("vi"));
    CHECK_FALSE(isLanguageCode("Vie"));
    CHECK_FALSE(isLanguageCode("vie1"));
}

TEST_CASE("source rules: whole numbers") {
    CHECK(parseWholeNumber("0", 0, 10) == 0);
    CHECK(parseWholeNumber("10", 0, 10) == 10);
    CHECK_FALSE(parseWholeNumber("11", 0, 10));
    CHECK_FALSE(parseWholeNumber("0", 1, 10));
    CHECK_FALSE(parseWholeNumber("-1", -5, 10));
    CHECK_FALSE(parseWholeNumber("+1", 0, 10));
    CHECK_FALSE(parseWholeNumber("1.5", 0, 10));
    CHECK_FALSE(parseWholeNumber("two", 0, 10));
    CHECK_FALSE(parseWholeNumber("", 0, 10));
    CHECK_FALSE(parseWholeNumber("99999999999999999999999", 0, 10));
    CHECK(parseYesNo("yes") == true);
    CHECK(parseYesNo("no") == false);
    CHECK_FALSE(parseYesNo("Yes"));
}

TEST_CASE("source rules: dates") {
    CHECK(isCalendarDate("2026-11-25"));
    CHECK(isCalendarDate("2024-02-29"));
    CHECK_FALSE(isCalendarDate("2023-02-29"));
    CHECK_FALSE(isCalendarDate("1900-02-29"));
    CHECK(isCalendarDate("2000-02-29"));
    CHECK_FALSE(isCalendarDate("2026-04-31"));
    CHECK_FALSE(isCalendarDate("2026-13-01"));
    CHECK_FALSE(isCalendarDate("2026-1-5"));
    CHECK_FALSE(isCalendarDate("25/11/2026"));
    CHECK(isPeriodDate("2017"));
    CHECK(isPeriodDate("2017-06"));
    CHECK(isPeriodDate("2017-06-30"));
    CHECK_FALSE(isPeriodDate("17"));
    CHECK_FALSE(isPeriodDate("2017-00"));
    CHECK(isMeetingTime("2022-06-16"));
    CHECK(isMeetingTime("2022-06-16 14:00"));
    CHECK(isMeetingTime("2022-06-16 23:59"));
    CHECK_FALSE(isMeetingTime("2022-06-16 24:00"));
    CHECK_FALSE(isMeetingTime("2022-06-16 14h00"));
    CHECK_FALSE(isMeetingTime("2022-06-16T14:00"));
}

TEST_CASE("source rules: an end before the start") {
    CHECK(endsBeforeStart("2022-06-16 14:00", "2022-06-16 09:00"));
    CHECK_FALSE(endsBeforeStart("2022-06-16 14:00", "2022-06-16 17:00"));
    CHECK_FALSE(endsBeforeStart("2022-06-16 14:00", "2022-06-16"));
    CHECK(endsBeforeStart("2022-06-16 14:00", "2022-06-15"));
    CHECK_FALSE(endsBeforeStart("2021-06", "2021"));
    CHECK(endsBeforeStart("2021", "2020-12"));
}

TEST_CASE("source rules: picture file names and web links") {
    CHECK(isImageFileName("cover.png"));
    CHECK(isImageFileName("Ảnh họp.JPG"));
    CHECK(isImageFileName("a.jpeg"));
    CHECK_FALSE(isImageFileName("cover.gif"));
    CHECK_FALSE(isImageFileName(".png"));
    CHECK_FALSE(isImageFileName(".hidden.png"));
    CHECK_FALSE(isImageFileName("../cover.png"));
    CHECK_FALSE(isImageFileName("sub/cover.png"));
    CHECK_FALSE(isImageFileName("sub\\cover.png"));
    CHECK_FALSE(isImageFileName("C:cover.png"));
    CHECK(isWebLink("https://msdvietnam.org/trang-chu/"));
    CHECK(isWebLink("http://example.org"));
    CHECK_FALSE(isWebLink("ftp://example.org"));
    CHECK_FALSE(isWebLink("javascript:alert(1)"));
    CHECK_FALSE(isWebLink("https://example.org/a b"));
}
