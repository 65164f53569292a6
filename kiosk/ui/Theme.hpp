// Colours and sizes. Every size derives from the screen, so the same layout works from a
// 800x480 panel to a 1920x1080 monitor, and every touch target stays thumb-sized. Colours
// come from a Palette chosen at run time: the standard one, or high contrast for visitors
// who see poorly (black, white and yellow only, where pictures allow).
#pragma once

#include <imgui.h>

namespace kiosk::ui {

struct Palette {
    ImU32 background;
    ImU32 surface; // cards and tiles
    ImU32 outline; // around cards and buttons; transparent when shadows do the work
    ImU32 topBar;
    ImU32 topBarEdge; // a line under the top bar, to part it from a page of the same colour
    ImU32 topBarButton;
    ImU32 topBarSubtitle; // the line under the title on the home header
    ImU32 pressed;
    ImU32 accent;
    ImU32 onAccent; // words and icons on the accent colour
    ImU32 selected; // the language or mode that is on
    ImU32 emphasis; // headings and marks in the brand colour, on the background
    ImU32 text;
    ImU32 mutedText;
    ImU32 onDark;  // words and icons on a dark fill
    ImU32 onLight; // words and icons on a light fill
    ImU32 factsBox;
    ImU32 factsIcon;
    ImU32 shadow;
    ImU32 placeholder;
    ImU32 fallbackMarker;
    ImU32 readingMark; // behind the block the narration is reading
    ImU32 viewerBackground;
    ImU32 scrollBar;
    ImU32 progressTrack; // the unplayed part of the narration ring
    ImU32 pollUnhappy;
    ImU32 pollNeutral;
    ImU32 pollHappy;
    ImU32 failure; // refused installs, statistics not saved
};

const Palette& standardPalette();
const Palette& highContrastPalette();

// The WCAG 2.2 contrast ratio of two colours, 1 to 21 (alpha ignored). Text needs 4.5, large
// text, icons and the shapes of controls 3.
float contrastRatio(ImU32 first, ImU32 second);
// onDark or onLight, whichever contrasts more with `fill`.
ImU32 readableOn(const Palette& palette, ImU32 fill);

struct Metrics {
    explicit Metrics(ImVec2 screenSize);
    // The same layout with every font `factor` times larger (large-text mode). Touch targets
    // stay as they are: they are already thumb-sized.
    Metrics withTextScale(float factor) const;

    ImVec2 screen;
    float scale; // 1.0 at 1280x800
    float topBarHeight;
    float touchTarget; // the smallest side of anything a finger must hit
    float padding;
    float gap;       // between tiles
    float buttonGap; // between buttons side by side: 12 px at least, about 2 mm on a 7" panel
    float rounding;
    float bodyFontSize;
    float headingFontSize;
    float titleFontSize;
    float smallFontSize;
    float iconSize;
};

// How much larger the text is in large-text mode: enough to matter for weak eyes, little
// enough that page titles still fit a line or two on a 800x480 panel.
inline constexpr float kLargeTextScale = 1.3f;

} // namespace kiosk::ui
