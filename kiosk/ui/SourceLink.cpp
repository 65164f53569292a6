#include "PageSections.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {

// Pixels per module: phones read a code whose modules are whole pixels best, so the size is
// a whole number, and never under 4 (below that a cheap panel's blur merges modules).
int modulePixels(const Metrics& metrics) {
    return std::max(4, static_cast<int>(std::lround(6 * metrics.scale)));
}

// Black on white whatever the palette: phone readers expect dark modules on a light ground.
// Each run of dark modules in a row is one rectangle, at whole-pixel positions, so the edges
// stay sharp on every renderer.
void drawQrCode(ImDrawList* drawList, const qr::QrMatrix& code, ImVec2 topLeft, int module) {
    const float side = static_cast<float>(code.sizeWithQuietZone() * module);
    drawList->AddRectFilled(topLeft, ImVec2(topLeft.x + side, topLeft.y + side), IM_COL32_WHITE);
    const float originX = topLeft.x + static_cast<float>(code.quietZone * module);
    const float originY = topLeft.y + static_cast<float>(code.quietZone * module);
    for (int y = 0; y < code.size; ++y) {
        int x = 0;
        while (x < code.size) {
            if (!code.isDark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < code.size && code.isDark(x, y))
                ++x;
            drawList->AddRectFilled(ImVec2(originX + static_cast<float>(runStart * module),
                                           originY + static_cast<float>(y * module)),
                                    ImVec2(originX + static_cast<float>(x * module),
                                           originY + static_cast<float>((y + 1) * module)),
                                    IM_COL32_BLACK);
        }
    }
}

} // namespace

void drawSourceLink(UiContext& context, const std::string& url, float left, float width) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    const std::string sourceLine = context.word("source") + ": " + url;
    const qr::QrMatrix* code = context.page.sourceCode;
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + metrics.gap));
    if (!code) {
        wrappedText(context, sourceLine, context.fonts.small, colours.mutedText, width);
        return;
    }
    const int module = modulePixels(metrics);
    const float side = static_cast<float>(code->sizeWithQuietZone() * module);
    // Whole pixels, so each module covers whole pixels (the page scrolls by fractions).
    const ImVec2 codeTopLeft(std::floor(left), std::floor(ImGui::GetCursorScreenPos().y));
    drawQrCode(ImGui::GetWindowDrawList(), *code, codeTopLeft, module);

    // Beside the code: what it is for, then the link itself behind a link sign.
    const float textLeft = codeTopLeft.x + side + metrics.gap;
    const float textWidth = left + width - textLeft;
    const float linkLeft = textLeft + metrics.iconSize + metrics.gap * 0.5f;
    const float linkWidth = left + width - linkLeft;
    const std::string caption = context.word("qr_caption");
    const float linkHeight =
        std::max(metrics.iconSize, wrappedHeight(context.fonts.small, sourceLine, linkWidth, 100));
    const float textHeight =
        wrappedHeight(context.fonts.bodyBold, caption, textWidth, 100) + metrics.gap * 0.5f + linkHeight;
    const float textTop = codeTopLeft.y + std::max(0.0f, (side - textHeight) / 2);
    ImGui::SetCursorScreenPos(ImVec2(textLeft, textTop));
    wrappedText(context, caption, context.fonts.bodyBold, colours.text, textWidth);
    const float linkTop = ImGui::GetCursorScreenPos().y + metrics.gap * 0.5f;
    drawIcon(ImGui::GetWindowDrawList(), context.pictures.icon("link"),
             ImVec2(textLeft + metrics.iconSize / 2, linkTop + linkHeight / 2), metrics.iconSize * 0.8f,
             colours.emphasis);
    const float sourceHeight = wrappedHeight(context.fonts.small, sourceLine, linkWidth, 100);
    ImGui::SetCursorScreenPos(ImVec2(linkLeft, linkTop + (linkHeight - sourceHeight) / 2));
    wrappedText(context, sourceLine, context.fonts.small, colours.mutedText, linkWidth);
    const float bottom = std::max(codeTopLeft.y + side, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(left, bottom));
}

} // namespace kiosk::ui
