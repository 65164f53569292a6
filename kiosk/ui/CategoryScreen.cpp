#include "Icons.hpp"
#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawCategoryScreen(UiContext& context, const std::string& categoryId) {
    const Metrics& metrics = context.metrics;
    const pack::PackIndex& index = context.pack.index();
    const pack::Category* category = index.findCategory(categoryId);
    const std::string title = category ? context.localized(category->title) : std::string();
    const float barBottom =
        drawTopBar(context, TopBarOptions{true, true, title, std::string(categoryIcon(categoryId))});

    const int columns = metrics.screen.x >= 1000 ? 3 : 2;
    const float areaLeft = metrics.padding;
    const float areaWidth = metrics.screen.x - 2 * metrics.padding;
    const float tileWidth = (areaWidth - (columns - 1) * metrics.gap) / columns;
    const float pictureHeight = tileWidth * 10.0f / 16.0f;
    const float textPadding = metrics.padding * 0.6f;
    const float labelHeight = metrics.headingFontSize * 2.4f + textPadding * 2;
    const float tileHeight = pictureHeight + labelHeight;

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ScrollArea scrollArea(context, ImVec2(0, barBottom), metrics.screen);
    const float contentTop = ImGui::GetCursorScreenPos().y + metrics.padding;
    const std::vector<const pack::PageSummary*> pages = index.pagesIn(categoryId);
    for (std::size_t position = 0; position < pages.size(); ++position) {
        const pack::PageSummary& page = *pages[position];
        const int column = static_cast<int>(position) % columns;
        const int row = static_cast<int>(position) / columns;
        const ImVec2 minimum(areaLeft + column * (tileWidth + metrics.gap),
                             contentTop + row * (tileHeight + metrics.gap));
        const ImVec2 maximum(minimum.x + tileWidth, minimum.y + tileHeight);
        const std::string pageTitle = context.localized(page.title);
        const std::string id = "page-" + page.id;
        // A speaker on the picture, a thumb-sized button of its own. Where the pack has the
        // title spoken, it says the title, so she can hear what each tile is before choosing;
        // else, when the page can be heard, it opens the page reading it aloud. Anywhere else
        // on the tile opens the page.
        const pack::AudioClipInfo* spokenTitle =
            context.page.canPlayAudio ? index.pageTitleRecordingFor(page.id, context.language) : nullptr;
        const pack::AudioClipInfo* narration = context.page.canPlayAudio && !spokenTitle
                                                   ? index.narrationFor(page.id, context.language)
                                                   : nullptr;
        const bool hasSpeaker = spokenTitle || narration;
        const TileSpeaker speaker = tileSpeakerOf(metrics, minimum, maximum);
        if (touchArea(context, id.c_str(), minimum, maximum, pageTitle)) {
            const bool onSpeaker = hasSpeaker && speaker.holds(ImGui::GetIO().MouseClickedPos[0]);
            if (onSpeaker && spokenTitle) {
                context.actions.push_back(action::SpeakTitle{spokenTitle->audioId});
            } else {
                context.actions.push_back(action::OpenPage{page.id});
                if (onSpeaker)
                    context.actions.push_back(action::PlayNarration{narration->audioId});
            }
        }
        drawShadowedCard(context, drawList, minimum, maximum, metrics.rounding, context.colours.surface);
        drawPictureCovering(context, drawList,
                            context.pictures.packPicture(page.coverImageId, pack::ImageSize::Thumbnail),
                            minimum, ImVec2(maximum.x, minimum.y + pictureHeight), metrics.rounding,
                            ImDrawFlags_RoundCornersTop);
        // Named by its word alone, so that a search for the page's title finds the tile.
        if (hasSpeaker)
            drawTileSpeaker(context, speaker, context.word(spokenTitle ? "speak_title" : "narration_play"));
        clampedText(context, pageTitle, context.fonts.heading, context.colours.text,
                    ImVec2(minimum.x + textPadding, minimum.y + pictureHeight + textPadding),
                    tileWidth - 2 * textPadding, 2);
    }
    const int rows = static_cast<int>((pages.size() + columns - 1) / columns);
    ImGui::SetCursorScreenPos(ImVec2(areaLeft, contentTop));
    ImGui::Dummy(ImVec2(areaWidth, rows * (tileHeight + metrics.gap) + metrics.padding));
}

} // namespace kiosk::ui
