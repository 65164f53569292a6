// Listening and reading are never cut off: narration that plays holds the visit, and before
// the idle timeout ends one, "are you still there?" shows with the time left; a touch keeps
// the visitor's page, language and place. USB notices never cover the attract loop. All on
// the harness's virtual clock.
#include "UiHarness.hpp"
#include "audio_test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

constexpr const char* kQuestion = "Bà con còn xem không?";

void addNarration(const builder::test::SourceTree& source) {
    source.writeBytes("vie/health.ogg", audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, 1500)));
}

void openHealthPage(UiHarness& harness) {
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
}

bool chimed(const FakeAudioOutput& audio) {
    return std::find(audio.played.begin(), audio.played.end(), ui::kKioskSoundClipId) != audio.played.end();
}

} // namespace

TEST_CASE("a 209-s narration plays to its end untouched, and the visit ends only after the warning") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    openHealthPage(harness);
    harness.tap("Nghe đọc");
    REQUIRE(audio.status().isPlaying());

    // The longest demo recording lasts 209 s, well past the 90-s idle timeout.
    int secondsWarned = 0;
    for (std::int64_t second = 1; second <= 209; ++second) {
        audio.setPosition(second * 1000);
        harness.frame(1000);
        secondsWarned += harness.shows(kQuestion) ? 1 : 0;
        REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
    }
    CHECK(secondsWarned == 0);
    CHECK(audio.status().isPlaying());
    CHECK_FALSE(chimed(audio));

    // It ends; from then on nobody is using the kiosk, and the usual timeout runs.
    audio.finish();
    for (int second = 1; second <= 74; ++second)
        harness.frame(1000);
    CHECK_FALSE(harness.shows(kQuestion));
    harness.frame(2000); // 76 s: within the last 15 s
    CHECK(harness.shows(kQuestion));
    CHECK(harness.shows("14"));
    CHECK(harness.drawnIcons().contains("touch"));
    CHECK(chimed(audio));
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    harness.frame(5000);
    CHECK(harness.shows("9"));
    harness.frame(9000); // 90 s
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
    CHECK_FALSE(harness.shows(kQuestion));
}

TEST_CASE("a touch on the warning keeps her page, language and place, and presses nothing beneath it") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    openHealthPage(harness);
    harness.tap("English");
    REQUIRE(harness.shows("Health insurance"));
    harness.drag(ImVec2(640, 600), ImVec2(640, 300));
    for (int second = 0; second < 10; ++second)
        harness.frame(1000); // the glide comes to rest
    const ui::VisibleItem* title = harness.visibleText("Health insurance");
    const float titleTop = title ? title->minimum.y : -1;

    for (int second = 0; second < 70; ++second)
        harness.frame(1000);
    REQUIRE(harness.shows("Are you still there?"));
    CHECK(harness.shows("Touch the screen to keep looking"));
    CHECK_FALSE(harness.hasTouchable("Back")); // covered

    // A tap exactly where Back is: it answers the question and goes no further.
    harness.tap(ImVec2(harness.metrics().padding + 20, harness.metrics().topBarHeight / 2));
    CHECK_FALSE(harness.shows("Are you still there?"));
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.ui().language() == "eng");
    const ui::VisibleItem* titleAfter = harness.visibleText("Health insurance");
    CHECK((titleAfter ? titleAfter->minimum.y : -1) == doctest::Approx(titleTop));

    // A full timeout again from that touch.
    for (int second = 0; second < 74; ++second)
        harness.frame(1000);
    CHECK_FALSE(harness.shows("Are you still there?"));
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    for (int second = 0; second < 17; ++second)
        harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
}

TEST_CASE("paused narration does not hold the visit, and the warning's chime never replaces it") {
    BuiltPack built(addNarration);
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    FakeAudioOutput audio;
    harness.ui().setAudioOutput(&audio);
    openHealthPage(harness);
    harness.tap("Nghe đọc");
    harness.tap("Tạm dừng");
    REQUIRE(audio.status().state == ui::PlaybackState::Paused);
    for (int second = 0; second < 76; ++second)
        harness.frame(1000);
    CHECK(harness.shows(kQuestion));
    CHECK(audio.status().state == ui::PlaybackState::Paused);
    CHECK_FALSE(chimed(audio));
    for (int second = 0; second < 15; ++second)
        harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
}

TEST_CASE(
    "with nobody there since start-up there is nobody to ask: the attract loop comes without a warning") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    int secondsWarned = 0;
    for (int second = 0; second < 91; ++second) {
        harness.frame(1000);
        secondsWarned += harness.shows(kQuestion) ? 1 : 0;
    }
    CHECK(secondsWarned == 0);
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
}

TEST_CASE("the warning fits every screen, large text included, with nothing cut off") {
    BuiltPack built;
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        harness.tap("Chữ to");
        for (int second = 0; second < 80; ++second)
            harness.frame(1000);
        const ui::VisibleItem* question = harness.visibleText(kQuestion);
        REQUIRE(question != nullptr);
        CHECK(question->minimum.x >= 0);
        CHECK(question->maximum.x <= screen.x);
        CHECK(question->minimum.y >= 0);
        CHECK(question->maximum.y <= screen.y);
        CHECK(harness.visibleText("Chạm vào màn hình để xem tiếp") != nullptr);
    }
}

TEST_CASE("a USB notice never covers the attract loop, and an install in progress ends the loop and holds "
          "the visit") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("Chính sách");
    harness.waitUntilIdle();
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Attract);

    ui::InstallNotice refused;
    refused.stage = ui::InstallNotice::Stage::Refused;
    refused.reasonMessage = "Gói nội dung chưa được ký xác nhận";
    refused.reasonCode = "signature-missing";
    harness.ui().setNotice(refused);
    harness.frame();
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
    CHECK_FALSE(harness.shows("signature-missing"));

    // Someone plugged a stick in: the loop gives way to the progress, which holds the kiosk
    // awake however long the copy takes.
    ui::InstallNotice copying;
    copying.stage = ui::InstallNotice::Stage::Copying;
    copying.progress = 0.4f;
    harness.ui().setNotice(copying);
    for (int second = 0; second < 120; ++second)
        harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    CHECK(harness.shows("40%"));
    CHECK_FALSE(harness.shows(kQuestion));
    harness.ui().setNotice(std::nullopt);
    harness.waitUntilIdle();
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
}
