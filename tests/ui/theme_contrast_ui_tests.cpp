// Every colour pair the views draw, in both palettes, against WCAG 2.2: text 4.5:1 (1.4.3),
// icons and the shapes that carry meaning 3:1 (1.4.11). The pairs are listed by where they
// are drawn; a new pairing in a view belongs here too.
#include "Theme.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk::ui;

namespace {

constexpr float kText = 4.5f;
constexpr float kGraphic = 3.0f;

struct ColourPair {
    std::string where;
    ImU32 foreground;
    ImU32 background;
    float needed;
};

std::vector<ColourPair> pairsOf(const Palette& colours) {
    const auto on = [&](ImU32 fill) { return readableOn(colours, fill); };
    return {
        {"body text on the page", colours.text, colours.background, kText},
        {"body text on a card", colours.text, colours.surface, kText},
        {"captions and labels on the page", colours.mutedText, colours.background, kText},
        {"captions and labels on a card", colours.mutedText, colours.surface, kText},
        {"fact labels in the facts box", colours.mutedText, colours.factsBox, kText},
        {"fact values in the facts box", colours.text, colours.factsBox, kText},
        {"headings, the narration word, the poll question", colours.emphasis, colours.background, kText},
        {"headings on a card (poll, notices, warning)", colours.emphasis, colours.surface, kText},
        {"the welcome line under the home title", colours.topBarSubtitle, colours.topBar, kText},
        {"the top bar's title", colours.onDark, colours.topBar, kText},
        {"Back, Home and the language names on their buttons", on(colours.topBarButton), colours.topBarButton,
         kText},
        {"the selected language", on(colours.selected), colours.selected, kText},
        {"a button while pressed", on(colours.pressed), colours.pressed, kText},
        {"tile names on the accent band, OK buttons", on(colours.accent), colours.accent, kText},
        {"staff tabs on the accent", colours.onAccent, colours.accent, kText},
        {"staff messages in the accent colour", colours.accent, colours.background, kText},
        {"the not-translated marker", on(colours.fallbackMarker), colours.fallbackMarker, kText},
        {"body text being read aloud", colours.text, colours.readingMark, kText},
        {"a heading being read aloud", colours.emphasis, colours.readingMark, kText},
        {"the bar beside the part being read", colours.accent, colours.readingMark, kGraphic},
        {"refused installs and unsaved statistics", colours.failure, colours.surface, kText},
        {"captions in the picture viewer", colours.onDark, colours.viewerBackground, kText},
        {"icons on the brand-colour badges", on(colours.emphasis), colours.emphasis, kGraphic},
        {"the unhappy face", on(colours.pollUnhappy), colours.pollUnhappy, kGraphic},
        {"the neutral face", on(colours.pollNeutral), colours.pollNeutral, kGraphic},
        {"the happy face", on(colours.pollHappy), colours.pollHappy, kGraphic},
        {"the faces' discs on a card", colours.pollUnhappy, colours.surface, kGraphic},
        {"the neutral disc on a card", colours.pollNeutral, colours.surface, kGraphic},
        {"the happy disc on a card", colours.pollHappy, colours.surface, kGraphic},
        {"progress rings, bars and bullets on the page", colours.accent, colours.background, kGraphic},
        {"progress bars on a card (install, narration player)", colours.accent, colours.surface, kGraphic},
        {"the progress bar against its track", colours.accent, colours.factsBox, kGraphic},
        {"the idle countdown against its track", colours.emphasis, colours.factsBox, kGraphic},
        {"fact icons in the facts box", colours.factsIcon, colours.factsBox, kGraphic},
        {"icons on top-bar buttons", on(colours.topBarButton), colours.topBarButton, kGraphic},
    };
}

void checkPalette(const char* name, const Palette& colours) {
    for (const ColourPair& pair : pairsOf(colours)) {
        CAPTURE(name);
        CAPTURE(pair.where);
        CHECK(contrastRatio(pair.foreground, pair.background) >= pair.needed);
    }
}

} // namespace

TEST_CASE("contrast ratios follow WCAG's formula") {
    CHECK(contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0f));
    CHECK(contrastRatio(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(4.48f).epsilon(0.01));
    CHECK(contrastRatio(IM_COL32(10, 20, 30, 255), IM_COL32(10, 20, 30, 255)) == doctest::Approx(1.0f));
    // The orange the kiosk used to carry white words on.
    CHECK(contrastRatio(IM_COL32(232, 131, 58, 255), IM_COL32(255, 255, 255, 255)) < 3.0f);
}

TEST_CASE("every colour pair of the standard palette is readable") {
    checkPalette("standard", standardPalette());
}

TEST_CASE("every colour pair of the high-contrast palette is readable") {
    checkPalette("high contrast", highContrastPalette());
}
