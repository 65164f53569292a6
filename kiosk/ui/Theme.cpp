#include "Theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
float atLeast(float minimum, float value) { return std::max(minimum, std::round(value)); }
} // namespace

Metrics::Metrics(ImVec2 screenSize) : screen(screenSize) {
    scale = std::min(screenSize.x / 1280.0f, screenSize.y / 800.0f);
    // 88 px at 1280x800; never below 56 px, about 9 mm on a 7" 800x480 panel.
    touchTarget = atLeast(56, 88 * scale);
    topBarHeight = atLeast(64, 104 * scale);
    padding = atLeast(12, 28 * scale);
    gap = atLeast(10, 24 * scale);
    rounding = atLeast(6, 18 * scale);
    bodyFontSize = atLeast(18, 30 * scale);
    headingFontSize = atLeast(21, 38 * scale);
    titleFontSize = atLeast(25, 48 * scale);
    smallFontSize = atLeast(15, 21 * scale);
    iconSize = atLeast(28, 48 * scale);
}

} // namespace kiosk::ui
