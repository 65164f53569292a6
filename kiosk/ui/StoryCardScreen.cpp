// A page told as story cards: one picture, one or two sentences and one recording a screen.
// The picture takes the left of the screen and the sentence the right; a row along the bottom
// holds the big arrows at both ends, the dots that show how far she is, and "read more" for the
// whole article. After the last card comes an end card with the poll and the way home.
#include "Icons.hpp"
#include "PageSections.hpp"
#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"
#include "pack/StoryCardText.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {

// Tried in turn: the largest picture that leaves the sentence room to fit. Large text takes
// a narrower picture before its words are cut.
constexpr float kPictureShares[] = {0.62f, 0.54f, 0.46f, 0.38f};

ButtonStyle arrowStyle(const UiContext& context) {
    ButtonStyle style;
    style.fill = context.colours.emphasis;
    style.showLabel = false;
    style.width = context.metrics.touchTarget * 1.3f;
    return style;
}

// The row along the bottom: previous, the dots, read more, next.
void drawStoryControls(UiContext& context, const pack::PageContent& page, const StoryState& story,
                       const StoryCardLayout& layout) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const int count = static_cast<int>(page.cards.size());
    const float height = metrics.touchTarget;
    const float top = layout.controlsTop;
    const ButtonStyle arrows = arrowStyle(context);
    if (story.card > 0 && iconButton(context, "card-previous", "previous", context.word("previous"),
                                     ImVec2(layout.left, top), height, arrows)) {
        context.actions.push_back(action::ShowCard{story.card - 1});
        context.actions.push_back(action::SpeakWord{"previous"});
    }
    if (story.card < count &&
        iconButton(context, "card-next", "next", context.word("next"),
                   ImVec2(layout.left + layout.width - arrows.width, top), height, arrows)) {
        context.actions.push_back(action::ShowCard{story.card + 1});
        context.actions.push_back(action::SpeakWord{"next"});
    }

    // "Read more" on the right, just inside the next arrow; the dots in the middle of what is left.
    ButtonStyle readStyle;
    readStyle.fill = colours.surface;
    readStyle.content = colours.emphasis;
    readStyle.font = context.fonts.bodyBold;
    const std::string readLabel = context.word("read_more");
    const float readWidth = iconButtonWidth(context, "read", readLabel, readStyle);
    const float readLeft = layout.left + layout.width - arrows.width - metrics.gap - readWidth;
    if (iconButton(context, "card-read-more", "read", readLabel, ImVec2(readLeft, top), height, readStyle)) {
        context.actions.push_back(action::ReadArticle{});
        context.actions.push_back(action::SpeakWord{"read_more"});
    }
    const float dot = std::max(10.0f, 18 * metrics.scale);
    const float spacing = dot * 1.8f;
    const float dotsLeft = layout.left + arrows.width + metrics.gap;
    const float dotsCentre = (dotsLeft + readLeft - metrics.gap) / 2;
    const float firstX = dotsCentre - spacing * static_cast<float>(count - 1) / 2;
    for (int position = 0; position < count; ++position) {
        const ImVec2 centre(firstX + spacing * static_cast<float>(position), top + height / 2);
        const bool reached = position <= story.card;
        fillCircle(context, drawList, centre, position == story.card ? dot * 0.62f : dot / 2,
                   reached ? colours.emphasis : colours.progressTrack);
    }
}

void drawCard(UiContext& context, const pack::PageContent& page, const StoryState& story,
              const StoryCardLayout& layout) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const pack::StoryCard& card = page.cards[static_cast<std::size_t>(story.card)];
    const float shift = story.dragOffset;
    drawPictureCovering(context, drawList, context.pictures.packPicture(card.imageId, pack::ImageSize::Full),
                        ImVec2(layout.pictureMinimum.x + shift, layout.pictureMinimum.y),
                        ImVec2(layout.pictureMaximum.x + shift, layout.pictureMaximum.y), metrics.rounding);

    float y = layout.textTop;
    const pack::AudioClipInfo* narration =
        context.page.canPlayAudio
            ? context.pack.index().cardNarrationFor(page.id, story.card, context.language)
            : nullptr;
    if (narration) {
        const float width = narrationColumnWidth(context, *narration);
        const float discRadius = layout.narrationHeight / 2;
        y = drawNarrationButton(context, *narration, layout.textLeft + width, y + discRadius,
                                y + discRadius - context.fonts.bodyBold->FontSize / 2, width) +
            metrics.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(layout.textLeft + shift, y));
    wrappedText(context, card.text, context.fonts.heading, colours.text, layout.textWidth);
}

// After the last card: that was all, the poll, and home.
void drawEndCard(UiContext& context, const pack::PageContent& page, const StoryCardLayout& layout) {
    const Metrics& metrics = context.metrics;
    const float width = std::min(layout.width, 900 * metrics.scale);
    const float left = layout.left + (layout.width - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(left, layout.pictureMinimum.y));
    wrappedText(context, context.word("story_end"), context.fonts.heading, context.colours.emphasis, width);
    if (const pack::PagePoll* poll = context.pack.index().poll(page.id))
        drawPagePoll(context, page, *poll, left, width);
    ButtonStyle homeStyle;
    homeStyle.fill = context.colours.emphasis;
    homeStyle.font = context.fonts.bodyBold;
    const std::string label = context.word("home");
    const float homeWidth = iconButtonWidth(context, "home", label, homeStyle);
    const float top = std::min(ImGui::GetCursorScreenPos().y + metrics.gap,
                               layout.controlsTop - metrics.gap - metrics.touchTarget);
    if (iconButton(context, "card-home", "home", label, ImVec2(left + (width - homeWidth) / 2, top),
                   metrics.touchTarget, homeStyle)) {
        context.actions.push_back(action::GoHome{});
        context.actions.push_back(action::SpeakWord{"home"});
    }
}

} // namespace

StoryCardLayout storyCardLayout(const UiContext& context, const pack::PageContent& page, float top) {
    const Metrics& metrics = context.metrics;
    StoryCardLayout layout;
    layout.width = std::min(metrics.screen.x - 2 * metrics.padding, 1600 * metrics.scale);
    layout.left = (metrics.screen.x - layout.width) / 2;
    layout.controlsTop = metrics.screen.y - metrics.padding - metrics.touchTarget;
    const float cardTop = top + metrics.padding;
    const float cardBottom = layout.controlsTop - metrics.gap;
    layout.narrationHeight = std::round(metrics.touchTarget * 1.25f) + 4 * std::max(4.0f, 7 * metrics.scale);
    const bool anyNarration =
        std::any_of(page.cards.begin(), page.cards.end(), [&](const pack::StoryCard& card) {
            const auto position = static_cast<int>(&card - page.cards.data());
            return context.pack.index().cardNarrationFor(page.id, position, context.language) != nullptr;
        });
    const float narrationRoom =
        anyNarration && context.page.canPlayAudio ? layout.narrationHeight + metrics.gap : 0;
    // The room the builder measured each card's text for (pack/StoryCardText.hpp), in this
    // screen's type size: a text kiosk-pack took always fits.
    const float textRoom = pack::kCardTextWidth * metrics.headingFontSize / pack::kCardTextPixelHeight;
    for (const float share : kPictureShares) {
        const float pictureWidth = std::min({layout.width * share, layout.width - metrics.gap - textRoom,
                                             (cardBottom - cardTop) * 16.0f / 10.0f});
        layout.textLeft = layout.left + pictureWidth + metrics.gap;
        layout.textWidth = layout.left + layout.width - layout.textLeft;
        const float pictureHeight = pictureWidth * 10.0f / 16.0f;
        layout.pictureMinimum = ImVec2(layout.left, cardTop + (cardBottom - cardTop - pictureHeight) / 2);
        layout.pictureMaximum = ImVec2(layout.left + pictureWidth, layout.pictureMinimum.y + pictureHeight);
        float tallest = 0;
        for (const pack::StoryCard& card : page.cards)
            tallest =
                std::max(tallest, wrappedHeight(context.fonts.heading, card.text, layout.textWidth, 100));
        const float textHeight = narrationRoom + tallest;
        layout.textTop = std::max(cardTop, cardTop + (cardBottom - cardTop - textHeight) / 2);
        layout.textBottom = cardBottom;
        if (textHeight <= cardBottom - cardTop)
            break;
    }
    return layout;
}

void drawStoryCardScreen(UiContext& context, const pack::PageContent& page, const StoryState& story) {
    const pack::PageSummary* summary = context.pack.index().findPage(page.id);
    const float barBottom =
        drawTopBar(context, TopBarOptions{true, true, "",
                                          summary ? std::string(categoryIcon(summary->categoryId)) : ""});
    const StoryCardLayout layout = storyCardLayout(context, page, barBottom);
    if (story.card < static_cast<int>(page.cards.size()))
        drawCard(context, page, story, layout);
    else
        drawEndCard(context, page, layout);
    drawStoryControls(context, page, story, layout);
}

} // namespace kiosk::ui
