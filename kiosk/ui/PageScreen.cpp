#include "Icons.hpp"
#include "PageSections.hpp"
#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <climits>

namespace kiosk::ui {

namespace {

// "2022-06-16 14:00" -> "16/06/2022 14:00", "2017-03" -> "03/2017", "2017" -> "2017":
// the day-first order used in Vietnam.
std::string dayFirstDate(const std::string& isoDate) {
    const std::string date = isoDate.substr(0, 10);
    const std::string time = isoDate.size() > 11 ? " " + isoDate.substr(11) : "";
    if (date.size() == 10)
        return date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4) + time;
    if (date.size() == 7)
        return date.substr(5, 2) + "/" + date.substr(0, 4);
    return date;
}

struct Fact {
    const char* icon;
    std::string label;
    std::string value;
};

std::vector<Fact> factsOf(const UiContext& context, const pack::PageContent& page) {
    std::vector<Fact> facts;
    if (page.meeting) {
        std::string when = dayFirstDate(page.meeting->startsAt);
        if (page.meeting->endsAt)
            when += " – " + dayFirstDate(*page.meeting->endsAt);
        facts.push_back({"calendar", context.word("when"), when});
        facts.push_back({"place", context.word("where"), page.meeting->place});
        facts.push_back({"people", context.word("organiser"), page.meeting->organiser});
    }
    if (page.programme) {
        std::string period = dayFirstDate(page.programme->periodStart);
        if (page.programme->periodEnd)
            period += " – " + dayFirstDate(*page.programme->periodEnd);
        facts.push_back({"map", context.word("provinces"), page.programme->provinces});
        facts.push_back({"period", context.word("period"), period});
        facts.push_back({"partners", context.word("partners"), page.programme->partners});
    }
    return facts;
}

void drawFactsBox(UiContext& context, const std::vector<Fact>& facts, float left, float width) {
    if (facts.empty())
        return;
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float inner = metrics.padding * 0.8f;
    const float iconColumn = metrics.iconSize + inner;
    const float textWidth = width - 2 * inner - iconColumn;
    float height = inner;
    for (const Fact& fact : facts)
        height += metrics.smallFontSize * 1.2f +
                  wrappedHeight(context.fonts.bodyBold, fact.value, textWidth, 100) + inner;
    const ImVec2 minimum(left, ImGui::GetCursorScreenPos().y);
    fillRoundedRect(context, drawList, minimum, ImVec2(left + width, minimum.y + height),
                    context.colours.factsBox, metrics.rounding);
    drawList->AddRect(minimum, ImVec2(left + width, minimum.y + height), context.colours.outline,
                      metrics.rounding, 0, 2);
    float y = minimum.y + inner;
    for (const Fact& fact : facts) {
        drawIcon(drawList, context.pictures.icon(fact.icon),
                 ImVec2(left + inner + metrics.iconSize / 2, y + metrics.iconSize / 2), metrics.iconSize,
                 context.colours.factsIcon);
        const float textLeft = left + inner + iconColumn;
        textAt(context, fact.label, context.fonts.small, context.colours.mutedText, ImVec2(textLeft, y));
        ImGui::SetCursorScreenPos(ImVec2(textLeft, y + metrics.smallFontSize * 1.2f));
        y += metrics.smallFontSize * 1.2f +
             wrappedText(context, fact.value, context.fonts.bodyBold, context.colours.text, textWidth);
        y += inner;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, minimum.y + height + metrics.gap));
}

void drawGallery(UiContext& context, const pack::PageContent& page, float left, float width) {
    if (page.gallery.empty())
        return;
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + metrics.gap));
    wrappedText(context, context.word("pictures"), context.fonts.heading, context.colours.emphasis, width);
    const int columns = width > 900 ? 3 : 2;
    const float tileWidth = (width - (columns - 1) * metrics.gap) / columns;
    const float pictureHeight = tileWidth * 10.0f / 16.0f;
    const float captionHeight = metrics.smallFontSize * 2.3f + metrics.padding * 0.5f;
    const float top = ImGui::GetCursorScreenPos().y + metrics.gap * 0.5f;
    for (std::size_t position = 0; position < page.gallery.size(); ++position) {
        const pack::GalleryPicture& picture = page.gallery[position];
        const int column = static_cast<int>(position) % columns;
        const int row = static_cast<int>(position) / columns;
        const ImVec2 minimum(left + column * (tileWidth + metrics.gap),
                             top + row * (pictureHeight + captionHeight + metrics.gap));
        const ImVec2 pictureMaximum(minimum.x + tileWidth, minimum.y + pictureHeight);
        const std::string id = "gallery-" + std::to_string(position);
        const std::string label = picture.caption.empty()
                                      ? context.word("pictures") + " " + std::to_string(position + 1)
                                      : picture.caption;
        if (touchArea(context, id.c_str(), minimum,
                      ImVec2(pictureMaximum.x, pictureMaximum.y + captionHeight), label))
            context.actions.push_back(action::OpenPicture{static_cast<int>(position)});
        drawPictureCovering(context, drawList,
                            context.pictures.packPicture(picture.imageId, pack::ImageSize::Thumbnail),
                            minimum, pictureMaximum, metrics.rounding);
        // A small magnifier-like badge says "tap to see it big" without words.
        const float badge = metrics.iconSize * 0.9f;
        const ImVec2 badgeCentre(pictureMaximum.x - badge * 0.7f, pictureMaximum.y - badge * 0.7f);
        fillCircle(context, drawList, badgeCentre, badge * 0.6f, IM_COL32(0, 0, 0, 120));
        drawIcon(drawList, context.pictures.icon("pictures"), badgeCentre, badge * 0.7f,
                 context.colours.onDark);
        clampedText(context, picture.caption, context.fonts.small, context.colours.mutedText,
                    ImVec2(minimum.x, pictureMaximum.y + metrics.padding * 0.25f), tileWidth, 2);
    }
    const int rows = static_cast<int>((page.gallery.size() + columns - 1) / columns);
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    ImGui::Dummy(ImVec2(width, rows * (pictureHeight + captionHeight + metrics.gap)));
}

// The block the page's narration is reading now: only while it plays or is paused, and only
// when it reads the text shown (a narration in a language the page falls back from does not).
std::optional<int> blockBeingRead(const UiContext& context, const pack::PageContent& page,
                                  const pack::AudioClipInfo* narration) {
    if (!narration || narration->language != page.language ||
        !isNarrationLoaded(context.page.playback, *narration))
        return std::nullopt;
    return narration->blockReadAt(context.page.playback.positionMilliseconds);
}

float blockHeight(const UiContext& context, const pack::TextBlock& block, float width) {
    const Metrics& metrics = context.metrics;
    switch (block.kind) {
    case pack::BlockKind::Heading:
        return metrics.gap * 0.4f + wrappedHeight(context.fonts.heading, block.text, width, INT_MAX);
    case pack::BlockKind::Paragraph:
        return wrappedHeight(context.fonts.body, block.text, width, INT_MAX);
    case pack::BlockKind::Bullet:
        return wrappedHeight(context.fonts.body, block.text, width - metrics.bodyFontSize * 1.4f, INT_MAX);
    }
    return 0;
}

// A soft band behind the block and a bar beside it, so that a listener who reads a little can
// follow the voice; drawn before the block's text, at the cursor.
void markBlockBeingRead(UiContext& context, int blockIndex, const pack::TextBlock& block, float left,
                        float width) {
    const Metrics& metrics = context.metrics;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float inset = metrics.padding * 0.4f;
    const ImVec2 minimum(left - inset, top.y - inset * 0.5f);
    const ImVec2 maximum(left + width + inset, top.y + blockHeight(context, block, width) + inset * 0.5f);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    fillRoundedRect(context, drawList, minimum, maximum, context.colours.readingMark, metrics.rounding / 2);
    const float bar = std::max(4.0f, 6 * metrics.scale);
    drawList->AddRectFilled(ImVec2(minimum.x, minimum.y), ImVec2(minimum.x + bar, maximum.y),
                            context.colours.accent);
    context.record.add(context.word("narration_reading_here"), minimum, maximum, false);
    context.blockBeingRead = UiContext::BlockOnScreen{blockIndex, minimum, maximum};
}

} // namespace

void drawPageScreen(UiContext& context, const pack::PageContent& page) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    const pack::PackIndex& index = context.pack.index();
    const pack::PageSummary* summary = index.findPage(page.id);
    const float barBottom =
        drawTopBar(context, TopBarOptions{true, true, "",
                                          summary ? std::string(categoryIcon(summary->categoryId)) : ""});
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    const ScrollArea scrollArea(context, ImVec2(0, barBottom), metrics.screen);
    // A readable line length on wide screens: text never runs the full width of a 1920 panel.
    const float width = std::min(metrics.screen.x - 2 * metrics.padding, 1100 * metrics.scale);
    const float left = (metrics.screen.x - width) / 2;
    float y = ImGui::GetCursorScreenPos().y + metrics.padding;

    const float coverHeight = std::min(width * 10.0f / 16.0f, metrics.screen.y * 0.5f);
    drawPictureCovering(context, drawList,
                        context.pictures.packPicture(page.coverImageId, pack::ImageSize::Full),
                        ImVec2(left, y), ImVec2(left + width, y + coverHeight), metrics.rounding);
    const float coverBottom = y + coverHeight;
    y = coverBottom + metrics.gap;

    // The title, and beside it the speaker when the page can be heard in the visitor's language.
    const pack::AudioClipInfo* narration =
        context.page.canPlayAudio ? index.narrationFor(page.id, context.language) : nullptr;
    const float narrationWidth = narration ? narrationColumnWidth(context, *narration) : 0;
    const float titleWidth = narration ? width - narrationWidth - metrics.gap : width;
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    const float titleBottom =
        y + wrappedText(context, page.title, context.fonts.title, colours.text, titleWidth);
    if (narration) {
        const float narrationBottom =
            drawNarrationButton(context, *narration, left + width, coverBottom, y, narrationWidth);
        ImGui::SetCursorScreenPos(ImVec2(left, std::max(titleBottom, narrationBottom)));
    }
    if (page.isFallback) {
        std::string shownIn = page.language;
        for (const pack::Language& language : index.languages)
            if (language.code == page.language)
                shownIn = language.nativeName;
        const std::string marker =
            text::fillPlaceholder(context.word("translation_missing"), "language", shownIn);
        const ImVec2 position = ImGui::GetCursorScreenPos();
        const ImVec2 size =
            context.fonts.small->CalcTextSizeA(metrics.smallFontSize, FLT_MAX, 0, marker.c_str());
        const float inset = metrics.padding * 0.4f;
        fillRoundedRect(context, drawList, position,
                        ImVec2(position.x + size.x + 2 * inset, position.y + size.y + 2 * inset),
                        colours.fallbackMarker, metrics.rounding / 2);
        textAt(context, marker, context.fonts.small, readableOn(colours, colours.fallbackMarker),
               ImVec2(position.x + inset, position.y + inset));
        ImGui::SetCursorScreenPos(ImVec2(position.x, position.y + size.y + 2 * inset + metrics.gap * 0.5f));
    }
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + metrics.gap * 0.5f));
    drawFactsBox(context, factsOf(context, page), left, width);
    wrappedText(context, page.summary, context.fonts.bodyBold, colours.text, width);

    const std::optional<int> blockRead = blockBeingRead(context, page, narration);
    for (std::size_t blockIndex = 0; blockIndex < page.blocks.size(); ++blockIndex) {
        const pack::TextBlock& block = page.blocks[blockIndex];
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + metrics.gap * 0.6f));
        if (blockRead && static_cast<std::size_t>(*blockRead) == blockIndex)
            markBlockBeingRead(context, *blockRead, block, left, width);
        switch (block.kind) {
        case pack::BlockKind::Heading:
            ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + metrics.gap * 0.4f));
            wrappedText(context, block.text, context.fonts.heading, colours.emphasis, width);
            break;
        case pack::BlockKind::Paragraph:
            wrappedText(context, block.text, context.fonts.body, colours.text, width);
            break;
        case pack::BlockKind::Bullet: {
            const float indent = metrics.bodyFontSize * 1.4f;
            const ImVec2 position = ImGui::GetCursorScreenPos();
            fillCircle(context, drawList,
                       ImVec2(left + indent * 0.4f, position.y + metrics.bodyFontSize * 0.62f),
                       metrics.bodyFontSize * 0.16f, colours.accent);
            ImGui::SetCursorScreenPos(ImVec2(left + indent, position.y));
            wrappedText(context, block.text, context.fonts.body, colours.text, width - indent);
            break;
        }
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    drawGallery(context, page, left, width);
    if (page.sourceUrl)
        drawSourceLink(context, *page.sourceUrl, left, width);
    if (const pack::PagePoll* poll = index.poll(page.id))
        drawPagePoll(context, page, *poll, left, width);
    // Room at the end for the narration player, so it covers nothing of the page's last lines.
    const bool playerShown = narration && isNarrationLoaded(context.page.playback, *narration);
    ImGui::Dummy(ImVec2(width, metrics.padding * 2 + (playerShown ? narrationPlayerHeight(metrics) : 0)));
}

} // namespace kiosk::ui
