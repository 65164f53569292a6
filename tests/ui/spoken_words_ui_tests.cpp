// Use without reading: the kiosk's controls say what they are. Back, Home, Close, the mode
// switches, the poll's question and faces, the waking touch and the idle warning play their
// word; none of them ever cuts off the page's narration. A tile's speaker badge opens the
// page and starts reading it aloud.
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

// Hands out a recording for every key, named after it, and remembers what was asked.
class RecordingSpokenWords final : public ui::SpokenWords {
  public:
    std::optional<pack::EncodedAudio> recording(const std::string& key,
                                                const std::string& language) override {
        asked.push_back(key + "." + language);
        pack::EncodedAudio audio;
        audio.name = "speech/" + key + "." + language + ".ogg";
        audio.durationMilliseconds = 800;
        return audio;
    }
    std::vector<std::string> asked;
};

// A fake output that also keeps the name of every encoded clip played.
struct Listener {
    FakeAudioOutput audio;
    RecordingSpokenWords words;
};

void addNarration(const builder::test::SourceTree& source) {
    source.writeBytes("vie/health.ogg", audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, 1500)));
    source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: yes\n");
}

bool lastAsked(const RecordingSpokenWords& words, const std::string& name) {
    return !words.asked.empty() && words.asked.back() == name;
}

} // namespace

TEST_CASE("Back, Home, the mode switches and the waking touch say their word in the visitor's language") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.ui().setSpokenWords(&listener.words);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Home); // it still goes back, at the first tap
    CHECK(lastAsked(listener.words, "back.vie"));
    CHECK(listener.audio.played.back() == ui::kKioskSoundClipId);

    harness.tap("Chữ to");
    CHECK(harness.ui().modes().largeText);
    CHECK(lastAsked(listener.words, "large_text.vie"));
    harness.tap("Tương phản cao");
    CHECK(lastAsked(listener.words, "high_contrast.vie"));

    harness.tap("English");
    harness.tap("Policies");
    harness.tap("Home");
    CHECK(lastAsked(listener.words, "home.eng"));

    harness.waitUntilIdle();
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Attract);
    harness.tap(ImVec2(640, 400));
    CHECK(lastAsked(listener.words, "welcome.vie")); // the visit starts afresh, in Vietnamese
}

TEST_CASE("no word ever cuts off the narration, playing or paused") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.ui().setSpokenWords(&listener.words);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    harness.tap("Nghe đọc");
    const std::int64_t narration = built.reader->index().narration("health", "vie")->audioId;
    REQUIRE(listener.audio.status().clipId == narration);
    harness.tap("Chữ to");
    CHECK(harness.ui().modes().largeText);
    CHECK(listener.audio.status().clipId == narration);
    harness.tap("Tạm dừng");
    harness.tap("Tương phản cao");
    CHECK(listener.audio.status().clipId == narration);
    CHECK(listener.audio.status().state == ui::PlaybackState::Paused);
    // Leaving the page ends the narration anyway: then Back speaks.
    harness.tap("Quay lại");
    CHECK(listener.audio.played.back() == ui::kKioskSoundClipId);
}

TEST_CASE("the poll's question says itself, and a face says its word as it answers") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 3200)); // the whole page, poll included
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.ui().setSpokenWords(&listener.words);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    harness.tap("Có ích không?");
    CHECK(lastAsked(listener.words, "poll_question.vie"));
    CHECK(harness.hasTouchable("Một chút")); // hearing the question answers nothing
    harness.tap("Không");
    CHECK(lastAsked(listener.words, "poll_answer_unhappy.vie"));
    CHECK(harness.shows("Cảm ơn bà con!"));
}

TEST_CASE("the idle warning asks aloud, and chimes where it has no recording") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.ui().setSpokenWords(&listener.words);
    harness.frame();
    harness.tap("Chính sách");
    for (int second = 0; second < 76; ++second)
        harness.frame(1000);
    REQUIRE(harness.ui().isIdleWarningShown());
    CHECK(lastAsked(listener.words, "idle_question.vie"));
}

TEST_CASE("a tile's speaker badge is a thumb-sized button that opens the page reading aloud, and the rest of "
          "the tile "
          "opens it silently") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.frame();
    harness.tap("Chính sách");
    const ui::VisibleItem* badge =
        harness.ui().lastFrame().findTouchable("Nghe đọc"); // the one page here with a recording
    REQUIRE(badge != nullptr);
    CHECK(badge->maximum.x - badge->minimum.x >= harness.metrics().touchTarget - 1);
    CHECK(badge->maximum.y - badge->minimum.y >= harness.metrics().touchTarget - 1);
    harness.tap(badge->centre());
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
    const std::int64_t narration = built.reader->index().narration("health", "vie")->audioId;
    CHECK(listener.audio.status().clipId == narration);
    CHECK(listener.audio.status().isPlaying());

    harness.tap("Quay lại");
    const ui::VisibleItem* tile = nullptr;
    for (const ui::VisibleItem& item : harness.ui().lastFrame().items())
        if (item.touchable && item.text == "Bảo hiểm y tế")
            tile = &item;
    REQUIRE(tile != nullptr);
    const std::size_t playedBefore = listener.audio.played.size();
    harness.tap(ImVec2(tile->minimum.x + 30, tile->maximum.y - 30));
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(listener.audio.played.size() == playedBefore);
}

TEST_CASE(
    "a page missing in the chosen language says so aloud, in that language, and a translated one does not") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    Listener listener;
    harness.ui().setAudioOutput(&listener.audio);
    harness.ui().setSpokenWords(&listener.words);
    harness.frame();
    harness.tap("English");
    harness.tap("Programmes");
    harness.tap("Chương trình 135"); // no English version
    CHECK(lastAsked(listener.words, "page_not_translated.eng"));
    harness.tap("Back");
    harness.tap("Home");
    harness.tap("Policies");
    harness.tap("Health insurance");
    CHECK(std::count(listener.words.asked.begin(), listener.words.asked.end(), "page_not_translated.eng") ==
          1);
}
