#include "Shapes.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::ui {

namespace {

constexpr float kQuarterTurn = 3.14159265f / 2;

// Whole pixels: the rectangles and the corner pieces then meet on pixel edges, where every
// rasteriser agrees which side a pixel centre is on, and a mask's quarter is copied 1:1.
float snapped(float value) {
    return std::floor(value + 0.5f);
}

ImDrawFlags cornersOrAll(ImDrawFlags corners) {
    // ImGui's rule: naming no corner means all of them.
    return (corners & ImDrawFlags_RoundCornersMask_) == 0 ? corners | ImDrawFlags_RoundCornersAll : corners;
}

struct Corner {
    ImDrawFlags flag;
    ImVec2 minimum;       // of the corner's square
    ImVec2 arcCentre;     // where the rounding's circle has its centre
    ImVec2 maskUvMinimum; // the quarter of the disc mask that is this corner
    float fromAngle;      // of the arc, clockwise from +x (y points down)
};

// The four corner squares of [minimum, maximum] for a rounding of `radius`.
std::array<Corner, 4> cornersOf(ImVec2 minimum, ImVec2 maximum, float radius) {
    const float innerLeft = minimum.x + radius, innerRight = maximum.x - radius;
    const float innerTop = minimum.y + radius, innerBottom = maximum.y - radius;
    return {{
        {ImDrawFlags_RoundCornersTopLeft, minimum, ImVec2(innerLeft, innerTop), ImVec2(0, 0),
         2 * kQuarterTurn},
        {ImDrawFlags_RoundCornersTopRight, ImVec2(innerRight, minimum.y), ImVec2(innerRight, innerTop),
         ImVec2(0.5f, 0), 3 * kQuarterTurn},
        {ImDrawFlags_RoundCornersBottomRight, ImVec2(innerRight, innerBottom),
         ImVec2(innerRight, innerBottom), ImVec2(0.5f, 0.5f), 0},
        {ImDrawFlags_RoundCornersBottomLeft, ImVec2(minimum.x, innerBottom), ImVec2(innerLeft, innerBottom),
         ImVec2(0, 0.5f), kQuarterTurn},
    }};
}

void fillPlainRect(ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum, ImU32 colour) {
    if (maximum.x > minimum.x && maximum.y > minimum.y)
        drawList->AddRectFilled(minimum, maximum, colour);
}

void drawMaskQuarter(ImDrawList* drawList, const Picture& mask, const Corner& corner, float radius,
                     ImU32 colour) {
    const ImVec2 uvMaximum(corner.maskUvMinimum.x + 0.5f, corner.maskUvMinimum.y + 0.5f);
    drawList->AddImage(mask.texture, corner.minimum,
                       ImVec2(corner.minimum.x + radius, corner.minimum.y + radius), corner.maskUvMinimum,
                       uvMaximum, colour);
}

// As many arc segments as keep the arc within 0.3 px of a true circle (ImGui's own choice).
int quarterSegments(float radius) {
    const float step = std::acos(std::max(-1.0f, 1.0f - 0.3f / std::max(radius, 1.0f)));
    return std::clamp(static_cast<int>(std::ceil(kQuarterTurn / step)), 2, 32);
}

// Without a mask: a quarter disc as a fan from the arc's centre. Anti-aliased on the arc
// only: a fringe on the straight sides would overlap the neighbouring rectangles and show as
// a line in translucent colours.
void fillCornerWedge(ImDrawList* drawList, const Corner& corner, float radius, ImU32 colour) {
    const int segments = quarterSegments(radius);
    const bool antiAliased = (drawList->Flags & ImDrawListFlags_AntiAliasedFill) != 0;
    const float fringe = antiAliased ? drawList->_FringeScale : 0.0f;
    const int arcPoints = segments + 1;
    const int vertexCount = 1 + arcPoints * (antiAliased ? 2 : 1);
    const int indexCount = segments * 3 + (antiAliased ? segments * 6 : 0);
    const ImVec2 whitePixel = ImGui::GetFontTexUvWhitePixel();

    drawList->PrimReserve(indexCount, vertexCount);
    const auto base = static_cast<unsigned int>(drawList->_VtxCurrentIdx);
    const auto index = [base](int offset) {
        return static_cast<ImDrawIdx>(base + static_cast<unsigned int>(offset));
    };
    // Vertex 0 is the centre, 1..arcPoints the inner arc, then the outer, transparent arc.
    for (int segment = 0; segment < segments; ++segment) {
        drawList->PrimWriteIdx(index(0));
        drawList->PrimWriteIdx(index(1 + segment));
        drawList->PrimWriteIdx(index(2 + segment));
    }
    for (int segment = 0; antiAliased && segment < segments; ++segment) {
        const int inner = 1 + segment, outer = 1 + arcPoints + segment;
        for (const int offset : {inner, outer, outer + 1, inner, outer + 1, inner + 1})
            drawList->PrimWriteIdx(index(offset));
    }
    const auto arcPoint = [&](int point, float distance) {
        const float angle =
            corner.fromAngle + kQuarterTurn * static_cast<float>(point) / static_cast<float>(segments);
        return ImVec2(corner.arcCentre.x + std::cos(angle) * distance,
                      corner.arcCentre.y + std::sin(angle) * distance);
    };
    drawList->PrimWriteVtx(corner.arcCentre, whitePixel, colour);
    for (int point = 0; point < arcPoints; ++point)
        drawList->PrimWriteVtx(arcPoint(point, radius - fringe * 0.5f), whitePixel, colour);
    for (int point = 0; antiAliased && point < arcPoints; ++point)
        drawList->PrimWriteVtx(arcPoint(point, radius + fringe * 0.5f), whitePixel,
                               colour & ~IM_COL32_A_MASK);
}

// Without a mask: the part of the corner square outside the arc, as a fan from the corner
// point (every arc point is visible from it).
void fillOutsideCorner(ImDrawList* drawList, const Corner& corner, float radius, ImU32 colour) {
    const ImVec2 point(corner.arcCentre.x + (corner.minimum.x < corner.arcCentre.x ? -radius : radius),
                       corner.arcCentre.y + (corner.minimum.y < corner.arcCentre.y ? -radius : radius));
    drawList->PathLineTo(point);
    drawList->PathArcTo(corner.arcCentre, radius, corner.fromAngle, corner.fromAngle + kQuarterTurn,
                        quarterSegments(radius));
    drawList->PathFillConvex(colour);
}

} // namespace

void fillRoundedRect(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                     ImU32 colour, float rounding, ImDrawFlags corners) {
    if ((colour & IM_COL32_A_MASK) == 0)
        return;
    minimum = ImVec2(snapped(minimum.x), snapped(minimum.y));
    maximum = ImVec2(snapped(maximum.x), snapped(maximum.y));
    corners = cornersOrAll(corners);
    const bool topLeft = corners & ImDrawFlags_RoundCornersTopLeft,
               topRight = corners & ImDrawFlags_RoundCornersTopRight;
    const bool bottomLeft = corners & ImDrawFlags_RoundCornersBottomLeft;
    const bool bottomRight = corners & ImDrawFlags_RoundCornersBottomRight;
    // ImGui's rule: two rounded corners on one side share its length, one may take all of it.
    const float width = maximum.x - minimum.x, height = maximum.y - minimum.y;
    const float radius = std::floor(
        std::min({rounding, ((topLeft && topRight) || (bottomLeft && bottomRight)) ? width / 2 : width,
                  ((topLeft && bottomLeft) || (topRight && bottomRight)) ? height / 2 : height}));
    if (radius < 1 || (corners & ImDrawFlags_RoundCornersNone)) {
        fillPlainRect(drawList, minimum, maximum, colour);
        return;
    }
    // A strip along the top and one along the bottom, as deep as the rounding where a corner
    // is rounded, and the middle at full width. Every pixel is drawn once, so translucent
    // colours (shadows) stay even.
    const float topDepth = (topLeft || topRight) ? radius : 0;
    const float bottomDepth = (bottomLeft || bottomRight) ? radius : 0;
    fillPlainRect(drawList, ImVec2(minimum.x, minimum.y + topDepth),
                  ImVec2(maximum.x, maximum.y - bottomDepth), colour);
    const auto strip = [&](float top, float bottom, bool leftRounded, bool rightRounded) {
        if (bottom > top)
            fillPlainRect(drawList, ImVec2(minimum.x + (leftRounded ? radius : 0), top),
                          ImVec2(maximum.x - (rightRounded ? radius : 0), bottom), colour);
    };
    strip(minimum.y, minimum.y + topDepth, topLeft, topRight);
    strip(maximum.y - bottomDepth, maximum.y, bottomLeft, bottomRight);
    const Picture mask = context.pictures.discMask(static_cast<int>(radius), image::DiscMaskSide::Inside);
    for (const Corner& corner : cornersOf(minimum, maximum, radius)) {
        if (!(corners & corner.flag))
            continue; // its square is part of a strip
        if (mask.texture)
            drawMaskQuarter(drawList, mask, corner, radius, colour);
        else
            fillCornerWedge(drawList, corner, radius, colour);
    }
}

void fillCircle(const UiContext& context, ImDrawList* drawList, ImVec2 centre, float radius, ImU32 colour) {
    // A square rounded by half its side is a circle: four corner quarters.
    fillRoundedRect(context, drawList, ImVec2(centre.x - radius, centre.y - radius),
                    ImVec2(centre.x + radius, centre.y + radius), colour, radius);
}

void roundPictureCorners(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                         float rounding, ImDrawFlags corners, ImU32 surrounding) {
    const float radius =
        std::floor(std::min({rounding, (maximum.x - minimum.x) / 2, (maximum.y - minimum.y) / 2}));
    corners = cornersOrAll(corners);
    if (radius < 1 || (corners & ImDrawFlags_RoundCornersNone))
        return;
    minimum = ImVec2(snapped(minimum.x), snapped(minimum.y));
    maximum = ImVec2(snapped(maximum.x), snapped(maximum.y));
    const Picture mask = context.pictures.discMask(static_cast<int>(radius), image::DiscMaskSide::Outside);
    for (const Corner& corner : cornersOf(minimum, maximum, radius)) {
        if (!(corners & corner.flag))
            continue;
        if (mask.texture)
            drawMaskQuarter(drawList, mask, corner, radius, surrounding);
        else
            fillOutsideCorner(drawList, corner, radius, surrounding);
    }
}

} // namespace kiosk::ui
