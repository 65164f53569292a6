// The kiosk's views, one function each, each in its own file. A view draws one frame from
// the context and pushes UiActions; it keeps no state of its own.
#pragma once

#include "InstallNotice.hpp"
#include "UiContext.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

struct TopBarOptions {
    bool showBack = true;
    bool showHome = true;
    std::string title;
    std::string icon; // drawn before the title: the category's pictogram, so non-readers know where they are
};

// Returns the bottom edge of the bar.
float drawTopBar(UiContext& context, const TopBarOptions& options);
// Language pills ending at `rightEdge`, their names cut with "…" where they would reach left
// of `leftLimit`; returns their left edge. Tapping one also says the language's name aloud
// when the pack has it recorded.
float drawLanguageSwitch(UiContext& context, float rightEdge, float leftLimit, float top, float height);
// The large-text and high-contrast switches ending at `rightEdge`; returns their left edge.
float drawModeSwitches(UiContext& context, float rightEdge, float top, float height);
// What drawModeSwitches takes, with the gap on its left.
float modeSwitchesWidth(const UiContext& context);

void drawHomeScreen(UiContext& context);
// The pictures the home screen shows (thumbnails), so they can be decoded while the kiosk starts.
std::vector<std::int64_t> homeScreenThumbnails(const pack::PackIndex& index);
// The icons it may show (ui::categoryIcon for each category), likewise.
std::vector<std::string> homeScreenIcons(const pack::PackIndex& index);
void drawCategoryScreen(UiContext& context, const std::string& categoryId);
void drawPageScreen(UiContext& context, const pack::PageContent& page);

// Where the visitor is in a page's story cards, kept by KioskUi while the page is open.
struct StoryState {
    std::string pageId;          // the page it belongs to
    int card = 0;                // 0 .. cards.size(); cards.size() is the end card (poll, home)
    int furthestCard = 0;        // the furthest card shown this visit of the page
    bool readingArticle = false; // "read more" tapped: the whole article shows instead
    bool listening = false;      // she started a card's recording: each card then plays its own
    float dragOffset = 0;        // horizontal finger offset while swiping
};
// The rectangles of a story card screen below the top bar at `top`.
struct StoryCardLayout {
    float left = 0;
    float width = 0;
    ImVec2 pictureMinimum;
    ImVec2 pictureMaximum;
    float textLeft = 0;
    float textWidth = 0;
    float textTop = 0;
    float textBottom = 0;      // the text, with the speaker above it, never reaches below this
    float narrationHeight = 0; // the speaker button's
    float controlsTop = 0;     // the row of arrows, dots and "read more"
};
StoryCardLayout storyCardLayout(const UiContext& context, const pack::PageContent& page, float top);
// A page with cards, unless she asked for the article (drawPageScreen then).
void drawStoryCardScreen(UiContext& context, const pack::PageContent& page, const StoryState& story);

struct PictureViewerState {
    int index = 0;
    float dragOffset = 0; // horizontal finger offset while swiping
};
void drawPictureViewer(UiContext& context, const pack::PageContent& page, const PictureViewerState& viewer);

struct AttractState {
    std::int64_t startedMilliseconds = 0;
};
void drawAttractScreen(UiContext& context, const AttractState& attract);

// "Are you still there?" before the idle timeout ends a visit, with the time left.
struct IdleWarningState {
    std::int64_t startedMilliseconds = 0;
    std::int64_t remainingMilliseconds = 0;
    std::int64_t durationMilliseconds = 0;
};
void drawIdleWarning(UiContext& context, const IdleWarningState& warning);
// A card over whatever shows, about the USB stick just plugged in.
void drawInstallNotice(UiContext& context, const InstallNotice& notice);
// The ui.tsv key of the sentence about the statistics export; nullptr for None.
const char* statisticsMessageKey(InstallNotice::StatisticsOutcome outcome);
// The colour a statistics banner or line is drawn in: the refused red when not saved.
ImU32 statisticsColour(const UiContext& context, InstallNotice::StatisticsOutcome outcome);

} // namespace kiosk::ui
