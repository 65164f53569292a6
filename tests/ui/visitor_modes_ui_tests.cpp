// Large text and high contrast: one tap each in the top bar, visible in the draw data, and
// both gone when the session ends.
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

float titleGlyphHeight(const UiHarness& harness) {
    const ui::VisibleItem* title = harness.visibleText("Bảo hiểm y tế");
    REQUIRE(title != nullptr);
    return harness.tallestGlyphIn(title->minimum, title->maximum);
}

// The colours of rectangles covering the whole screen: the window backgrounds.
std::set<ImU32> backgroundColours(const UiHarness& harness) {
    std::set<ImU32> colours;
    for (const DrawnRect& rect : harness.drawnRects())
        if (rect.minimum.x <= 0 && rect.minimum.y <= 0 && rect.maximum.x >= harness.metrics().screen.x &&
            rect.maximum.y >= harness.metrics().screen.y)
            colours.insert(rect.colour);
    return colours;
}

} // namespace

TEST_CASE("large text makes the page's words taller, and the idle timeout ends it") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    const float standard = titleGlyphHeight(harness);
    REQUIRE(standard > 10);
    CHECK(harness.drawnIcons().contains("large-text"));

    const ui::VisibleItem* button = harness.ui().lastFrame().findTouchable("Chữ to");
    REQUIRE(button != nullptr);
    CHECK(button->maximum.x - button->minimum.x >= harness.metrics().touchTarget);
    harness.tap("Chữ to");
    CHECK(harness.ui().modes().largeText);
    const float large = titleGlyphHeight(harness);
    CHECK(large > standard * 1.2f);
    CHECK(large < standard * 1.45f);
    // Still every word of the page, and the buttons keep their size.
    CHECK(harness.shows("Ai được cấp thẻ?"));
    CHECK(harness.ui().lastFrame().findTouchable("Quay lại") != nullptr);

    // A second tap turns it off.
    harness.tap("Chữ to");
    CHECK_FALSE(harness.ui().modes().largeText);
    CHECK(titleGlyphHeight(harness) == doctest::Approx(standard));

    harness.tap("Chữ to");
    harness.waitUntilIdle();
    CHECK_FALSE(harness.ui().modes().largeText);
    harness.tap(ImVec2(640, 400));
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    CHECK(titleGlyphHeight(harness) == doctest::Approx(standard));
}

TEST_CASE("high contrast turns the background black and the words white, and the idle timeout ends it") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    const ImU32 standardBackground = ui::standardPalette().background;
    const ImU32 contrastBackground = ui::highContrastPalette().background;
    REQUIRE(backgroundColours(harness).contains(standardBackground));
    CHECK(harness.drawnIcons().contains("contrast"));

    harness.tap("Tương phản cao");
    CHECK(harness.ui().modes().highContrast);
    std::set<ImU32> colours = backgroundColours(harness);
    CHECK(colours.contains(contrastBackground));
    CHECK_FALSE(colours.contains(standardBackground));

    // On a page too: the words are white on black.
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    CHECK(backgroundColours(harness).contains(contrastBackground));
    const ui::VisibleItem* paragraph = harness.visibleText("Người dân tộc thiểu số sống ở vùng khó khăn.");
    REQUIRE(paragraph != nullptr);
    const auto [low, high] =
        harness.boundsOfColour(ui::highContrastPalette().text, paragraph->minimum, paragraph->maximum);
    CHECK(high.x > low.x);

    harness.waitUntilIdle();
    CHECK_FALSE(harness.ui().modes().highContrast);
    harness.tap(ImVec2(640, 400));
    harness.frame();
    colours = backgroundColours(harness);
    CHECK(colours.contains(standardBackground));
    CHECK_FALSE(colours.contains(contrastBackground));
}

TEST_CASE("in large text a long title beside the speaker wraps without running into the words below it") {
    BuiltPack built([](const builder::test::SourceTree& source) {
        source.replaceIn("vie/health.txt", "title: Bảo hiểm y tế\n",
                         "title: Bảo hiểm y tế cho người dân tộc thiểu số ở các xã vùng cao\n");
        source.writeBytes("vie/health.ogg",
                          audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, 500)));
    });
    for (const ImVec2 screen : {ImVec2(1280, 800), ImVec2(800, 480)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        FakeAudioOutput audio;
        harness.ui().setAudioOutput(&audio);
        harness.frame();
        harness.tap("Chữ to");
        harness.tap("Chính sách");
        harness.tap("Bảo hiểm y tế");
        REQUIRE(harness.hasTouchable("Nghe đọc"));
        const ui::VisibleItem* title =
            harness.visibleText("Bảo hiểm y tế cho người dân tộc thiểu số ở các xã vùng cao");
        REQUIRE(title != nullptr);
        CHECK(title->maximum.y - title->minimum.y > harness.metrics().titleFontSize * 1.5f); // wrapped
        std::vector<const ui::VisibleItem*> words;
        for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
            if (!item.touchable && item.minimum.y > harness.metrics().topBarHeight)
                words.push_back(&item);
        for (std::size_t first = 0; first < words.size(); ++first)
            for (std::size_t second = first + 1; second < words.size(); ++second) {
                CAPTURE(words[first]->text);
                CAPTURE(words[second]->text);
                const bool apart = words[first]->maximum.x <= words[second]->minimum.x ||
                                   words[second]->maximum.x <= words[first]->minimum.x ||
                                   words[first]->maximum.y <= words[second]->minimum.y ||
                                   words[second]->maximum.y <= words[first]->minimum.y;
                CHECK(apart);
            }
    }
}
