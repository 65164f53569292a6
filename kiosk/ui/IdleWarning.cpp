#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace kiosk::ui {

// Dims the visit beneath rather than hiding it: she should see that her page is still there
// and will stay if she touches the screen.
void drawIdleWarning(UiContext& context, const IdleWarningState& warning) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, IM_COL32(0, 0, 0, 150));

    const std::string question = context.word("idle_question");
    const std::string hint = context.word("idle_touch_to_stay");
    const float handDisc = metrics.touchTarget * 1.8f;
    const float cardWidth =
        std::min(metrics.screen.x - 2 * metrics.padding, 900 * metrics.scale + 2 * metrics.padding);
    const float textWidth = cardWidth - handDisc - 3 * metrics.padding;
    const float questionHeight = wrappedHeight(context.fonts.title, question, textWidth, 3);
    const float hintHeight = wrappedHeight(context.fonts.body, hint, textWidth, 3);
    const float barRow = metrics.titleFontSize * 1.2f;
    const float cardHeight = std::max(handDisc, questionHeight + metrics.gap * 0.5f + hintHeight) +
                             2 * metrics.padding + metrics.gap + barRow;
    const ImVec2 minimum((metrics.screen.x - cardWidth) / 2, (metrics.screen.y - cardHeight) / 2);
    const ImVec2 maximum(minimum.x + cardWidth, minimum.y + cardHeight);
    drawShadowedCard(context, drawList, minimum, maximum, metrics.rounding, colours.surface);

    // The same pulsing hand as the attract loop: "touch the screen", for those who do not read.
    const std::int64_t shown =
        std::max<std::int64_t>(0, context.nowMilliseconds - warning.startedMilliseconds);
    const float pulse =
        0.5f + 0.5f * std::sin(static_cast<float>(shown) / 1000.0f * std::numbers::pi_v<float>);
    const ImVec2 handCentre(minimum.x + metrics.padding + handDisc / 2,
                            minimum.y + metrics.padding + handDisc / 2);
    fillCircle(context, drawList, handCentre, handDisc / 2 * (0.92f + 0.08f * pulse), colours.accent);
    drawIcon(drawList, context.pictures.icon("touch"), handCentre, handDisc * 0.62f, colours.onAccent);

    const float textLeft = handCentre.x + handDisc / 2 + metrics.padding;
    clampedText(context, question, context.fonts.title, colours.text,
                ImVec2(textLeft, minimum.y + metrics.padding), textWidth, 3);
    clampedText(context, hint, context.fonts.body, colours.mutedText,
                ImVec2(textLeft, minimum.y + metrics.padding + questionHeight + metrics.gap * 0.5f),
                textWidth, 3);

    // The time left, as a bar that empties and as whole seconds: a visitor who cannot read
    // numbers still sees it running out.
    const float barHeight = metrics.touchTarget * 0.3f;
    const ImVec2 barMinimum(minimum.x + metrics.padding,
                            maximum.y - metrics.padding - barRow / 2 - barHeight / 2);
    const ImVec2 barMaximum(maximum.x - metrics.padding * 3.5f, barMinimum.y + barHeight);
    const float left = warning.durationMilliseconds > 0
                           ? std::clamp(static_cast<float>(warning.remainingMilliseconds) /
                                            static_cast<float>(warning.durationMilliseconds),
                                        0.0f, 1.0f)
                           : 0.0f;
    fillRoundedRect(context, drawList, barMinimum, barMaximum, colours.factsBox, barHeight / 2);
    fillRoundedRect(
        context, drawList, barMinimum,
        ImVec2(barMinimum.x + std::max(barHeight, (barMaximum.x - barMinimum.x) * left), barMaximum.y),
        colours.emphasis, barHeight / 2);
    const std::string seconds = std::to_string((warning.remainingMilliseconds + 999) / 1000);
    ImFont* numberFont = context.fonts.title;
    const ImVec2 numberSize = numberFont->CalcTextSizeA(numberFont->FontSize, FLT_MAX, 0, seconds.c_str());
    textAt(
        context, seconds, numberFont, colours.emphasis,
        ImVec2(maximum.x - metrics.padding - numberSize.x, barMinimum.y + barHeight / 2 - numberSize.y / 2));
}

} // namespace kiosk::ui
