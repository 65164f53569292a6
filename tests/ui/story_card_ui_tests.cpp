// Story cards as a visitor meets them: swiping and the arrows, the dots, the end card with the
// poll and home, "read more"; each card's recording once she listens; the statistics' card
// events; and, on the draw data, card text that stays inside its card at every screen size.
#include "UiHarness.hpp"
#include "audio_test_support.hpp"
#include "pack/StoryCardText.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

const char* const kCardTexts[] = {"Người dân tộc thiểu số được cấp thẻ bảo hiểm y tế.",
                                  "Trẻ em dưới 6 tuổi cũng được cấp thẻ.",
                                  "Bà con đăng ký tại trạm y tế xã."};

void addStoryWithPoll(const builder::test::SourceTree& source) {
    builder::test::addStoryCards(source);
    source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: yes\n");
}

// Cards 1 and 2 recorded in Vietnamese; card 3 has no recording.
void addStoryWithRecordings(const builder::test::SourceTree& source) {
    addStoryWithPoll(source);
    source.writeBytes("vie/health.card-1.ogg",
                      audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 1200)));
    source.writeBytes("vie/health.card-2.ogg",
                      audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 1800)));
}

void openStory(UiHarness& harness) {
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
}

// Which card shows, by its text; -1 for none.
int cardShown(const UiHarness& harness) {
    for (int card = 0; card < 3; ++card)
        if (harness.shows(kCardTexts[card]))
            return card;
    return -1;
}

// The dots under the cards that are filled (in the brand colour), as drawn: each dot is four
// quarter-disc quads of that colour that touch, so the separate runs of them along the row count.
int filledDots(const UiHarness& harness) {
    const ui::Metrics& metrics = harness.metrics();
    const ImU32 filled = ui::standardPalette().emphasis;
    const float rowTop = metrics.screen.y - metrics.padding - metrics.touchTarget;
    const float rowBottom = rowTop + metrics.touchTarget;
    // The dots sit between the arrows and "read more": inside the middle of the row.
    const float left = metrics.padding + metrics.touchTarget * 1.4f;
    const float right = metrics.screen.x * 0.62f;
    std::vector<std::pair<float, float>> spans;
    for (const auto& [minimum, maximum] : harness.discMaskQuads(filled)) {
        const float low = std::min(minimum.x, maximum.x), high = std::max(minimum.x, maximum.x);
        if (std::min(minimum.y, maximum.y) >= rowTop && std::max(minimum.y, maximum.y) <= rowBottom &&
            low >= left && high <= right)
            spans.emplace_back(low, high);
    }
    std::sort(spans.begin(), spans.end());
    int dots = 0;
    float end = -1;
    for (const auto& [from, to] : spans) {
        if (dots == 0 || from > end + 1)
            ++dots;
        end = std::max(end, to);
    }
    return dots;
}

} // namespace

TEST_CASE("story cards: she swipes and taps through a page card by card at 800x480 and 1280x800, the dots "
          "follow, and the end card offers the poll and home") {
    BuiltPack built(addStoryWithPoll);
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1280, 800)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        CountingObserver observer;
        harness.ui().setUsageObserver(&observer);
        openStory(harness);

        // The page opens on its first card, not on the article.
        CHECK(cardShown(harness) == 0);
        CHECK_FALSE(harness.shows("Ai được cấp thẻ?"));
        CHECK(harness.hasTouchable("Đọc thêm"));
        CHECK(harness.hasTouchable("Tiếp"));
        CHECK_FALSE(harness.hasTouchable("Trước"));
        const ui::VisibleItem* next = harness.ui().lastFrame().findTouchable("Tiếp");
        REQUIRE(next != nullptr);
        CHECK(next->maximum.x - next->minimum.x >= harness.metrics().touchTarget);
        CHECK(filledDots(harness) == 1);

        // A swipe to the left brings the next card; one to the right the one before.
        const float y = screen.y * 0.5f;
        harness.dragWithoutFling(ImVec2(screen.x * 0.8f, y), ImVec2(screen.x * 0.3f, y));
        CHECK(cardShown(harness) == 1);
        CHECK(filledDots(harness) == 2);
        harness.dragWithoutFling(ImVec2(screen.x * 0.3f, y), ImVec2(screen.x * 0.8f, y));
        CHECK(cardShown(harness) == 0);
        // A short slide is not a swipe.
        harness.dragWithoutFling(ImVec2(screen.x * 0.5f, y), ImVec2(screen.x * 0.47f, y));
        CHECK(cardShown(harness) == 0);

        harness.tap("Tiếp");
        harness.tap("Tiếp");
        CHECK(cardShown(harness) == 2);
        CHECK(filledDots(harness) == 3);
        harness.tap("Tiếp");
        CHECK(harness.shows("Bà con đã xem hết câu chuyện."));
        CHECK(harness.hasTouchable("Có")); // the poll's happy face
        CHECK(harness.hasTouchable("Không"));
        CHECK_FALSE(harness.hasTouchable("Tiếp"));
        harness.tap("Có");
        REQUIRE(observer.polls.size() == 1);

        // Cards shown, in order, then how far she got when she went home.
        std::vector<int> shown;
        for (const CardCount& card : observer.cardsShown) {
            CHECK(card.pageId == "health");
            CHECK(card.cardCount == 3);
            shown.push_back(card.card);
        }
        CHECK(shown == std::vector<int>{0, 1, 0, 1, 2});
        const ui::VisibleItem* home = harness.ui().lastFrame().findTouchable("Trang chủ");
        REQUIRE(home != nullptr);
        harness.tap(home->centre());
        CHECK(harness.ui().screen() == ui::ScreenKind::Home);
        REQUIRE(observer.storiesLeft.size() == 1);
        CHECK(observer.storiesLeft[0].card == 2);
    }
}

TEST_CASE("story cards: read more shows the whole article, and back returns to the card she left") {
    BuiltPack built(addStoryWithPoll);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    openStory(harness);
    harness.tap("Tiếp");
    REQUIRE(cardShown(harness) == 1);
    harness.tap("Đọc thêm");
    CHECK(harness.shows("Ai được cấp thẻ?"));
    CHECK(cardShown(harness) == -1);
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(cardShown(harness) == 1);
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    // The next visit starts at the first card again.
    harness.tap("Bảo hiểm y tế");
    CHECK(cardShown(harness) == 0);
}

TEST_CASE("story cards: the English visitor reads the English cards, and keeps her card when she changes "
          "language") {
    BuiltPack built(addStoryWithPoll);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    openStory(harness);
    harness.tap("Tiếp");
    harness.tap("English");
    CHECK(harness.shows("Children under 6 get a card too."));
    CHECK(harness.hasTouchable("Read more"));
}

TEST_CASE("story cards: once she listens, each card plays its own recording as it appears, a card without "
          "one is quiet, and read more stops it") {
    BuiltPack built(addStoryWithRecordings);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    const pack::PackIndex& index = built.reader->index();
    const std::int64_t first = index.cardNarrationFor("health", 0, "vie")->audioId;
    const std::int64_t second = index.cardNarrationFor("health", 1, "vie")->audioId;
    openStory(harness);

    // Before she asks, turning a card plays nothing.
    harness.tap("Tiếp");
    CHECK(audio.played.empty());
    harness.tap("Trước");
    CHECK(audio.played.empty());

    harness.tap("Nghe đọc");
    CHECK(audio.played == std::vector<std::int64_t>{first});
    harness.tap("Tiếp");
    CHECK(audio.played == std::vector<std::int64_t>{first, second});
    CHECK(cardShown(harness) == 1);
    // The third card has no recording: the second card's voice must not go on over it.
    harness.tap("Tiếp");
    CHECK(audio.status().state == ui::PlaybackState::Idle);
    CHECK_FALSE(harness.hasTouchable("Nghe đọc"));
    harness.tap("Trước");
    CHECK(audio.played.back() == second);
    // A card's recording counts as listening, which the idle timeout waits for.
    CHECK(harness.ui().isNarrating());

    harness.tap("Đọc thêm");
    CHECK(audio.status().state == ui::PlaybackState::Idle);
    harness.tap("Quay lại");
    const std::size_t playedBefore = audio.played.size();
    harness.tap("Tiếp");
    CHECK(audio.played.size() == playedBefore); // read more ended the listening
}

TEST_CASE("story cards: no card text leaves its card, at four screen sizes, in standard and large text") {
    BuiltPack built(addStoryWithRecordings);
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080)})
        for (const bool largeText : {false, true}) {
            CAPTURE(screen.x);
            CAPTURE(largeText);
            UiHarness harness(*built.reader, screen);
            FakeAudioOutput audio;
            harness.ui().setAudioOutput(&audio);
            openStory(harness);
            if (largeText)
                harness.tap("Chữ to");
            REQUIRE(harness.ui().modes().largeText == largeText);
            const ui::Metrics& metrics = harness.metrics();
            for (int card = 0; card < 3; ++card) {
                CAPTURE(card);
                REQUIRE(cardShown(harness) == card);
                const ui::VisibleItem* text = harness.visibleText(kCardTexts[card]);
                REQUIRE(text != nullptr);
                // The text column: right of the picture, above the row of arrows and dots.
                const float controlsTop = screen.y - metrics.padding - metrics.touchTarget;
                int glyphsInColumn = 0;
                for (const auto& [minimum, maximum] : harness.glyphBoxes()) {
                    const bool belowTopBar = minimum.y > metrics.topBarHeight * 1.2f;
                    if (!belowTopBar || minimum.y >= controlsTop)
                        continue; // the top bar's and the controls' own words
                    CHECK(maximum.y <= controlsTop);
                    CHECK(maximum.x <= screen.x);
                    CHECK(minimum.x >= text->minimum.x - 1);
                    ++glyphsInColumn;
                }
                // At 800x480 the builder's measure (pack/StoryCardText.hpp) must hold: the
                // column is at least as wide as the builder assumed.
                if (screen.x == 800 && !largeText) {
                    CHECK(metrics.headingFontSize == doctest::Approx(pack::kCardTextPixelHeight));
                    CHECK(metrics.screen.x - metrics.padding - text->minimum.x >= pack::kCardTextWidth);
                }
                CHECK(glyphsInColumn > 20);
                harness.tap("Tiếp");
            }
        }
}
