// A white disc on transparent (or its opposite), anti-aliased: the four corners of every
// rounded card, button and circle in the UI are quarters of one of these, drawn as textured
// rectangles. A software renderer copies a rectangle in one pass but fills each triangle of
// a curve through a temporary surface, which made the curves most of a frame's cost.
#pragma once

#include "ImageCodec.hpp"

namespace kiosk::image {

enum class DiscMaskSide {
    Inside,  // opaque inside the circle: the corners of a filled shape
    Outside, // opaque outside it: paints over the corners of a picture to round them
};

// 2 * radius pixels square, the circle's centre in the middle; alpha is the share of each
// pixel the side covers. Throws ImageError for a radius outside 1..kMaximumDiscMaskRadius.
constexpr int kMaximumDiscMaskRadius = 512;
RgbaImage discMask(int radius, DiscMaskSide side);

} // namespace kiosk::image
