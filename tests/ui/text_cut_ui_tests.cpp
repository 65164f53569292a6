// No visible text is cut off without an ellipsis: every screen a villager reaches on the demo
// pack (home, each category, each page scrolled from top to bottom), at the four supported
// screen sizes, in Vietnamese and in English, with normal and with large text. A clamped
// caption or title ends in "…"; what a test here catches is text a clip rectangle cuts
// sideways, mid-glyph, which a reader cannot tell from the end of the text.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui;
using namespace kiosk::ui::test;

namespace {

class CutTextSurvey {
  public:
    CutTextSurvey(UiHarness& harness, const pack::PackIndex& index) : harness_(harness), index_(index) {}

    void check(const std::string& where) {
        ++screensChecked_;
        for (const std::string& cut : harness_.textCutSideways())
            problems_.push_back(where + ": " + cut);
    }

    // From the top to the end of the content, half a screen at a time; stops
    // when a drag no longer moves anything.
    void checkScrolledThrough(const std::string& where) {
        const ImVec2 screen = harness_.metrics().screen;
        std::string before;
        for (int step = 0; step < 60; ++step) {
            check(where + ", " + std::to_string(step) + " half screens down");
            harness_.dragWithoutFling(ImVec2(screen.x * 0.5f, screen.y * 0.85f),
                                      ImVec2(screen.x * 0.5f, screen.y * 0.35f));
            for (int frame = 0; frame < 10; ++frame)
                harness_.frame();
            const std::string now = layoutSignature();
            if (now == before)
                return;
            before = now;
        }
        problems_.push_back(where + ": still scrolling after 60 drags");
    }

    void surveyPack() {
        const std::string language = harness_.ui().language();
        const std::string defaultLanguage = index_.languages.front().code;
        check("home");
        for (const pack::Category& category : index_.categories) {
            const std::string title = category.title.in(language, defaultLanguage);
            openCategory(title);
            checkScrolledThrough("category " + category.id);
            for (const pack::PageSummary* page : index_.pagesIn(category.id)) {
                openCategory(title);
                const std::string pageTitle = page->title.in(language, defaultLanguage);
                for (int drag = 0; drag < 20 && !harness_.hasTouchable(pageTitle); ++drag) {
                    const ImVec2 screen = harness_.metrics().screen;
                    harness_.drag(ImVec2(screen.x * 0.5f, screen.y * 0.8f),
                                  ImVec2(screen.x * 0.5f, screen.y * 0.5f));
                    for (int frame = 0; frame < 40; ++frame)
                        harness_.frame();
                }
                harness_.tap(pageTitle);
                for (int frame = 0; frame < 10; ++frame)
                    harness_.frame();
                checkScrolledThrough("page " + page->id);
            }
        }
        goHome();
    }

    int screensChecked() const { return screensChecked_; }
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    // What is on screen and where: the same after a drag means the content is at its end.
    std::string layoutSignature() const {
        std::string signature;
        for (const VisibleItem& item : harness_.ui().lastFrame().items())
            signature += item.text + "@" + std::to_string(static_cast<int>(item.minimum.y)) + "\n";
        return signature;
    }
    void goHome() {
        if (harness_.ui().screen() != ScreenKind::Home)
            harness_.tap(harness_.ui().language() == "vie" ? "Trang chủ" : "Home");
        for (int frame = 0; frame < 10; ++frame)
            harness_.frame();
    }
    void openCategory(const std::string& title) {
        goHome();
        harness_.tap(title);
        for (int frame = 0; frame < 10; ++frame)
            harness_.frame();
    }

    UiHarness& harness_;
    const pack::PackIndex& index_;
    int screensChecked_ = 0;
    std::vector<std::string> problems_;
};

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines)
        text += line + "\n";
    return text;
}

} // namespace

TEST_CASE("text: nothing a villager sees on the demo pack is cut off without an ellipsis") {
    const pack::PackReader demo = pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        for (const bool english : {false, true}) {
            for (const bool largeText : {false, true}) {
                CAPTURE(screen.x);
                CAPTURE(english);
                CAPTURE(largeText);
                UiHarness harness(demo, screen);
                harness.frame();
                if (english)
                    harness.tap("English");
                if (largeText)
                    harness.tap(english ? "Large text" : "Chữ to");
                REQUIRE(harness.ui().modes().largeText == largeText);
                REQUIRE(harness.ui().language() == (english ? "eng" : "vie"));
                CutTextSurvey survey(harness, demo.index());
                survey.surveyPack();
                INFO(joined(survey.problems()));
                CHECK(survey.problems().empty());
                // The survey saw every page, scrolled: well over one screen for each.
                CHECK(survey.screensChecked() > static_cast<int>(demo.index().pages.size()) * 2);
            }
        }
    }
}

TEST_CASE("text: a text its clip rectangle cuts sideways is found, one that fits is not") {
    const pack::PackReader demo = pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER);
    UiHarness harness(demo, ImVec2(800, 480));
    harness.frame();
    const auto drawClipped = [&](float clipRight) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 480));
        ImGui::Begin("clipped", nullptr, ImGuiWindowFlags_NoDecoration);
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        drawList->PushClipRect(ImVec2(100, 100), ImVec2(clipRight, 200));
        drawList->AddText(harness.fonts().body, harness.fonts().body->FontSize, ImVec2(110, 120),
                          IM_COL32_WHITE, "Chương trình giảm nghèo");
        drawList->PopClipRect();
        ImGui::End();
        ImGui::Render();
    };
    drawClipped(780);
    CHECK(harness.textCutSideways().empty());
    // Ends inside the "ơ" of "Chương", whatever the font size.
    drawClipped(110 +
                harness.fonts().body->CalcTextSizeA(harness.fonts().body->FontSize, FLT_MAX, 0, "Chươ").x -
                harness.fonts().body->FontSize * 0.2f);
    CHECK(harness.textCutSideways().size() == 1);
}

TEST_CASE("text: a title cut short shows as far as it is readable, and expect finds no more of it") {
    const std::string longTitle = "Chính sách hỗ trợ đồng bào dân tộc thiểu số vùng khó khăn";
    const BuiltPack pack([&](builder::test::SourceTree& source) {
        source.replaceIn("categories.txt", "title.vie: Chính sách", "title.vie: " + longTitle);
    });
    UiHarness harness(*pack.reader, ImVec2(800, 480));
    harness.frame();
    harness.tap(longTitle); // a touch target keeps its whole label
    for (int frame = 0; frame < 10; ++frame)
        harness.frame();
    REQUIRE(harness.ui().screen() == ScreenKind::Category);
    // The top bar has room for only part of it: what the script's `expect` reads is that part.
    const VisibleItem* title = nullptr;
    for (const VisibleItem& item : harness.ui().lastFrame().items())
        if (item.text == longTitle && !item.touchable)
            title = &item;
    REQUIRE(title != nullptr);
    INFO(harness.ui().lastFrame().describe());
    CHECK(title->shown.ends_with("…"));
    CHECK(harness.shows("Chính sách"));
    CHECK_FALSE(harness.shows(longTitle));
    CHECK_FALSE(harness.shows("vùng khó khăn"));
}
