#include "PageSections.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui {

namespace {

struct ButtonFace {
    const char* icon;
    const char* word;
    UiAction action;
};

// What a tap does depends on whether this page's recording is the one loaded: another
// clip (a language name) or a finished one starts this page's from the beginning.
ButtonFace faceFor(const PlaybackStatus& playback, const pack::AudioClipInfo& narration) {
    const bool ours = playback.clipId == narration.audioId;
    if (ours && playback.state == PlaybackState::Playing)
        return {"pause", "narration_pause", action::PauseNarration{}};
    if (ours && playback.state == PlaybackState::Paused)
        return {"speaker", "narration_resume", action::ResumeNarration{}};
    return {"speaker", "narration_play", action::PlayNarration{narration.audioId}};
}

float diameterOf(const Metrics& metrics) {
    return std::round(metrics.touchTarget * 1.25f);
}

float ringThickness(const Metrics& metrics) {
    return std::max(4.0f, std::round(7 * metrics.scale));
}

float textWidth(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

} // namespace

// The words' column: wide enough for every state's word, so the button does not shift when
// its word changes.
float wordsWidth(const UiContext& context, const pack::AudioClipInfo& narration) {
    float width = 0;
    for (const char* word : {"narration_play", "narration_pause", "narration_resume"})
        width = std::max(width, textWidth(context.fonts.bodyBold, context.word(word)));
    if (narration.synthetic)
        width = std::max(width, textWidth(context.fonts.small, context.word("narration_synthetic")) +
                                    context.metrics.padding * 0.6f);
    return std::ceil(width);
}

float narrationColumnWidth(const UiContext& context, const pack::AudioClipInfo& narration) {
    const Metrics& metrics = context.metrics;
    return wordsWidth(context, narration) + metrics.gap * 0.5f + diameterOf(metrics) +
           4 * ringThickness(metrics);
}

float drawNarrationButton(UiContext& context, const pack::AudioClipInfo& narration, float right,
                          float coverBottom, float titleTop, float width) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const PlaybackStatus& playback = context.page.playback;
    const ButtonFace face = faceFor(playback, narration);
    const std::string label = context.word(face.word);

    // The disc sits on the cover's lower edge, half over the picture, so it is the first
    // thing seen and takes no room from the text; its word (and the computer-voice marker)
    // stand beside the title. Disc and words are one target: a finger on either plays.
    const float diameter = diameterOf(metrics);
    const float ring = ringThickness(metrics);
    const float outerRadius = diameter / 2 + ring * 2;
    const ImVec2 centre(right - outerRadius, coverBottom);
    ImFont* labelFont = context.fonts.bodyBold;
    ImFont* markerFont = context.fonts.small;
    const float inset = metrics.padding * 0.3f;
    const float markerHeight =
        narration.synthetic ? metrics.gap * 0.3f + markerFont->FontSize + 2 * inset : 0;
    const float wordsBottom = titleTop + labelFont->FontSize + markerHeight;
    const float bottom = std::max(wordsBottom, centre.y + outerRadius);
    if (touchArea(context, "narration", ImVec2(right - width, centre.y - outerRadius), ImVec2(right, bottom),
                  label))
        context.actions.push_back(face.action);
    const bool pressed = ImGui::IsItemActive();

    // A rim of the page's background parts the disc from the picture under it.
    fillCircle(context, drawList, centre, outerRadius, colours.background);
    const float ringRadius = diameter / 2 + ring;
    const bool showsProgress = isNarrationLoaded(playback, narration);
    if (showsProgress) {
        drawList->AddCircle(centre, ringRadius, colours.progressTrack, 64, ring);
        const float quarter = std::numbers::pi_v<float> / 2;
        const float sweep = 4 * quarter * playback.progress();
        if (sweep > 0.01f) {
            drawList->PathArcTo(centre, ringRadius, -quarter, -quarter + sweep, 64);
            drawList->PathStroke(colours.accent, 0, ring);
        }
    }
    const ImU32 fill = pressed ? colours.pressed : colours.emphasis;
    fillCircle(context, drawList, centre, diameter / 2, fill);
    drawIcon(drawList, context.pictures.icon(face.icon), centre, diameter * 0.55f, readableOn(colours, fill));

    const float wordsRight = right - 2 * outerRadius - metrics.gap * 0.5f;
    textAt(context, label, labelFont, colours.emphasis,
           ImVec2(wordsRight - textWidth(labelFont, label), titleTop));
    if (narration.synthetic) {
        // Honest about the voice: a computer reading Vietnamese makes mistakes a person would not.
        const std::string marker = context.word("narration_synthetic");
        const float markerWidth = textWidth(markerFont, marker) + 2 * inset;
        const ImVec2 markerMinimum(wordsRight - markerWidth,
                                   titleTop + labelFont->FontSize + metrics.gap * 0.3f);
        const ImVec2 markerMaximum(wordsRight, markerMinimum.y + markerFont->FontSize + 2 * inset);
        fillRoundedRect(context, drawList, markerMinimum, markerMaximum, colours.factsBox,
                        metrics.rounding / 2);
        drawList->AddRect(markerMinimum, markerMaximum, colours.outline, metrics.rounding / 2);
        textAt(context, marker, markerFont, colours.mutedText,
               ImVec2(markerMinimum.x + inset, markerMinimum.y + inset));
    }
    return bottom;
}

} // namespace kiosk::ui
