#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
constexpr std::int64_t kMillisecondsPerPicture = 7000;
constexpr std::int64_t kCrossfadeMilliseconds = 1200;
} // namespace

void drawAttractScreen(UiContext& context, const AttractState& attract) {
    const Metrics& metrics = context.metrics;
    const pack::PackIndex& index = context.pack.index();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, context.colours.viewerBackground);

    // Featured pictures, one after another with a crossfade. Each drifts slowly, which also
    // keeps a cheap panel from burning in the same image all night.
    const std::vector<std::int64_t> pictures = index.featuredImageIds();
    const std::int64_t elapsed =
        std::max<std::int64_t>(0, context.nowMilliseconds - attract.startedMilliseconds);
    if (!pictures.empty()) {
        const auto count = static_cast<std::int64_t>(pictures.size());
        const std::int64_t slot = elapsed / kMillisecondsPerPicture;
        const std::int64_t intoSlot = elapsed % kMillisecondsPerPicture;
        auto drawSlide = [&](std::int64_t slide, float alpha, std::int64_t age) {
            const std::int64_t imageId = pictures[static_cast<std::size_t>(slide % count)];
            const float drift = 1.0f + 0.06f * static_cast<float>(age) / kMillisecondsPerPicture;
            const ImVec2 centre(metrics.screen.x / 2 + (slide % 2 ? 1.0f : -1.0f) * 20 * metrics.scale *
                                                           static_cast<float>(age) / kMillisecondsPerPicture,
                                metrics.screen.y / 2);
            const ImVec2 half(metrics.screen.x * drift / 2, metrics.screen.y * drift / 2);
            const ImU32 tint = IM_COL32(255, 255, 255, static_cast<int>(255 * std::clamp(alpha, 0.0f, 1.0f)));
            drawPictureCovering(
                context, drawList, context.pictures.packPicture(imageId, pack::ImageSize::Full),
                ImVec2(centre.x - half.x, centre.y - half.y), ImVec2(centre.x + half.x, centre.y + half.y), 0,
                ImDrawFlags_RoundCornersNone, tint);
        };
        drawSlide(slot, 1.0f, intoSlot + kMillisecondsPerPicture);
        // The next slide fades in over this one: decoded ahead, it never appears as a placeholder.
        context.pictures.prefetch(pictures[static_cast<std::size_t>((slot + 1) % count)],
                                  pack::ImageSize::Full);
        if (slot > 0 && intoSlot < kCrossfadeMilliseconds)
            drawSlide(slot - 1, 1.0f - static_cast<float>(intoSlot) / kCrossfadeMilliseconds,
                      intoSlot + kMillisecondsPerPicture);
    }

    // The invitation, in every language of the pack, over a dark band for contrast.
    const auto& languages = index.languages;
    const float lineHeight = metrics.headingFontSize * 1.3f;
    const float bandHeight = metrics.titleFontSize * 1.4f +
                             lineHeight * static_cast<float>(languages.size()) + metrics.padding * 2;
    const float bandTop = metrics.screen.y - bandHeight;
    drawList->AddRectFilledMultiColor(ImVec2(0, bandTop - metrics.padding * 2),
                                      ImVec2(metrics.screen.x, bandTop), IM_COL32(0, 0, 0, 0),
                                      IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 170), IM_COL32(0, 0, 0, 170));
    drawList->AddRectFilled(ImVec2(0, bandTop), metrics.screen, IM_COL32(0, 0, 0, 170));

    // A pulsing hand shows what to do for those who do not read.
    const float pulse = 0.5f + 0.5f * std::sin(static_cast<float>(elapsed) / 1000.0f * 3.14159f);
    const float handSize = metrics.iconSize * (2.0f + 0.25f * pulse);
    const ImVec2 handCentre(metrics.padding + metrics.iconSize * 1.4f, bandTop + bandHeight / 2);
    const ImU32 disc = (context.colours.accent & ~IM_COL32_A_MASK) |
                       (static_cast<ImU32>(150 + 100 * pulse) << IM_COL32_A_SHIFT);
    fillCircle(context, drawList, handCentre, handSize * 0.62f, disc);
    drawIcon(drawList, context.pictures.icon("touch"), handCentre, handSize * 0.8f, context.colours.onDark);

    const float textLeft = handCentre.x + metrics.iconSize * 2;
    float y = bandTop + metrics.padding;
    std::string title;
    for (const pack::Language& language : languages)
        if (language.code == index.metadata.defaultLanguage)
            title = language.packTitle;
    textAt(context, title, context.fonts.title, context.colours.onDark, ImVec2(textLeft, y),
           metrics.screen.x - textLeft - metrics.padding);
    y += metrics.titleFontSize * 1.4f;
    for (const pack::Language& language : languages) {
        textAt(context, context.strings.get("touch_to_start", language.code), context.fonts.heading,
               language.code == index.metadata.defaultLanguage ? context.colours.onDark
                                                               : IM_COL32(230, 230, 230, 255),
               ImVec2(textLeft, y), metrics.screen.x - textLeft - metrics.padding);
        y += lineHeight;
    }
}

} // namespace kiosk::ui
