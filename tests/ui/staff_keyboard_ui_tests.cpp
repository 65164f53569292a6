// The staff view's on-screen Vietnamese keyboard for the place name: capitals at the start of
// each word, tone keys on the word just typed, backspace by whole letters, Save and Cancel, and
// keys a finger can hit on a 7-inch 800x480 panel.
#include "UiHarness.hpp"
#include "staff_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

// The staff view open on its keyboard (any PIN opens it), the stored name `placeName`.
struct OpenKeyboard {
    OpenKeyboard(ImVec2 screen, const std::string& placeName) : harness(*built.reader, screen) {
        staff.storedPlaceName = placeName;
        harness.ui().setStaffServices(&staff);
        harness.frame();
        harness.openStaffView();
        // The place name is further down the view: scroll until it shows.
        for (int attempt = 0; attempt < 10 && !harness.hasTouchable("Tên địa điểm"); ++attempt) {
            harness.dragWithoutFling(ImVec2(screen.x / 2, screen.y * 0.8f),
                                     ImVec2(screen.x / 2, screen.y * 0.4f));
            harness.frame();
        }
        harness.tap("Tên địa điểm");
        REQUIRE(harness.hasTouchable("Dấu cách"));
    }
    BuiltPack built;
    UiHarness harness;
    testing::FakeStaffServices staff;
};

void typeKeys(UiHarness& harness, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const std::string name = key;
        CAPTURE(name);
        harness.tapKey(key);
    }
}

} // namespace

TEST_CASE("staff type a place name with tone marks on the on-screen keyboard, and Save stores it in NFC") {
    OpenKeyboard open(ImVec2(1280, 800), "");
    UiHarness& harness = open.harness;
    typeKeys(harness, {"T", "a", "ả", "Dấu cách", "P", "h", "i", "n", "à"});
    CHECK(harness.shows("Tả Phìn|"));
    typeKeys(harness, {"Dấu cách", "L", "a", "o", "Dấu cách", "C", "a", "i", "à"});
    CHECK(harness.shows("Tả Phìn Lao Cài|"));
    CHECK(open.staff.placeNamesSaved == 0);
    harness.tap("Lưu");
    CHECK(open.staff.placeNamesSaved == 1);
    CHECK(open.staff.storedPlaceName == "Tả Phìn Lao Cài");
    CHECK(text::isNfc(open.staff.storedPlaceName));
    CHECK_FALSE(harness.hasTouchable("Dấu cách")); // back on the dashboard
}

TEST_CASE("the keyboard opens on the stored name, backspace takes whole letters, and Cancel keeps the name") {
    OpenKeyboard open(ImVec2(1280, 800), "Xã Tả Phìn");
    UiHarness& harness = open.harness;
    CHECK(harness.shows("Xã Tả Phìn|"));
    typeKeys(harness, {"Xóa", "Xóa"});
    CHECK(harness.shows("Xã Tả Ph|"));
    // Shift: after a letter the keys are small; pressed, the next letter is a capital.
    CHECK(harness.ui().lastFrame().findTouchableLabelled("a") != nullptr);
    typeKeys(harness, {"Aa", "Ô"});
    CHECK(harness.shows("Xã Tả PhÔ|"));
    harness.tap("Hủy");
    CHECK(open.staff.placeNamesSaved == 0);
    CHECK(open.staff.storedPlaceName == "Xã Tả Phìn");
}

TEST_CASE("on a 7-inch 800x480 panel every key is on screen, at least 44 px a side") {
    OpenKeyboard open(ImVec2(800, 480), "");
    UiHarness& harness = open.harness;
    int keys = 0;
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items()) {
        if (!item.touchable || item.minimum.y < harness.metrics().topBarHeight)
            continue;
        ++keys;
        CAPTURE(item.text);
        CHECK(item.maximum.x - item.minimum.x >= 44);
        CHECK(item.maximum.y - item.minimum.y >= 44);
        CHECK(item.maximum.x <= 800);
        CHECK(item.maximum.y <= 480);
    }
    CHECK(keys == 10 + 10 + 10 + 9 + 10 + 6 + 2); // the rows, then Cancel and Save
}
