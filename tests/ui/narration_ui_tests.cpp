// The speaker button: only where the visitor's language has a recording, play, pause and
// resume with a progress ring, silence on leaving; and spoken language names.
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

std::vector<std::uint8_t> toneRecording(std::int64_t milliseconds) {
    return audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, milliseconds));
}

// The health page read aloud in Vietnamese (not in English), and English's name spoken.
void addRecordings(const builder::test::SourceTree& source) {
    source.writeBytes("vie/health.ogg", toneRecording(1500));
    source.writeBytes("names/eng.ogg", toneRecording(400));
}

void openHealthPage(UiHarness& harness, const char* category = "Chính sách",
                    const char* page = "Bảo hiểm y tế") {
    harness.frame();
    harness.tap(category);
    harness.tap(page);
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
}

} // namespace

TEST_CASE(
    "the speaker button plays, pauses and resumes the page's narration, and leaving the page stops it") {
    BuiltPack built(addRecordings);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    openHealthPage(harness);

    const ui::VisibleItem* button = harness.ui().lastFrame().findTouchable("Nghe đọc");
    REQUIRE(button != nullptr);
    CHECK(button->maximum.x - button->minimum.x >= harness.metrics().touchTarget);
    CHECK(button->maximum.y - button->minimum.y >= harness.metrics().touchTarget);
    CHECK(harness.drawnIcons().contains("speaker"));
    CHECK_FALSE(harness.shows("Giọng máy đọc")); // a person's recording

    harness.tap("Nghe đọc");
    const std::int64_t narration = built.reader->index().narration("health", "vie")->audioId;
    REQUIRE(audio.played == std::vector<std::int64_t>{narration});
    CHECK(harness.hasTouchable("Tạm dừng"));
    CHECK(harness.drawnIcons().contains("pause"));

    harness.tap("Tạm dừng");
    CHECK(audio.pauses == 1);
    CHECK(harness.hasTouchable("Nghe tiếp"));
    harness.tap("Nghe tiếp");
    CHECK(audio.resumes == 1);
    CHECK(harness.hasTouchable("Tạm dừng"));

    harness.tap("Quay lại");
    CHECK(audio.status().state == ui::PlaybackState::Idle);
    harness.tap("Trang chủ");
    harness.tap("Cuộc họp");
    harness.tap("Họp dân tháng 6"); // no recording
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK_FALSE(harness.hasTouchable("Nghe đọc"));
}

TEST_CASE("the progress ring grows as the narration plays") {
    BuiltPack built(addRecordings);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    openHealthPage(harness);
    harness.tap("Nghe đọc");
    // The page's own button (the player at the bottom has one too, drawn later).
    const ui::VisibleItem* button = nullptr;
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
        if (!button && item.touchable && item.text == "Tạm dừng")
            button = &item;
    REQUIRE(button != nullptr);
    CHECK(button->maximum.y <=
          harness.ui().lastFrame().findTouchable("Tạm dừng")->minimum.y); // not the player
    const ImU32 ring = ui::standardPalette().accent;
    auto ringSize = [&] {
        harness.frame();
        const auto [low, high] = harness.boundsOfColour(ring, button->minimum, button->maximum);
        return std::max(0.0f, high.x - low.x) * std::max(0.0f, high.y - low.y);
    };
    audio.setPosition(150); // a tenth: a short arc at the top
    const float early = ringSize();
    audio.setPosition(900); // past half: the arc reaches round the bottom
    const float later = ringSize();
    CHECK(early > 0);
    CHECK(later > early * 2);
}

TEST_CASE("no speaker without a sound output, nor in a language the page is written in but not recorded in") {
    BuiltPack built(addRecordings);
    {
        UiHarness harness(*built.reader, ImVec2(1280, 800));
        openHealthPage(harness);
        CHECK_FALSE(harness.hasTouchable("Nghe đọc"));
    }
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    harness.tap("English");
    openHealthPage(harness, "Policies", "Health insurance");
    CHECK_FALSE(harness.hasTouchable("Listen"));
}

TEST_CASE("a language pill says the language's name, and a new language and the idle timeout silence the "
          "narration") {
    BuiltPack built(addRecordings);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    openHealthPage(harness);
    harness.tap("Nghe đọc");
    REQUIRE(audio.status().isPlaying());

    harness.tap("English");
    const pack::AudioClipInfo* englishName = built.reader->index().spokenName("eng");
    REQUIRE(englishName != nullptr);
    REQUIRE(audio.played.size() == 2);
    CHECK(audio.played.back() == englishName->audioId); // the narration stopped, the name plays
    CHECK(audio.stops >= 1);

    // Vietnamese has no recorded name here: the pill switches without a sound.
    harness.tap("Tiếng Việt");
    CHECK(audio.played.size() == 2);
    CHECK(audio.status().state == ui::PlaybackState::Idle);

    // Paused, the narration no longer holds the visit: the idle timeout ends it and unloads it.
    harness.tap("Nghe đọc");
    REQUIRE(audio.status().isPlaying());
    harness.tap("Tạm dừng");
    harness.waitUntilIdle();
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
    CHECK(audio.status().state == ui::PlaybackState::Idle);
}

TEST_CASE("a computer voice is marked as one (the demo pack's narrations are synthetic)") {
    const pack::PackReader demo = pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
    UiHarness harness(demo, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    harness.tap("Chương trình");
    harness.tap("Dự án P4EM");
    CHECK(harness.hasTouchable("Nghe đọc"));
    CHECK(harness.shows("Giọng máy đọc"));
    // The category's tiles show which pages can be heard.
    harness.tap("Quay lại");
    CHECK(harness.drawnIcons().contains("speaker"));
}

TEST_CASE("while narration is loaded a player stays on screen at every scroll position and over the picture "
          "viewer, and pauses, resumes and stops it") {
    BuiltPack built(addRecordings);
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1280, 800)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        FakeAudioOutput audio;
        harness.ui().setAudioOutput(&audio);
        openHealthPage(harness);
        CHECK_FALSE(harness.hasTouchable("Thôi nghe")); // nothing loaded: no player
        harness.tap("Nghe đọc");
        REQUIRE(audio.status().isPlaying());

        auto playerOnScreen = [&] {
            const ui::VisibleItem* stop = harness.ui().lastFrame().findTouchable("Thôi nghe");
            return stop != nullptr && stop->maximum.y <= screen.y && stop->minimum.y >= screen.y / 2 &&
                   stop->maximum.y - stop->minimum.y >= harness.metrics().touchTarget - 1;
        };
        CHECK(playerOnScreen());
        // Scrolled to the very end, the player is still there and the page's narration
        // button has long gone by.
        for (int drag = 0; drag < 8; ++drag)
            harness.drag(ImVec2(screen.x / 2, screen.y * 0.8f), ImVec2(screen.x / 2, screen.y * 0.25f));
        for (int second = 0; second < 5; ++second)
            harness.frame(1000);
        CHECK(playerOnScreen());
        CHECK(harness.hasTouchable("Tạm dừng"));

        // Over the picture viewer too, where its buttons work the same.
        harness.tap("Thẻ bảo hiểm");
        REQUIRE(harness.drawnPictureAreas().size() >= 1);
        CHECK_FALSE(harness.hasTouchable("Quay lại")); // the viewer covers the page
        CHECK(playerOnScreen());
        harness.tap("Tạm dừng");
        CHECK(audio.pauses == 1);
        CHECK(harness.hasTouchable("Nghe tiếp"));
        CHECK(playerOnScreen());
        harness.tap("Nghe tiếp");
        CHECK(audio.resumes == 1);
        harness.tap("Thôi nghe");
        CHECK(audio.status().state == ui::PlaybackState::Idle);
        CHECK_FALSE(harness.hasTouchable("Thôi nghe"));
        CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    }
}
