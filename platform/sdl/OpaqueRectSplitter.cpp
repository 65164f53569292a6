#include "OpaqueRectSplitter.hpp"

namespace kiosk::platform {

namespace {

bool isOpaqueSolid(const ImDrawVert& vertex, ImU32 colour, ImVec2 whitePixel) {
    return vertex.col == colour && vertex.uv.x == whitePixel.x && vertex.uv.y == whitePixel.y;
}

// The rectangle of indices[at .. at + 6), if they are one.
bool opaqueRectAt(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned at, ImVec2 whitePixel,
                  DrawPiece& rect) {
    if (indices[at + 3] != indices[at] || indices[at + 4] != indices[at + 2])
        return false;
    const ImDrawVert& a = vertices[indices[at]];
    const ImDrawVert& b = vertices[indices[at + 1]];
    const ImDrawVert& c = vertices[indices[at + 2]];
    const ImDrawVert& d = vertices[indices[at + 5]];
    if ((a.col & IM_COL32_A_MASK) != IM_COL32_A_MASK)
        return false;
    for (const ImDrawVert* vertex : {&a, &b, &c, &d})
        if (!isOpaqueSolid(*vertex, a.col, whitePixel))
            return false;
    // a top-left, b top-right, c bottom-right, d bottom-left, as PrimRect writes them.
    if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x)
        return false;
    if (!(a.pos.x < c.pos.x && a.pos.y < c.pos.y))
        return false;
    rect.kind = DrawPiece::Kind::OpaqueRect;
    rect.minimum = a.pos;
    rect.maximum = c.pos;
    rect.colour = a.col;
    return true;
}

} // namespace

void splitOpaqueRects(const ImDrawVert* vertices, const ImDrawIdx* indices, unsigned indexCount,
                      ImVec2 whitePixel, std::vector<DrawPiece>& pieces) {
    pieces.clear();
    unsigned runStart = 0;
    const auto closeRun = [&](unsigned end) {
        if (end > runStart)
            pieces.push_back({DrawPiece::Kind::Triangles, runStart, end - runStart, {}, {}, 0});
    };
    unsigned at = 0;
    while (at + 3 <= indexCount) {
        DrawPiece rect;
        if (at + 6 <= indexCount && opaqueRectAt(vertices, indices, at, whitePixel, rect)) {
            closeRun(at);
            pieces.push_back(rect);
            at += 6;
            runStart = at;
        } else {
            at += 3;
        }
    }
    closeRun(indexCount);
}

} // namespace kiosk::platform
