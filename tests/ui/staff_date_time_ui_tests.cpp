// The staff's date and time picker: day, month, year, hour and minute, each between two
// arrows, and a button that sets the clock to what it shows.
#include "UiHarness.hpp"
#include "staff_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

// The staff view open on the picker: its clock reads 31 January 23:55, and any PIN opens it.
struct OpenStaffView {
    explicit OpenStaffView(ImVec2 screen) : harness(*built.reader, screen) {
        staff.now = {2026, 1, 31, 23, 55};
        harness.ui().setStaffServices(&staff);
        harness.frame();
        harness.openStaffView();
    }
    BuiltPack built;
    UiHarness harness;
    testing::FakeStaffServices staff;
};

const char* const kArrows[] = {"Ngày -", "Ngày +", "Tháng -", "Tháng +", "Năm -",
                               "Năm +",  "Giờ -",  "Giờ +",   "Phút -",  "Phút +"};

} // namespace

TEST_CASE("the staff set the date and the time of day with big arrows, and the day stays inside its month") {
    OpenStaffView open(ImVec2(1280, 800));
    UiHarness& harness = open.harness;
    const testing::FakeStaffServices& staff = open.staff;
    for (const char* shown : {"31", "01", "2026", "23", "55"})
        CHECK_MESSAGE(harness.shows(shown), shown);

    harness.tap("Tháng +");
    CHECK(harness.shows("28")); // 31 February is not a day: the last of the month
    CHECK(harness.shows("02"));
    harness.tap("Giờ +");
    harness.tap("Phút +");
    harness.tap("Năm +");
    harness.tap("Năm +");
    harness.tap("Ngày +");
    harness.tap("Ngày +"); // 2028 is a leap year: 29 February, then 1 February
    CHECK_FALSE(staff.setTo.has_value());
    harness.tap("Đặt ngày giờ");
    REQUIRE(staff.setTo.has_value());
    CHECK(*staff.setTo == time::LocalDateTime{2028, 2, 1, 0, 0});
}

TEST_CASE(
    "on a 7-inch 800x480 panel every arrow of the picker is thumb-sized, on the screen and 12 px from the "
    "next") {
    const ImVec2 screen(800, 480);
    OpenStaffView open(screen);
    UiHarness& harness = open.harness;
    // Scrolled so that the picker is wholly on screen.
    for (int attempt = 0; attempt < 6 && !harness.hasTouchable("Phút +"); ++attempt)
        harness.drag(ImVec2(400, 400), ImVec2(400, 250));
    std::vector<const ui::VisibleItem*> arrows;
    for (const char* name : kArrows) {
        CAPTURE(name);
        const ui::VisibleItem* arrow = harness.ui().lastFrame().findTouchable(name);
        REQUIRE(arrow != nullptr);
        CHECK(arrow->maximum.x <= screen.x);
        CHECK(arrow->maximum.y - arrow->minimum.y >= 48);
        CHECK(arrow->maximum.x - arrow->minimum.x >= 48);
        arrows.push_back(arrow);
    }
    const ui::VisibleItem* set = harness.ui().lastFrame().findTouchable("Đặt ngày giờ");
    REQUIRE(set != nullptr);
    CHECK(set->maximum.x <= screen.x);
    arrows.push_back(set);
    for (std::size_t first = 0; first < arrows.size(); ++first)
        for (std::size_t second = first + 1; second < arrows.size(); ++second) {
            const ui::VisibleItem& a = *arrows[first];
            const ui::VisibleItem& b = *arrows[second];
            const float gapX = std::max(b.minimum.x - a.maximum.x, a.minimum.x - b.maximum.x);
            const float gapY = std::max(b.minimum.y - a.maximum.y, a.minimum.y - b.maximum.y);
            CAPTURE(first);
            CAPTURE(second);
            CHECK(std::max(gapX, gapY) >= 12);
        }
}
