// Pictogram navigation: home -> category -> page -> back can be followed by pictures alone.
#include "Icons.hpp"
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

TEST_CASE(
    "every category tile and every action carries an icon, and a category without its own icon gets the "
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

TEST_CASE("icons: the built-in table is exactly what assets/icons ships") {
    std::set<std::string> shipped;
    for (const auto& entry : std::filesystem::directory_iterator(KIOSK_ICON_SOURCE_DIR))
        if (entry.path().extension() == ".svg")
            shipped.insert(entry.path().stem().string());
    std::set<std::string> table;
    for (const std::string_view name : ui::builtInIcons())
        table.insert(std::string(name));
    CHECK(table == shipped);
}

TEST_CASE("icons: a category id maps to a pictogram through a fixed table, never to a file named after it") {
    CHECK(ui::categoryIcon("policies") == "policies");
    CHECK(ui::categoryIcon("meetings") == "meetings");
    // An id that happens to name another icon, or would be a path, gets the pictures icon.
    for (const char* id :
         {"home", "back", "gatherings", "../../../../etc/passwd", "/tmp/fifo", "", "policies/x"}) {
        CAPTURE(id);
        CHECK(ui::categoryIcon(id) == "pictures");
    }
    CHECK_FALSE(ui::isBuiltInIcon("../icons/home"));
    CHECK(ui::isBuiltInIcon("home"));

    // On screen: a category called "back" shows the pictures icon, and every icon asked for is built in.
    BuiltPack built([](const builder::test::SourceTree& source) {
        source.replaceIn("categories.txt", "id: meetings", "id: back");
        source.replaceIn("vie/meeting.txt", "category: meetings", "category: back");
    });
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    CHECK_FALSE(harness.drawnIcons().contains("back"));
    CHECK(harness.drawnIcons().contains("pictures"));
    for (const std::string& asked : harness.pictures().iconsAsked()) {
        CAPTURE(asked);
        CHECK(ui::isBuiltInIcon(asked));
    }
}
