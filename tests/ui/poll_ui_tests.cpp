// The poll at the end of a page: three big faces, one answer per page and session, counted
// through the UsageObserver; a thank-you once answered.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

// Health asks the kiosk's own question; the meeting asks its own.
void addPolls(const builder::test::SourceTree& source) {
    source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: yes\n");
    source.replaceIn("vie/meeting.txt", "kind: meeting\n",
                     "kind: meeting\npoll: yes\npoll.question: Bà con có đến họp không?\n");
}

// Tall enough that a whole page, poll included, shows without scrolling; the sizes are
// those of a 1280x800 screen.
const ImVec2 kTallScreen(1280, 3200);

void openPage(UiHarness& harness, const char* category, const char* page) {
    if (harness.hasTouchable("Trang chủ"))
        harness.tap("Trang chủ");
    harness.tap(category);
    harness.tap(page);
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Page);
}

} // namespace

TEST_CASE("a poll shows three thumb-sized faces, takes one answer per page and session, and counts it once") {
    BuiltPack built(addPolls);
    UiHarness harness(*built.reader, kTallScreen);
    CountingObserver observer;
    harness.ui().setUsageObserver(&observer);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");

    CHECK(harness.shows("Có ích không?"));
    for (const char* word : {"Không", "Một chút", "Có"}) {
        CAPTURE(word);
        const ui::VisibleItem* face = harness.ui().lastFrame().findTouchable(word);
        REQUIRE(face != nullptr);
        CHECK(face->maximum.x - face->minimum.x >= harness.metrics().touchTarget);
        CHECK(face->maximum.y - face->minimum.y >= harness.metrics().touchTarget);
    }
    const std::set<std::string> icons = harness.drawnIcons();
    for (const char* icon : {"face-unhappy", "face-neutral", "face-happy"})
        CHECK(icons.contains(icon));

    const ImVec2 happyFace = harness.ui().lastFrame().findTouchable("Có")->centre();
    harness.tap(happyFace);
    REQUIRE(observer.polls.size() == 1);
    CHECK(observer.polls[0].pageId == "health");
    CHECK(observer.polls[0].language == "vie");
    CHECK(observer.polls[0].answer == pack::PollAnswer::Happy);
    CHECK(harness.shows("Cảm ơn bà con!"));
    CHECK_FALSE(harness.hasTouchable("Một chút"));
    CHECK_FALSE(harness.drawnIcons().contains("face-unhappy"));

    // Tapping where the faces were, coming back, or reading it in English counts nothing more.
    harness.tap(happyFace);
    openPage(harness, "Chính sách", "Bảo hiểm y tế");
    CHECK(harness.shows("Cảm ơn bà con!"));
    CHECK_FALSE(harness.hasTouchable("Không"));
    harness.tap("English");
    CHECK(harness.shows("Thank you!"));
    CHECK(observer.polls.size() == 1);

    // A new session (after the idle timeout) may answer again.
    harness.waitUntilIdle();
    harness.tap(ImVec2(640, 400)); // wakes the kiosk
    harness.frame();
    openPage(harness, "Chính sách", "Bảo hiểm y tế");
    CHECK(harness.hasTouchable("Một chút"));
    harness.tap("Không");
    REQUIRE(observer.polls.size() == 2);
    CHECK(observer.polls[1].answer == pack::PollAnswer::Unhappy);
}

TEST_CASE("a pack's own poll question replaces the kiosk's, and a page without a poll has no faces") {
    BuiltPack built(addPolls);
    UiHarness harness(*built.reader, kTallScreen);
    harness.frame();
    harness.tap("Cuộc họp");
    harness.tap("Họp dân tháng 6");
    CHECK(harness.shows("Bà con có đến họp không?"));
    CHECK_FALSE(harness.shows("Có ích không?"));
    CHECK(harness.hasTouchable("Một chút"));
    openPage(harness, "Chương trình", "Chương trình 135");
    CHECK_FALSE(harness.shows("Có ích không?"));
    CHECK_FALSE(harness.hasTouchable("Một chút"));
    CHECK_FALSE(harness.drawnIcons().contains("face-happy"));
}

TEST_CASE("the thanks shows the face she chose, so \"no\" is not answered with a smile") {
    BuiltPack built(addPolls);
    const std::pair<const char*, const char*> answers[] = {
        {"Không", "face-unhappy"}, {"Một chút", "face-neutral"}, {"Có", "face-happy"}};
    for (const auto& [word, icon] : answers) {
        CAPTURE(word);
        UiHarness harness(*built.reader, kTallScreen);
        harness.frame();
        openPage(harness, "Chính sách", "Bảo hiểm y tế");
        harness.tap(word);
        REQUIRE(harness.shows("Cảm ơn bà con!"));
        const std::set<std::string> drawn = harness.drawnIcons();
        for (const char* face : {"face-unhappy", "face-neutral", "face-happy"})
            CHECK(drawn.contains(face) == (std::string(face) == icon));
    }
}
