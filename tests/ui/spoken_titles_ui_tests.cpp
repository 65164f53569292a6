// Tiles that say their titles, and language pills with pictures (pack format version 3): a
// visitor who cannot read hears what each tile is before choosing, and finds her language by
// sight. Without titles in the pack a page tile's speaker keeps opening the page reading aloud
// (spoken_words_ui_tests.cpp).
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

void addSpokenTitles(const builder::test::SourceTree& source) {
    const auto tone = [](int milliseconds) {
        return audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, milliseconds));
    };
    source.writeBytes("vie/health.ogg", tone(1500));
    source.writeBytes("vie/health.title.ogg", tone(600));
    source.writeBytes("vie/policies.title.ogg", tone(700));
    source.writeBytes("eng/policies.title.ogg", tone(800));
}

void addLanguagePicture(const builder::test::SourceTree& source) {
    source.replaceIn("pack.txt", "name.eng: English\n", "name.eng: English\npicture.vie: unused.png\n");
}

const ui::VisibleItem* touchableWithin(UiHarness& harness, const std::string& label,
                                       const ui::VisibleItem& area) {
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
        if (item.touchable && item.text == label && item.minimum.x >= area.minimum.x &&
            item.maximum.x <= area.maximum.x && item.minimum.y >= area.minimum.y &&
            item.maximum.y <= area.maximum.y)
            return &item;
    return nullptr;
}

const ui::VisibleItem* tileNamed(UiHarness& harness, const std::string& title) {
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
        if (item.touchable && item.text == title)
            return &item;
    return nullptr;
}

} // namespace

TEST_CASE("a page tile's speaker says the page's title and stays, and the rest of the tile opens the page") {
    BuiltPack built(addSpokenTitles);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    harness.tap("Chính sách");
    const ui::VisibleItem* tile = tileNamed(harness, "Bảo hiểm y tế");
    REQUIRE(tile != nullptr);
    const ui::VisibleItem* speaker = touchableWithin(harness, "Nghe tên", *tile);
    REQUIRE(speaker != nullptr);
    CHECK(speaker->maximum.x - speaker->minimum.x >= harness.metrics().touchTarget - 1);
    CHECK(speaker->maximum.y - speaker->minimum.y >= harness.metrics().touchTarget - 1);
    const ImVec2 openAt(tile->minimum.x + 30, tile->maximum.y - 30);

    harness.tap(speaker->centre());
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    const std::int64_t title = built.reader->index().pageTitleRecordingFor("health", "vie")->audioId;
    CHECK(audio.status().clipId == title);
    CHECK(audio.status().isPlaying());

    const std::size_t playedBefore = audio.played.size();
    harness.tap(openAt);
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(audio.played.size() == playedBefore); // the page opens silently
    // The page's own narration is still there, behind its own button.
    CHECK(harness.hasTouchable("Nghe đọc"));
}

TEST_CASE("a category tile's speaker says its title in the visitor's language, and the tile still opens") {
    BuiltPack built(addSpokenTitles);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    harness.frame();
    const ui::VisibleItem* tile = tileNamed(harness, "Chính sách");
    REQUIRE(tile != nullptr);
    const ui::VisibleItem* speaker = touchableWithin(harness, "Nghe tên", *tile);
    REQUIRE(speaker != nullptr);
    CHECK(speaker->maximum.x - speaker->minimum.x >= harness.metrics().touchTarget - 1);
    // Only the categories with a recording have a speaker.
    const ui::VisibleItem* programmes = tileNamed(harness, "Chương trình");
    REQUIRE(programmes != nullptr);
    CHECK(touchableWithin(harness, "Nghe tên", *programmes) == nullptr);

    harness.tap(speaker->centre());
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    const pack::PackIndex& index = built.reader->index();
    CHECK(audio.status().clipId == index.categoryTitleRecordingFor("policies", "vie")->audioId);

    harness.tap("English");
    const ui::VisibleItem* englishTile = tileNamed(harness, "Policies");
    REQUIRE(englishTile != nullptr);
    const ui::VisibleItem* englishSpeaker = touchableWithin(harness, "Hear the name", *englishTile);
    REQUIRE(englishSpeaker != nullptr);
    harness.tap(englishSpeaker->centre());
    CHECK(audio.status().clipId == index.categoryTitleRecordingFor("policies", "eng")->audioId);

    harness.tap("Policies");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
}

TEST_CASE("a language pill shows the pack's picture for its language, big and round, in place of the sign") {
    {
        BuiltPack plain; // one harness at a time: each owns the ImGui context
        UiHarness plainHarness(*plain.reader, ImVec2(1280, 800));
        plainHarness.frame();
        CHECK(plainHarness.drawnIcons().contains("language"));
    }

    BuiltPack built(addLanguagePicture);
    const pack::Language* vietnamese = built.reader->index().findLanguage("vie");
    REQUIRE(vietnamese != nullptr);
    REQUIRE(vietnamese->pictureImageId);
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        const std::map<std::int64_t, float> areas = harness.drawnPictureAreas();
        const auto picture = areas.find(*vietnamese->pictureImageId);
        REQUIRE(picture != areas.end());
        // Larger than an icon: at least 1.2 icons a side.
        const float icon = harness.metrics().iconSize;
        CHECK(picture->second >= 1.44f * icon * icon);
        // The picture replaces the generic sign that marks the picker.
        CHECK_FALSE(harness.drawnIcons().contains("language"));
        // Rounded: drawn with the disc mask's quarters, four of them at least.
        CHECK(harness.discMaskQuads().size() >= 4);
        // And the pill still works.
        harness.tap("English");
        CHECK(harness.ui().language() == "eng");
    }
}
