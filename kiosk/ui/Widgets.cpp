#include "Widgets.hpp"

#include "Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <imgui_internal.h>

namespace kiosk::ui {

namespace {

ImFont* orBody(const UiContext& context, ImFont* font) {
    return font ? font : context.fonts.body;
}

// The picture cropped to fill [minimum, maximum] (object-fit: cover), on whole pixels as the
// corners painted over it are; returns the box drawn.
std::pair<ImVec2, ImVec2> addPictureCovering(ImDrawList* drawList, const Picture& picture, ImVec2 minimum,
                                             ImVec2 maximum, ImU32 tint) {
    const float boxWidth = maximum.x - minimum.x;
    const float boxHeight = maximum.y - minimum.y;
    const float boxAspect = boxWidth / boxHeight;
    const float pictureAspect = picture.width / picture.height;
    ImVec2 uvMinimum(0, 0), uvMaximum(1, 1);
    if (pictureAspect > boxAspect) {
        const float visible = boxAspect / pictureAspect;
        uvMinimum.x = (1 - visible) / 2;
        uvMaximum.x = 1 - uvMinimum.x;
    } else {
        const float visible = pictureAspect / boxAspect;
        uvMinimum.y = (1 - visible) / 2;
        uvMaximum.y = 1 - uvMinimum.y;
    }
    minimum = ImVec2(std::floor(minimum.x + 0.5f), std::floor(minimum.y + 0.5f));
    maximum = ImVec2(std::floor(maximum.x + 0.5f), std::floor(maximum.y + 0.5f));
    drawList->AddImage(picture.texture, minimum, maximum, uvMinimum, uvMaximum, tint);
    return {minimum, maximum};
}

} // namespace

void drawPictureCovering(const UiContext& context, ImDrawList* drawList, const Picture& picture,
                         ImVec2 minimum, ImVec2 maximum, float rounding, ImDrawFlags corners, ImU32 tint) {
    if (!picture.texture || picture.width <= 0 || picture.height <= 0) {
        fillRoundedRect(context, drawList, minimum, maximum, context.colours.placeholder, rounding, corners);
        return;
    }
    const auto [drawnMinimum, drawnMaximum] = addPictureCovering(drawList, picture, minimum, maximum, tint);
    roundPictureCorners(context, drawList, drawnMinimum, drawnMaximum, rounding, corners,
                        context.colours.background);
}

void drawPictureDisc(const UiContext& context, ImDrawList* drawList, const Picture& picture, ImVec2 centre,
                     float diameter, ImU32 surround) {
    const ImVec2 minimum(centre.x - diameter / 2, centre.y - diameter / 2);
    const ImVec2 maximum(centre.x + diameter / 2, centre.y + diameter / 2);
    if (!picture.texture || picture.width <= 0 || picture.height <= 0) {
        fillCircle(context, drawList, centre, diameter / 2, context.colours.placeholder);
        return;
    }
    const auto [drawnMinimum, drawnMaximum] =
        addPictureCovering(drawList, picture, minimum, maximum, IM_COL32_WHITE);
    roundPictureCorners(context, drawList, drawnMinimum, drawnMaximum, (drawnMaximum.x - drawnMinimum.x) / 2,
                        ImDrawFlags_RoundCornersAll, surround);
}

void drawPictureContained(ImDrawList* drawList, const Picture& picture, ImVec2 minimum, ImVec2 maximum) {
    if (!picture.texture || picture.width <= 0 || picture.height <= 0)
        return;
    const float scale =
        std::min((maximum.x - minimum.x) / picture.width, (maximum.y - minimum.y) / picture.height);
    const ImVec2 size(picture.width * scale, picture.height * scale);
    const ImVec2 topLeft(minimum.x + (maximum.x - minimum.x - size.x) / 2,
                         minimum.y + (maximum.y - minimum.y - size.y) / 2);
    drawList->AddImage(picture.texture, topLeft, ImVec2(topLeft.x + size.x, topLeft.y + size.y));
}

void drawIcon(ImDrawList* drawList, const Picture& icon, ImVec2 centre, float size, ImU32 colour) {
    if (!icon.texture)
        return;
    const float half = size / 2;
    drawList->AddImage(icon.texture, ImVec2(centre.x - half, centre.y - half),
                       ImVec2(centre.x + half, centre.y + half), ImVec2(0, 0), ImVec2(1, 1), colour);
}

void drawShadowedCard(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                      float rounding, ImU32 fill) {
    const Palette& colours = context.colours;
    const float offset = std::max(2.0f, rounding / 4);
    // The shadow is the card moved down by `offset`; the card hides all of it but the part
    // below its lower corners, so only that is drawn: blending costs a software renderer.
    fillRoundedRect(context, drawList, ImVec2(minimum.x, maximum.y - rounding),
                    ImVec2(maximum.x, maximum.y + offset), colours.shadow, rounding,
                    ImDrawFlags_RoundCornersBottom);
    fillRoundedRect(context, drawList, minimum, maximum, fill, rounding);
    // High contrast has no shadows: a line says where the card ends.
    drawList->AddRect(minimum, maximum, colours.outline, rounding, 0, std::max(2.0f, rounding / 6));
}

bool touchArea(UiContext& context, const char* id, ImVec2 minimum, ImVec2 maximum, const std::string& label) {
    const ImVec2 size(std::max(1.0f, maximum.x - minimum.x), std::max(1.0f, maximum.y - minimum.y));
    ImGui::SetCursorScreenPos(minimum);
    const bool tapped = ImGui::InvisibleButton(id, size);
    context.record.add(label, minimum, maximum, true);
    return tapped;
}

namespace {

float widthOf(const ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

// `text` as it fits on one line of `maximumWidth`: whole, or cut with "…" (0 = no limit).
std::string fittedToWidth(const ImFont* font, const std::string& text, float maximumWidth) {
    if (maximumWidth <= 0 || widthOf(font, text) <= maximumWidth)
        return text;
    // ImGui measures up to the width left for the ellipsis and says where it stopped, on a
    // character boundary: one pass, however long the text (a clamped caption's last line is
    // all the rest of it, every frame).
    const char* fits = nullptr;
    font->CalcTextSizeA(font->FontSize, std::max(0.0f, maximumWidth - widthOf(font, "…")), 0, text.c_str(),
                        text.c_str() + text.size(), &fits);
    std::string kept(text.c_str(), fits ? fits : text.c_str());
    while (!kept.empty() && kept.back() == ' ')
        kept.pop_back();
    return kept + "…";
}

// The label as the button shows it: whole, or cut to the style's width.
std::string shownLabel(const ImFont* font, const std::string& label, const ButtonStyle& style) {
    return fittedToWidth(font, label, style.maximumLabelWidth);
}

float buttonPictureSide(const UiContext& context) {
    return context.metrics.iconSize * 1.5f;
}

} // namespace

float iconButtonWidth(const UiContext& context, const std::string& icon, const std::string& label,
                      const ButtonStyle& style) {
    if (style.width > 0)
        return style.width;
    const ImFont* font = orBody(context, style.font);
    const bool drawsLabel = style.showLabel && !label.empty();
    const float labelWidth = drawsLabel ? widthOf(font, shownLabel(font, label, style)) : 0;
    const bool hasIcon = !icon.empty() || style.pictureImageId;
    const float iconWidth = style.pictureImageId ? buttonPictureSide(context)
                            : hasIcon            ? context.metrics.iconSize
                                                 : 0;
    const float between = (hasIcon && drawsLabel) ? context.metrics.padding * 0.4f : 0;
    return std::max(context.metrics.touchTarget,
                    iconWidth + between + labelWidth + context.metrics.padding * 1.4f);
}

void raiseCurrentWindow() {
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
}

bool iconButton(UiContext& context, const char* id, const std::string& icon, const std::string& label,
                ImVec2 minimum, float height, const ButtonStyle& style) {
    ImFont* font = orBody(context, style.font);
    const float width = iconButtonWidth(context, icon, label, style);
    const ImVec2 maximum(minimum.x + width, minimum.y + height);
    const bool tapped = touchArea(context, id, minimum, maximum, label.empty() ? icon : label);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 fill =
        ImGui::IsItemActive() ? context.colours.pressed : style.fill.value_or(context.colours.topBarButton);
    const ImU32 content = style.content.value_or(readableOn(context.colours, fill));
    fillRoundedRect(context, drawList, minimum, maximum, fill, height / 2);
    drawList->AddRect(minimum, maximum, context.colours.outline, height / 2, 0,
                      std::max(2.0f, context.metrics.scale * 3));
    float x = minimum.x + context.metrics.padding * 0.7f;
    if (style.pictureImageId) {
        // Nearly the button's height, so the picture is big enough to know at a glance.
        const float side = std::min(buttonPictureSide(context), height - 4 * context.metrics.scale);
        drawPictureDisc(context, drawList,
                        context.pictures.packPicture(*style.pictureImageId, pack::ImageSize::Thumbnail),
                        ImVec2(x + side / 2, minimum.y + height / 2), side, fill);
        x += side + context.metrics.padding * 0.4f;
    } else if (!icon.empty()) {
        const float iconSize = context.metrics.iconSize;
        if (!style.showLabel || label.empty())
            x = minimum.x + (width - iconSize) / 2;
        drawIcon(drawList, context.pictures.icon(icon), ImVec2(x + iconSize / 2, minimum.y + height / 2),
                 iconSize, content);
        x += iconSize + context.metrics.padding * 0.4f;
    }
    if (style.showLabel && !label.empty()) {
        const std::string shown = shownLabel(font, label, style);
        // A short label alone ("+", "OK") sits in the middle of a button made wider for the finger.
        if (icon.empty() && !style.pictureImageId)
            x = minimum.x + (width - widthOf(font, shown)) / 2;
        drawList->AddText(font, font->FontSize, ImVec2(x, minimum.y + (height - font->FontSize) / 2), content,
                          shown.c_str());
    }
    return tapped;
}

float wrappedText(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, float width) {
    const ImVec2 position = ImGui::GetCursorScreenPos();
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str(), text.c_str() + text.size());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, position, colour, text.c_str(),
                                        text.c_str() + text.size(), width);
    context.record.add(text, position, ImVec2(position.x + size.x, position.y + size.y), false);
    ImGui::Dummy(ImVec2(width, size.y));
    // The next line starts where this one did, not at the window's left edge.
    ImGui::SetCursorScreenPos(ImVec2(position.x, position.y + size.y));
    return size.y;
}

void textAt(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, ImVec2 position,
            float maximumWidth) {
    const std::string shown = fittedToWidth(font, text, maximumWidth);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, position, colour, shown.c_str());
    context.record.addCutShort(text, shown, position, ImVec2(position.x + size.x, position.y + size.y));
}

float wrappedHeight(ImFont* font, const std::string& text, float width, int maximumLines) {
    const float height = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
    return std::min(height, font->FontSize * static_cast<float>(maximumLines));
}

// Line by line, as ImGui wraps, so that the last line allowed can end in "…" when text is
// left over: a caption or title cut short says so instead of stopping mid-sentence.
void clampedText(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, ImVec2 position,
                 float width, int maximumLines) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const char* const end = text.c_str() + text.size();
    const char* lineStart = text.c_str();
    float y = position.y;
    std::string allShown; // the lines as drawn, for the record
    for (int line = 0; line < maximumLines && lineStart < end; ++line) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, lineStart, end, width);
        if (lineEnd <= lineStart)
            lineEnd = lineStart + 1; // a glyph wider than the line: take it and move on
        const bool lastAllowed = line + 1 == maximumLines;
        std::string shown(lineStart, lastAllowed ? end : lineEnd);
        if (const std::size_t newline = shown.find('\n'); !lastAllowed && newline != std::string::npos)
            shown.resize(newline);
        if (lastAllowed) {
            std::replace(shown.begin(), shown.end(), '\n', ' '); // the rest runs on in one line
            shown = fittedToWidth(font, shown, width);
        }
        drawList->AddText(font, font->FontSize, ImVec2(position.x, y), colour, shown.c_str());
        allShown += (allShown.empty() ? "" : " ") + shown;
        y += font->FontSize;
        lineStart = lineEnd;
        while (lineStart < end && (*lineStart == ' ' || *lineStart == '\n'))
            ++lineStart;
    }
    const float height = wrappedHeight(font, text, width, maximumLines);
    const bool cutShort = allShown.ends_with("…");
    context.record.addCutShort(text, cutShort ? allShown : text, position,
                               ImVec2(position.x + width, position.y + height));
}

ScrollArea::ScrollArea(UiContext& context, ImVec2 minimum, ImVec2 maximum)
    : context_(context), minimum_(minimum), maximum_(maximum) {
    ImGui::PushClipRect(minimum, maximum, true);
    const float offset = context.scroller ? context.scroller->offset() : 0;
    contentTop_ = minimum.y - offset;
    ImGui::SetCursorScreenPos(ImVec2(minimum.x, contentTop_));
}

ScrollArea::~ScrollArea() {
    const float contentHeight = ImGui::GetCursorScreenPos().y - contentTop_;
    const float visibleHeight = maximum_.y - minimum_.y;
    if (context_.scroller) {
        context_.scroller->setLimit(contentHeight - visibleHeight);
        // A thin position bar tells the villager there is more below, without being a target.
        if (context_.scroller->limit() > 0) {
            const float barHeight =
                std::max(visibleHeight * visibleHeight / contentHeight, context_.metrics.touchTarget);
            const float travel = visibleHeight - barHeight;
            const float top =
                minimum_.y + travel * (context_.scroller->offset() / context_.scroller->limit());
            const float barWidth = std::max(4.0f, 8 * context_.metrics.scale);
            fillRoundedRect(context_, ImGui::GetWindowDrawList(), ImVec2(maximum_.x - barWidth - 2, top),
                            ImVec2(maximum_.x - 2, top + barHeight), context_.colours.scrollBar,
                            barWidth / 2);
        }
    }
    ImGui::PopClipRect();
}

TileSpeaker tileSpeakerOf(const Metrics& metrics, ImVec2 tileMinimum, ImVec2 tileMaximum) {
    return {ImVec2(tileMaximum.x - metrics.touchTarget, tileMinimum.y),
            ImVec2(tileMaximum.x, tileMinimum.y + metrics.touchTarget)};
}

void drawTileSpeaker(UiContext& context, const TileSpeaker& speaker, const std::string& label) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 centre((speaker.minimum.x + speaker.maximum.x) / 2,
                        (speaker.minimum.y + speaker.maximum.y) / 2);
    const float diameter = context.metrics.touchTarget * 0.8f;
    fillCircle(context, drawList, centre, diameter / 2, context.colours.emphasis);
    drawIcon(drawList, context.pictures.icon("speaker"), centre, diameter * 0.6f,
             readableOn(context.colours, context.colours.emphasis));
    context.record.add(label, speaker.minimum, speaker.maximum, true);
}

} // namespace kiosk::ui
