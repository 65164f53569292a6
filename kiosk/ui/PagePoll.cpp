#include "PageSections.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

namespace {

struct Face {
    pack::PollAnswer answer;
    const char* icon;
    const char* word;
};

// Worst to best, left to right, as rating scales read.
constexpr Face kFaces[] = {
    {pack::PollAnswer::Unhappy, "face-unhappy", "poll_answer_unhappy"},
    {pack::PollAnswer::Neutral, "face-neutral", "poll_answer_neutral"},
    {pack::PollAnswer::Happy, "face-happy", "poll_answer_happy"},
};

const Face& faceFor(pack::PollAnswer answer) {
    for (const Face& face : kFaces)
        if (face.answer == answer)
            return face;
    return kFaces[1];
}

ImU32 fillFor(const Palette& colours, pack::PollAnswer answer) {
    switch (answer) {
    case pack::PollAnswer::Unhappy:
        return colours.pollUnhappy;
    case pack::PollAnswer::Neutral:
        return colours.pollNeutral;
    case pack::PollAnswer::Happy:
        return colours.pollHappy;
    }
    return colours.pollNeutral;
}

} // namespace

void drawPagePoll(UiContext& context, const pack::PageContent& page, const pack::PagePoll& poll, float left,
                  float width) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float inner = metrics.padding;
    const float top = ImGui::GetCursorScreenPos().y + metrics.gap * 1.5f;
    const float contentWidth = width - 2 * inner;

    const std::string* packQuestion = poll.questionIn(context.language, context.defaultLanguage());
    const std::string question = packQuestion ? *packQuestion : context.word("poll_question");
    const float questionHeight = wrappedHeight(context.fonts.heading, question, contentWidth, 100);
    const float faceDiameter = std::max(metrics.touchTarget * 1.15f, metrics.iconSize * 2);
    const float labelHeight = context.fonts.bodyBold->FontSize * 1.3f;
    const bool answered = context.page.pollAnswer.has_value();
    const float answersHeight =
        answered ? metrics.iconSize * 1.5f : faceDiameter + metrics.gap * 0.4f + labelHeight;
    const float height = inner + questionHeight + metrics.gap + answersHeight + inner;

    drawShadowedCard(context, drawList, ImVec2(left, top), ImVec2(left + width, top + height),
                     metrics.rounding, colours.surface);
    ImGui::SetCursorScreenPos(ImVec2(left + inner, top + inner));
    // The kiosk's own question can be heard: a tap on it says it.
    if (!packQuestion && touchArea(context, "poll-question", ImVec2(left, top),
                                   ImVec2(left + width, top + inner + questionHeight), question))
        context.actions.push_back(action::SpeakWord{"poll_question"});
    ImGui::SetCursorScreenPos(ImVec2(left + inner, top + inner));
    wrappedText(context, question, context.fonts.heading, colours.emphasis, contentWidth);
    const float answersTop = top + inner + questionHeight + metrics.gap;

    if (answered) {
        // One answer per visit: the faces give way to thanks, so a second tap cannot count. The
        // thanks shows the face she chose: a smile after "no" would say she was not heard.
        const Face& chosen = faceFor(*context.page.pollAnswer);
        const float iconSize = metrics.iconSize * 1.5f;
        const ImU32 fill = fillFor(colours, chosen.answer);
        fillCircle(context, drawList, ImVec2(left + inner + iconSize / 2, answersTop + iconSize / 2),
                   iconSize / 2, fill);
        drawIcon(drawList, context.pictures.icon(chosen.icon),
                 ImVec2(left + inner + iconSize / 2, answersTop + iconSize / 2), iconSize * 0.8f,
                 readableOn(colours, fill));
        ImFont* font = context.fonts.heading;
        textAt(context, context.word("poll_thanks"), font, colours.text,
               ImVec2(left + inner + iconSize + metrics.gap * 0.6f,
                      answersTop + (iconSize - font->FontSize) / 2));
    } else {
        const float slot = contentWidth / static_cast<float>(std::size(kFaces));
        for (std::size_t position = 0; position < std::size(kFaces); ++position) {
            const Face& face = kFaces[position];
            const float slotLeft = left + inner + slot * static_cast<float>(position);
            const float targetWidth = std::max(metrics.touchTarget, slot - metrics.gap);
            const ImVec2 minimum(slotLeft + (slot - targetWidth) / 2, answersTop);
            const ImVec2 maximum(minimum.x + targetWidth,
                                 answersTop + faceDiameter + metrics.gap * 0.4f + labelHeight);
            const std::string label = context.word(face.word);
            const std::string id = std::string("poll-") + pack::pollAnswerName(face.answer);
            if (touchArea(context, id.c_str(), minimum, maximum, label)) {
                context.actions.push_back(action::AnswerPoll{page.id, face.answer});
                context.actions.push_back(action::SpeakWord{face.word});
            }
            const ImU32 fill = ImGui::IsItemActive() ? colours.pressed : fillFor(colours, face.answer);
            const ImVec2 centre(slotLeft + slot / 2, answersTop + faceDiameter / 2);
            fillCircle(context, drawList, centre, faceDiameter / 2, fill);
            drawIcon(drawList, context.pictures.icon(face.icon), centre, faceDiameter * 0.78f,
                     readableOn(colours, fill));
            ImFont* font = context.fonts.bodyBold;
            const float wordWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
            textAt(context, label, font, colours.text,
                   ImVec2(centre.x - wordWidth / 2, answersTop + faceDiameter + metrics.gap * 0.4f));
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top + height));
}

} // namespace kiosk::ui
