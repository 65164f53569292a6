#include "Theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
float atLeast(float minimum, float value) {
    return std::max(minimum, std::round(value));
}

constexpr ImU32 kTeal = IM_COL32(16, 92, 99, 255);
// A burnt orange: white words on it and it on the page both reach 4.5:1 (WCAG 2.2 1.4.3),
// which the brighter (232, 131, 58) it replaced did not (2.7:1).
constexpr ImU32 kOrange = IM_COL32(178, 80, 10, 255);
constexpr ImU32 kYellow = IM_COL32(255, 221, 0, 255);
constexpr ImU32 kBlack = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kNone = IM_COL32(0, 0, 0, 0);
} // namespace

const Palette& standardPalette() {
    static const Palette palette{
        .background = IM_COL32(250, 245, 235, 255),
        .surface = kWhite,
        .outline = kNone,
        .topBar = kTeal,
        .topBarEdge = kTeal,
        .topBarButton = IM_COL32(33, 118, 126, 255),
        .topBarSubtitle = IM_COL32(210, 236, 232, 255),
        .pressed = kOrange,
        .accent = kOrange,
        .onAccent = kWhite,
        .selected = kOrange,
        .emphasis = kTeal,
        .text = IM_COL32(33, 37, 41, 255),
        .mutedText = IM_COL32(84, 92, 98, 255),
        .onDark = kWhite,
        .onLight = IM_COL32(33, 37, 41, 255),
        .factsBox = IM_COL32(226, 241, 238, 255),
        .factsIcon = kTeal,
        .shadow = IM_COL32(0, 0, 0, 38),
        .placeholder = IM_COL32(222, 214, 200, 255),
        .fallbackMarker = IM_COL32(255, 236, 200, 255),
        .readingMark = IM_COL32(255, 241, 184, 255),
        .viewerBackground = IM_COL32(12, 12, 12, 255),
        .scrollBar = IM_COL32(0, 0, 0, 70),
        .progressTrack = IM_COL32(16, 92, 99, 60),
        .pollUnhappy = IM_COL32(196, 64, 52, 255),
        .pollNeutral = IM_COL32(150, 100, 0, 255),
        .pollHappy = IM_COL32(36, 128, 66, 255),
        .failure = IM_COL32(176, 40, 32, 255),
    };
    return palette;
}

// Black, white and yellow: the combination low-vision guidance recommends, and the one that
// survives a cheap panel in a sunny office. Yellow marks what can be pressed.
const Palette& highContrastPalette() {
    static const Palette palette{
        .background = kBlack,
        .surface = kBlack,
        .outline = kYellow,
        .topBar = kBlack,
        .topBarEdge = kYellow,
        .topBarButton = kYellow,
        .topBarSubtitle = kWhite,
        .pressed = kWhite,
        .accent = kYellow,
        .onAccent = kBlack,
        .selected = kWhite,
        .emphasis = kYellow,
        .text = kWhite,
        .mutedText = kWhite,
        .onDark = kWhite,
        .onLight = kBlack,
        .factsBox = kBlack,
        .factsIcon = kYellow,
        .shadow = kNone,
        .placeholder = IM_COL32(60, 60, 60, 255),
        .fallbackMarker = kYellow,
        .readingMark = IM_COL32(0, 0, 120, 255),
        .viewerBackground = kBlack,
        .scrollBar = IM_COL32(255, 255, 255, 170),
        .progressTrack = IM_COL32(255, 255, 255, 90),
        .pollUnhappy = IM_COL32(255, 110, 90, 255),
        .pollNeutral = kYellow,
        .pollHappy = IM_COL32(90, 220, 120, 255),
        .failure = IM_COL32(255, 110, 90, 255),
    };
    return palette;
}

namespace {
// WCAG 2.x relative luminance of an sRGB colour (alpha ignored).
float relativeLuminance(ImU32 colour) {
    const ImVec4 channels = ImGui::ColorConvertU32ToFloat4(colour);
    auto linear = [](float channel) {
        return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(channels.x) + 0.7152f * linear(channels.y) + 0.0722f * linear(channels.z);
}
} // namespace

float contrastRatio(ImU32 first, ImU32 second) {
    const float lighter = std::max(relativeLuminance(first), relativeLuminance(second));
    const float darker = std::min(relativeLuminance(first), relativeLuminance(second));
    return (lighter + 0.05f) / (darker + 0.05f);
}

ImU32 readableOn(const Palette& palette, ImU32 fill) {
    return contrastRatio(palette.onLight, fill) > contrastRatio(palette.onDark, fill) ? palette.onLight
                                                                                      : palette.onDark;
}

Metrics::Metrics(ImVec2 screenSize) : screen(screenSize) {
    scale = std::min(screenSize.x / 1280.0f, screenSize.y / 800.0f);
    // 88 px at 1280x800; never below 56 px, about 9 mm on a 7" 800x480 panel.
    touchTarget = atLeast(56, 88 * scale);
    topBarHeight = atLeast(64, 104 * scale);
    padding = atLeast(12, 28 * scale);
    gap = atLeast(10, 24 * scale);
    // A finger that lands between two buttons must not press both, nor the wrong one.
    buttonGap = atLeast(12, 12 * scale);
    rounding = atLeast(6, 18 * scale);
    bodyFontSize = atLeast(18, 30 * scale);
    headingFontSize = atLeast(21, 38 * scale);
    titleFontSize = atLeast(25, 48 * scale);
    smallFontSize = atLeast(15, 21 * scale);
    iconSize = atLeast(28, 48 * scale);
}

Metrics Metrics::withTextScale(float factor) const {
    Metrics larger = *this;
    for (float* size :
         {&larger.bodyFontSize, &larger.headingFontSize, &larger.titleFontSize, &larger.smallFontSize})
        *size = std::round(*size * factor);
    return larger;
}

} // namespace kiosk::ui
