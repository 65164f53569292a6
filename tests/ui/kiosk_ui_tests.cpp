// The views on the builder tests' pack: pictures large, taps and drags, the fallback marker,
// the idle timeout. The harness (UiHarness.hpp) draws without any window.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

TEST_CASE("home draws every category picture large, and every touch target is thumb-sized") {
    BuiltPack built;
    for (const ImVec2 screen : {ImVec2(1280, 800), ImVec2(800, 480), ImVec2(1920, 1080), ImVec2(1024, 600)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        harness.frame();
        const auto areas = harness.drawnPictureAreas();
        for (const pack::Category& category : built.reader->index().categories) {
            CAPTURE(category.id);
            REQUIRE(areas.contains(category.imageId));
            // Each category picture covers at least a tenth of the screen.
            CHECK(areas.at(category.imageId) > screen.x * screen.y / 10);
        }
        const float smallest = screen.x >= 1280 ? 64.0f : 48.0f;
        int touchables = 0;
        for (const ui::VisibleItem& item : harness.ui().lastFrame().items()) {
            if (!item.touchable)
                continue;
            ++touchables;
            CAPTURE(item.text);
            CHECK(item.maximum.x - item.minimum.x >= smallest);
            CHECK(item.maximum.y - item.minimum.y >= smallest);
        }
        CHECK(touchables >= 7); // three categories, two languages, large text and high contrast
    }
}

TEST_CASE("tapping a category opens it, and a drag across a tile opens nothing") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.drag(ImVec2(640, 500), ImVec2(640, 380));
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    harness.tap("Chính sách");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.tap("Bảo hiểm y tế");
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.ui().lastFrame().containsText("Ai được cấp thẻ?"));
    // The page's cover is drawn full size, the gallery as thumbnails.
    const auto areas = harness.drawnPictureAreas();
    CHECK(areas.size() >= 1);
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.tap("Trang chủ");
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
}

TEST_CASE("a page missing in the chosen language falls back and says so") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("English");
    harness.tap("Programmes");
    harness.tap("Chương trình 135"); // no English version: the Vietnamese title shows
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.ui().lastFrame().containsText("Not translated, shown in Tiếng Việt"));
    CHECK(harness.ui().lastFrame().containsText("Chương trình 135"));
    harness.tap("Back");
    harness.tap("Home");
    harness.tap("Policies");
    harness.tap("Health insurance");
    CHECK_FALSE(harness.ui().lastFrame().containsText("Not translated"));
}

TEST_CASE(
    "idle: home and the attract loop after the timeout, not before, and a touch wakes without tapping") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("English");
    harness.tap("Policies");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    for (int second = 0; second < 89; ++second)
        harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.frame(1000);
    harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
    CHECK(harness.ui().language() == "vie");
    CHECK(harness.ui().lastFrame().containsText("Chạm để bắt đầu"));
    CHECK(harness.ui().lastFrame().containsText("Touch to start"));
    // The attract loop shows the featured page's cover, large.
    const auto areas = harness.drawnPictureAreas();
    CHECK(areas.contains(built.reader->index().findPage("health")->coverImageId));
    // The waking touch lands where the Policies tile is; it must not open it.
    harness.tap(ImVec2(200, 400));
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    harness.frame();
    CHECK_FALSE(harness.ui().lastFrame().containsText("Touch to start"));
}

TEST_CASE("a category's title in the top bar is not cut short: Back and Home give up their words first") {
    BuiltPack built;
    for (const ImVec2 screen : {ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        harness.tap("Chương trình");
        REQUIRE(harness.ui().screen() == ui::ScreenKind::Category);
        CHECK(harness.visibleText("Chương trình") != nullptr); // whole, with no "…"
        CHECK(harness.hasTouchable("Quay lại"));               // the button stays, named
    }
}

TEST_CASE("a caption too long for its two lines ends in an ellipsis, and one that fits has none") {
    const std::string longCaption = "Trạm y tế xã, nơi bà con được khám bệnh miễn phí bằng thẻ bảo hiểm y "
                                    "tế, mở cửa từ thứ hai đến thứ bảy "
                                    "và cả sáng chủ nhật cho những người ở xa";
    BuiltPack built([&](const builder::test::SourceTree& source) {
        source.replaceIn("vie/health.txt", "caption.2: Trạm y tế xã\n", "caption.2: " + longCaption + "\n");
    });
    UiHarness harness(*built.reader, ImVec2(800, 480));
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    for (int drag = 0; drag < 6 && !harness.visibleText(longCaption); ++drag) {
        harness.drag(ImVec2(400, 400), ImVec2(400, 150));
        for (int frame = 0; frame < 60; ++frame)
            harness.frame();
    }
    const ui::VisibleItem* cut = harness.visibleText(longCaption);
    const ui::VisibleItem* whole = harness.visibleText("Thẻ bảo hiểm");
    REQUIRE(cut != nullptr);
    REQUIRE(whole != nullptr);
    ImFont* font = harness.fonts().small;
    CHECK(harness.glyphsDrawnIn(U'…', font, cut->minimum, ImVec2(cut->maximum.x + 2, cut->maximum.y + 2)) ==
          1);
    CHECK(harness.glyphsDrawnIn(U'…', font, whole->minimum,
                                ImVec2(whole->maximum.x + 2, whole->maximum.y + 2)) == 0);
}

TEST_CASE("on a 7-inch 800x480 panel the top bar's buttons are at least 12 px apart, on every screen") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(800, 480));
    auto checkGaps = [&](const char* where) {
        CAPTURE(where);
        std::vector<const ui::VisibleItem*> bar;
        for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
            if (item.touchable && item.maximum.y <= harness.metrics().topBarHeight * 1.5f)
                bar.push_back(&item);
        REQUIRE(bar.size() >= 3);
        std::sort(bar.begin(), bar.end(),
                  [](const auto* a, const auto* b) { return a->minimum.x < b->minimum.x; });
        for (std::size_t index = 1; index < bar.size(); ++index) {
            CAPTURE(bar[index]->text);
            CHECK(bar[index]->minimum.x - bar[index - 1]->maximum.x >= 12.0f);
        }
    };
    harness.frame();
    checkGaps("home");
    harness.tap("Chính sách");
    checkGaps("category");
    harness.tap("Bảo hiểm y tế");
    checkGaps("page");
}
