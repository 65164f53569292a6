#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawPictureViewer(UiContext& context, const pack::PageContent& page, const PictureViewerState& viewer) {
    if (page.gallery.empty())
        return;
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const int count = static_cast<int>(page.gallery.size());
    const int index = std::clamp(viewer.index, 0, count - 1);
    const pack::GalleryPicture& picture = page.gallery[static_cast<std::size_t>(index)];

    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, context.colours.viewerBackground);

    const float captionHeight =
        picture.caption.empty() ? metrics.padding : metrics.bodyFontSize * 2.6f + metrics.padding;
    // The top band holds the close button, so it never covers the picture.
    const float topBand = metrics.touchTarget + 2 * metrics.padding;
    const ImVec2 areaMinimum(viewer.dragOffset, topBand);
    const ImVec2 areaMaximum(metrics.screen.x + viewer.dragOffset, metrics.screen.y - captionHeight);
    drawPictureContained(drawList, context.pictures.packPicture(picture.imageId, pack::ImageSize::Full),
                         areaMinimum, areaMaximum);
    // A swipe either way shows a neighbour: have it decoded before the finger lifts.
    for (const int neighbour : {index + 1, index - 1})
        if (neighbour >= 0 && neighbour < count)
            context.pictures.prefetch(page.gallery[static_cast<std::size_t>(neighbour)].imageId,
                                      pack::ImageSize::Full);

    // Caption, and one dot per picture so the villager sees there are more.
    if (!picture.caption.empty()) {
        const float width = metrics.screen.x - 2 * metrics.padding;
        const float textHeight = wrappedHeight(context.fonts.body, picture.caption, width, 2);
        const ImVec2 position(metrics.padding,
                              metrics.screen.y - captionHeight + (captionHeight - textHeight) / 2);
        const ImVec4 clip(position.x, position.y, position.x + width, position.y + textHeight);
        drawList->AddText(context.fonts.body, metrics.bodyFontSize, position, context.colours.onDark,
                          picture.caption.c_str(), nullptr, width, &clip);
        context.record.add(picture.caption, position, ImVec2(position.x + width, position.y + textHeight),
                           false);
    }
    const float dot = std::max(6.0f, 12 * metrics.scale);
    const float dotsWidth = static_cast<float>(count) * dot * 2.5f;
    for (int position = 0; position < count; ++position)
        fillCircle(
            context, drawList,
            ImVec2(metrics.screen.x / 2 - dotsWidth / 2 + (static_cast<float>(position) + 0.5f) * dot * 2.5f,
                   topBand / 2),
            dot / 2, position == index ? context.colours.accent : IM_COL32(255, 255, 255, 110));

    ButtonStyle style;
    style.fill = IM_COL32(60, 60, 60, 230);
    const float size = metrics.touchTarget;
    const std::string closeLabel = context.word("close");
    const float closeWidth = iconButtonWidth(context, "close", closeLabel, style);
    if (iconButton(context, "viewer-close", "close", closeLabel,
                   ImVec2(metrics.screen.x - closeWidth - metrics.padding, metrics.padding), size, style)) {
        context.actions.push_back(action::ClosePicture{});
        context.actions.push_back(action::SpeakWord{"close"});
    }
    if (index > 0 && iconButton(context, "viewer-previous", "previous", "",
                                ImVec2(metrics.padding, (metrics.screen.y - size) / 2), size, style)) {
        context.actions.push_back(action::ShowPicture{index - 1});
        context.actions.push_back(action::SpeakWord{"previous"});
    }
    if (index + 1 < count &&
        iconButton(context, "viewer-next", "next", "",
                   ImVec2(metrics.screen.x - size - metrics.padding, (metrics.screen.y - size) / 2), size,
                   style)) {
        context.actions.push_back(action::ShowPicture{index + 1});
        context.actions.push_back(action::SpeakWord{"next"});
    }
}

} // namespace kiosk::ui
