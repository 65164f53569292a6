// Finds the opaque one-colour rectangles in an ImGui draw command, so a software renderer can
// fill them without blending.
//
// SDL 2.26's software renderer turns ImGui's two-triangle rectangles into rectangle fills,
// but always blended, even at full opacity: a per-pixel multiply and divide that was nearly
// all of a 1280x800 home frame (13 ms of 13.5, the full-screen background and every card and
// bar). An opaque rectangle needs no blending, and a plain fill is a memset.
#pragma once

#include <imgui.h>
#include <vector>

namespace kiosk::platform {

struct DrawPiece {
    enum class Kind { Triangles, OpaqueRect };
    Kind kind = Kind::Triangles;
    // Triangles: indices [firstIndex, firstIndex + indexCount) of the command, drawn as usual.
    unsigned firstIndex = 0;
    unsigned indexCount = 0;
    // OpaqueRect: the rectangle and its colour (alpha 255).
    ImVec2 minimum;
    ImVec2 maximum;
    ImU32 colour = 0;
};

// Splits a command's `indexCount` indices (into `vertices`) into pieces, in drawing order, so
// that drawing them in turn paints what drawing the whole command would. A rectangle counts
// when it is two triangles in ImGui's PrimRect order (a b c, a c d), axis-aligned, in one
// fully opaque colour, sampling only the font atlas's white pixel `whitePixel`. `pieces` is
// cleared first; the caller keeps it across commands so a frame allocates once.
void splitOpaqueRects(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned indexCount,
                      ImVec2 whitePixel, std::vector<DrawPiece>& pieces);

} // namespace kiosk::platform
