#include "Icons.hpp"
#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

std::vector<std::int64_t> homeScreenThumbnails(const pack::PackIndex& index) {
    std::vector<std::int64_t> images;
    for (const pack::Category& category : index.categories)
        images.push_back(category.imageId);
    return images;
}

std::vector<std::string> homeScreenIcons(const pack::PackIndex& index) {
    std::vector<std::string> icons = {"language", "contrast", "large-text", "pictures"};
    for (const pack::Category& category : index.categories)
        if (const std::string icon(categoryIcon(category.id));
            std::find(icons.begin(), icons.end(), icon) == icons.end())
            icons.push_back(icon);
    return icons;
}

void drawHomeScreen(UiContext& context) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    const pack::PackIndex& index = context.pack.index();
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    // Header: the pack's title and a one-line invitation, with the language and mode switches.
    const float headerHeight = metrics.topBarHeight * 1.5f;
    drawList->AddRectFilled(ImVec2(0, 0), ImVec2(metrics.screen.x, headerHeight), colours.topBar);
    const float edge = std::max(2.0f, 3 * metrics.scale);
    drawList->AddRectFilled(ImVec2(0, headerHeight - edge), ImVec2(metrics.screen.x, headerHeight),
                            colours.topBarEdge);
    const float buttonHeight = metrics.topBarHeight - 2 * std::max(6.0f, 8 * metrics.scale);
    const float buttonTop = (headerHeight - buttonHeight) / 2;
    // The pack's title keeps a quarter of the screen whatever the languages' names.
    const float languagesLeft = drawLanguageSwitch(
        context, metrics.screen.x - metrics.padding,
        metrics.padding + metrics.screen.x * 0.25f + modeSwitchesWidth(context), buttonTop, buttonHeight);
    const float switchesLeft =
        drawModeSwitches(context, languagesLeft - metrics.buttonGap, buttonTop, buttonHeight);
    std::string title;
    for (const pack::Language& language : index.languages)
        if (language.code == context.language)
            title = language.packTitle;
    const float textWidth = switchesLeft - 2 * metrics.padding;
    const float textTop = (headerHeight - metrics.titleFontSize - metrics.bodyFontSize * 1.2f) / 2;
    textAt(context, title, context.fonts.title, colours.onDark, ImVec2(metrics.padding, textTop), textWidth);
    textAt(context, context.word("welcome"), context.fonts.body, colours.topBarSubtitle,
           ImVec2(metrics.padding, textTop + metrics.titleFontSize * 1.15f), textWidth);

    // One big picture tile per category, filling the rest of the screen.
    const auto& categories = index.categories;
    if (categories.empty())
        return;
    const int count = static_cast<int>(categories.size());
    const bool portrait = metrics.screen.y > metrics.screen.x;
    const int columns = portrait ? std::min(count, 2) : std::min(count, 4);
    const int rows = (count + columns - 1) / columns;
    const float top = headerHeight + metrics.padding;
    const float tileWidth = (metrics.screen.x - 2 * metrics.padding - (columns - 1) * metrics.gap) / columns;
    const float tileHeight = (metrics.screen.y - top - metrics.padding - (rows - 1) * metrics.gap) / rows;
    const float labelHeight =
        std::max(metrics.touchTarget, metrics.headingFontSize * 1.3f + metrics.smallFontSize * 1.5f);
    const ImU32 onLabel = readableOn(colours, colours.accent);

    for (int position = 0; position < count; ++position) {
        const pack::Category& category = categories[static_cast<std::size_t>(position)];
        const ImVec2 minimum(metrics.padding + (position % columns) * (tileWidth + metrics.gap),
                             top + (position / columns) * (tileHeight + metrics.gap));
        const ImVec2 maximum(minimum.x + tileWidth, minimum.y + tileHeight);
        const std::string name = context.localized(category.title);
        const std::string id = "category-" + category.id;
        // Where the pack has the title spoken, a speaker in the picture's corner says it (a button
        // of its own, thumb-sized); anywhere else on the tile opens the category.
        const pack::AudioClipInfo* spokenTitle =
            context.page.canPlayAudio ? index.categoryTitleRecordingFor(category.id, context.language)
                                      : nullptr;
        const TileSpeaker speaker = tileSpeakerOf(metrics, minimum, maximum);
        if (touchArea(context, id.c_str(), minimum, maximum, name)) {
            if (spokenTitle && speaker.holds(ImGui::GetIO().MouseClickedPos[0]))
                context.actions.push_back(action::SpeakTitle{spokenTitle->audioId});
            else
                context.actions.push_back(action::OpenCategory{category.id});
        }
        drawShadowedCard(context, drawList, minimum, maximum, metrics.rounding, colours.surface);
        const ImVec2 pictureMaximum(maximum.x, maximum.y - labelHeight);
        drawPictureCovering(context, drawList,
                            context.pictures.packPicture(category.imageId, pack::ImageSize::Thumbnail),
                            minimum, pictureMaximum, metrics.rounding, ImDrawFlags_RoundCornersTop);
        fillRoundedRect(context, drawList, ImVec2(minimum.x, pictureMaximum.y), maximum, colours.accent,
                        metrics.rounding, ImDrawFlags_RoundCornersBottom);
        // The category's pictogram on a disc over the picture's corner: the same sign that
        // heads the category's own screen, so the way in can be followed without reading.
        const float badge = metrics.iconSize * 1.5f;
        const ImVec2 badgeCentre(minimum.x + metrics.padding * 0.5f + badge / 2,
                                 pictureMaximum.y - badge * 0.35f);
        fillCircle(context, drawList, badgeCentre, badge / 2 + edge, colours.surface);
        fillCircle(context, drawList, badgeCentre, badge / 2, colours.emphasis);
        drawIcon(drawList, context.pictures.icon(std::string(categoryIcon(category.id))), badgeCentre,
                 badge * 0.64f, readableOn(colours, colours.emphasis));
        if (spokenTitle)
            drawTileSpeaker(context, speaker, context.word("speak_title"));
        const float textLeft = minimum.x + metrics.padding * 0.6f;
        const float labelTop =
            pictureMaximum.y + badge * 0.15f +
            (labelHeight - badge * 0.15f - metrics.headingFontSize * 1.15f - metrics.smallFontSize) / 2;
        textAt(context, name, context.fonts.heading, onLabel, ImVec2(textLeft, labelTop),
               tileWidth - metrics.padding * 1.2f);
        const std::string pages = text::fillPlaceholder(context.word("pages_count"), "count",
                                                        std::to_string(index.pagesIn(category.id).size()));
        textAt(context, pages, context.fonts.small, onLabel,
               ImVec2(textLeft, labelTop + metrics.headingFontSize * 1.15f));
    }
}

} // namespace kiosk::ui
