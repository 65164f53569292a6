// Filled rounded rectangles and circles that a software rasteriser draws quickly.
//
// ImGui fills a rounded rectangle or a circle as one fan of triangles from its first point.
// SDL's software renderer fills each triangle through a temporary surface over its bounding
// box, so the home screen's cards, pills and badges took 46 ms of a 1280x800 frame. Here the
// same shapes are axis-aligned rectangles (plain fills for SDL) and, at the corners, quarters
// of a disc mask texture (plain copies): each shape is a handful of rectangles. Without a
// mask texture the corners are small fans, anti-aliased on the arc only. A GPU draws either
// equally fast.
#pragma once

#include "UiContext.hpp"

#include <imgui.h>

namespace kiosk::ui {

// Like ImDrawList::AddRectFilled(minimum, maximum, colour, rounding, corners), on whole pixels.
void fillRoundedRect(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                     ImU32 colour, float rounding, ImDrawFlags corners = ImDrawFlags_RoundCornersAll);

// Like ImDrawList::AddCircleFilled(centre, radius, colour), on whole pixels.
void fillCircle(const UiContext& context, ImDrawList* drawList, ImVec2 centre, float radius, ImU32 colour);

// Rounds the corners of a picture drawn in [minimum, maximum] by painting `surrounding` over
// what lies outside the rounded shape. Pictures themselves stay plain quads: SDL's software
// renderer copies those exactly, but smears large textures across the thin triangles of a
// rounded polygon.
void roundPictureCorners(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                         float rounding, ImDrawFlags corners, ImU32 surrounding);

} // namespace kiosk::ui
