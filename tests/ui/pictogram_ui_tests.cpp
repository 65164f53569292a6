// Pictogram navigation: home -> category -> page -> back can be followed by pictures alone.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

TEST_CASE("every category tile and every action carries an icon; a category without its own icon gets the "
          "pictures icon") {
    // "gatherings" has no icon in assets/icons.
    BuiltPack built([](const builder::test::SourceTree& source) {
        source.replaceIn("categories.txt", "id: meetings", "id: gatherings");
        source.replaceIn("vie/meeting.txt", "category: meetings", "category: gatherings");
    });
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    std::set<std::string> icons = harness.drawnIcons();
    for (const char* icon : {"policies", "programmes", "pictures", "language", "large-text", "contrast"}) {
        CAPTURE(icon);
        CHECK(icons.contains(icon));
    }
    CHECK_FALSE(icons.contains("meetings"));

    // The category's screen is headed by the same pictogram as its tile, beside back and home.
    harness.tap("Chương trình");
    icons = harness.drawnIcons();
    for (const char* icon : {"programmes", "back", "home"}) {
        CAPTURE(icon);
        CHECK(icons.contains(icon));
    }
    harness.tap("Chương trình 135");
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.drawnIcons().contains("programmes"));
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.tap("Trang chủ");
    harness.tap("Cuộc họp");
    CHECK(harness.drawnIcons().contains("pictures"));
}
