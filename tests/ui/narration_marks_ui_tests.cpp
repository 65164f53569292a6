// The part being read is marked on the page: a band and a bar beside the block the narration
// has reached, moving with it, kept while paused, gone when it ends.
#include "PageSections.hpp"
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

// The health page recorded in Vietnamese, with each of its 7 blocks timed.
void addTimedRecording(const builder::test::SourceTree& source) {
    source.writeBytes("vie/health.ogg", audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 1500)));
    source.writeText("vie/health.timings.txt", "0:00.2\n0:00.35\n0:00.5\n0:00.65\n0:00.8\n0:01\n0:01.25\n");
}

const ui::VisibleItem* textItem(UiHarness& harness, const std::string& text) {
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
        if (!item.touchable && item.text == text)
            return &item;
    return nullptr;
}

// The accent bar beside the marked block: a flat rectangle taller than it is wide.
std::vector<DrawnRect> markBars(const UiHarness& harness) {
    std::vector<DrawnRect> bars;
    for (const DrawnRect& rect : harness.drawnRects())
        if (rect.colour == ui::standardPalette().accent &&
            rect.maximum.y - rect.minimum.y > 2 * (rect.maximum.x - rect.minimum.x))
            bars.push_back(rect);
    return bars;
}

bool spans(const DrawnRect& bar, const ui::VisibleItem& item) {
    return bar.minimum.y <= item.minimum.y && bar.maximum.y >= item.maximum.y;
}

} // namespace

TEST_CASE("the block being read is marked, and the mark moves with the narration") {
    BuiltPack built(addTimedRecording);
    UiHarness harness(*built.reader, ImVec2(1280, 3200)); // the whole page on screen
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    harness.frame();
    CHECK_FALSE(harness.shows("Đang đọc đoạn này")); // nothing is read yet
    harness.tap("Nghe đọc");

    audio.setPosition(100); // still the title and summary
    harness.frame();
    CHECK_FALSE(harness.shows("Đang đọc đoạn này"));
    CHECK(markBars(harness).empty());

    audio.setPosition(700); // the fourth block, "Người cao tuổi"
    harness.frame();
    REQUIRE(harness.shows("Đang đọc đoạn này"));
    const ui::VisibleItem* fourth = textItem(harness, "Người cao tuổi");
    const ui::VisibleItem* third = textItem(harness, "Trẻ em dưới 6 tuổi");
    REQUIRE(fourth != nullptr);
    REQUIRE(third != nullptr);
    std::vector<DrawnRect> bars = markBars(harness);
    REQUIRE(bars.size() == 1);
    CHECK(spans(bars[0], *fourth));
    CHECK_FALSE(spans(bars[0], *third));
    // The band behind the text is the palette's reading mark, under the text's glyphs.
    const ui::VisibleItem* mark = textItem(harness, "Đang đọc đoạn này");
    REQUIRE(mark != nullptr);
    CHECK(mark->minimum.y <= fourth->minimum.y);
    CHECK(mark->maximum.y >= fourth->maximum.y);
    CHECK(mark->maximum.y < fourth->maximum.y + harness.metrics().bodyFontSize);

    // Paused, she still sees where it stopped.
    harness.tap("Tạm dừng");
    harness.frame();
    CHECK(markBars(harness).size() == 1);
    harness.tap("Nghe tiếp");

    audio.setPosition(1300); // the last block
    harness.frame();
    bars = markBars(harness);
    REQUIRE(bars.size() == 1);
    const ui::VisibleItem* last = textItem(harness, "Tại trạm y tế xã.");
    REQUIRE(last != nullptr);
    CHECK(spans(bars[0], *last));

    audio.finish();
    harness.frame();
    CHECK_FALSE(harness.shows("Đang đọc đoạn này"));
}

TEST_CASE("the page scrolls to the block being read when it moves on out of sight, and otherwise lets her "
          "scroll") {
    BuiltPack built(addTimedRecording);
    UiHarness harness(*built.reader, ImVec2(800, 480));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    harness.tap("Nghe đọc");
    const ui::Metrics& metrics = harness.metrics();
    const float visibleBottom = 480 - ui::narrationPlayerHeight(metrics);
    auto markShown = [&] {
        const ui::VisibleItem* mark = textItem(harness, "Đang đọc đoạn này");
        return mark && mark->minimum.y >= metrics.topBarHeight && mark->maximum.y <= visibleBottom;
    };
    audio.setPosition(1300); // the last block, far below the cover picture at 800x480
    harness.frame();
    harness.frame();
    CHECK(markShown());
    const ui::VisibleItem* last = textItem(harness, "Tại trạm y tế xã.");
    REQUIRE(last != nullptr);
    CHECK(last->minimum.y < 480 * 0.6f); // in the upper part of the screen

    // She scrolls back up to look at the picture: the page stays where she put it.
    harness.drag(ImVec2(400, 150), ImVec2(400, 450));
    for (int frame = 0; frame < 30; ++frame)
        harness.frame(16);
    CHECK_FALSE(markShown());
}
