// Colours and sizes. Every size derives from the screen, so the same layout works from a
// 800x480 panel to a 1920x1080 monitor, and every touch target stays thumb-sized.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

namespace colour {
inline constexpr ImU32 background = IM_COL32(250, 245, 235, 255);
inline constexpr ImU32 surface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 topBar = IM_COL32(16, 92, 99, 255);
inline constexpr ImU32 topBarButton = IM_COL32(33, 118, 126, 255);
inline constexpr ImU32 pressed = IM_COL32(232, 131, 58, 255);
inline constexpr ImU32 accent = IM_COL32(232, 131, 58, 255);
inline constexpr ImU32 text = IM_COL32(33, 37, 41, 255);
inline constexpr ImU32 mutedText = IM_COL32(84, 92, 98, 255);
inline constexpr ImU32 onDark = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 factsBox = IM_COL32(226, 241, 238, 255);
inline constexpr ImU32 factsIcon = IM_COL32(16, 92, 99, 255);
inline constexpr ImU32 shadow = IM_COL32(0, 0, 0, 38);
inline constexpr ImU32 placeholder = IM_COL32(222, 214, 200, 255);
inline constexpr ImU32 fallbackMarker = IM_COL32(255, 236, 200, 255);
inline constexpr ImU32 viewerBackground = IM_COL32(12, 12, 12, 255);
} // namespace colour

struct Metrics {
    explicit Metrics(ImVec2 screenSize);

    ImVec2 screen;
    float scale;          // 1.0 at 1280x800
    float topBarHeight;
    float touchTarget;    // the smallest side of anything a finger must hit
    float padding;
    float gap;            // between tiles
    float rounding;
    float bodyFontSize;
    float headingFontSize;
    float titleFontSize;
    float smallFontSize;
    float iconSize;
};

} // namespace kiosk::ui
