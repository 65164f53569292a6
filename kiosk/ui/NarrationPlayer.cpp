#include "PageSections.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

namespace {

// "2:05": minutes and seconds, the way a radio shows them.
std::string minutesAndSeconds(std::int64_t milliseconds) {
    const std::int64_t seconds = std::max<std::int64_t>(0, milliseconds) / 1000;
    const std::string rest = std::to_string(seconds % 60);
    return std::to_string(seconds / 60) + ":" + (rest.size() < 2 ? "0" : "") + rest;
}

} // namespace

bool isNarrationLoaded(const PlaybackStatus& playback, const pack::AudioClipInfo& narration) {
    return playback.clipId == narration.audioId && playback.isLoaded();
}

float narrationPlayerHeight(const Metrics& metrics) {
    return metrics.touchTarget + metrics.padding * 0.8f;
}

void drawNarrationPlayer(UiContext& context) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    const PlaybackStatus& playback = context.page.playback;
    const float inset = metrics.padding * 0.4f;
    const float height = narrationPlayerHeight(metrics);
    const float width = std::min(metrics.screen.x - 2 * metrics.padding, 760 * metrics.scale + 2 * inset);
    const ImVec2 minimum((metrics.screen.x - width) / 2, metrics.screen.y - height - metrics.padding * 0.5f);
    const ImVec2 maximum(minimum.x + width, minimum.y + height);

    // A window of its own, just the player's size, over the page and the viewer: its buttons
    // get the taps there, and the page beneath gets them everywhere else.
    const float shadowRoom = metrics.padding * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(minimum.x - shadowRoom, minimum.y - shadowRoom));
    ImGui::SetNextWindowSize(ImVec2(width + 2 * shadowRoom, height + 2 * shadowRoom));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBackground;
    if (!ImGui::Begin("narration-player", nullptr, flags)) {
        ImGui::End();
        return;
    }
    raiseCurrentWindow();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    // Light, like the page's cards, so the orange button and bar keep their contrast; a line in
    // the brand colour parts it from the page it floats over.
    drawShadowedCard(context, drawList, minimum, maximum, height / 2, colours.surface);
    drawList->AddRect(minimum, maximum, colours.emphasis, height / 2, 0, std::max(2.0f, 3 * metrics.scale));

    const bool playing = playback.state == PlaybackState::Playing;
    ButtonStyle pauseStyle;
    pauseStyle.showLabel = false;
    pauseStyle.fill = colours.accent;
    const std::string pauseLabel = context.word(playing ? "narration_pause" : "narration_resume");
    const ImVec2 pauseAt(minimum.x + inset, minimum.y + inset);
    if (iconButton(context, "player-pause", playing ? "pause" : "speaker", pauseLabel, pauseAt,
                   metrics.touchTarget, pauseStyle))
        context.actions.push_back(playing ? UiAction(action::PauseNarration{})
                                          : UiAction(action::ResumeNarration{}));

    ButtonStyle stopStyle;
    stopStyle.showLabel = false;
    const std::string stopLabel = context.word("narration_stop");
    const float stopWidth = iconButtonWidth(context, "close", stopLabel, stopStyle);
    const ImVec2 stopAt(maximum.x - inset - stopWidth, minimum.y + inset);
    if (iconButton(context, "player-stop", "close", stopLabel, stopAt, metrics.touchTarget, stopStyle))
        context.actions.push_back(action::StopNarration{});

    // Between the buttons: how far the reading has got, as a bar and as minutes.
    ImFont* font = context.fonts.small;
    const std::string times = minutesAndSeconds(playback.positionMilliseconds) + " / " +
                              minutesAndSeconds(playback.durationMilliseconds);
    const float timesWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, times.c_str()).x;
    const float barLeft =
        pauseAt.x + iconButtonWidth(context, "pause", pauseLabel, pauseStyle) + metrics.gap * 0.5f;
    const float barRight = stopAt.x - metrics.gap * 0.5f - timesWidth - metrics.gap * 0.5f;
    const float barHeight = std::max(8.0f, metrics.touchTarget * 0.16f);
    const float middle = minimum.y + height / 2;
    if (barRight > barLeft + barHeight) {
        fillRoundedRect(context, drawList, ImVec2(barLeft, middle - barHeight / 2),
                        ImVec2(barRight, middle + barHeight / 2), colours.factsBox, barHeight / 2);
        fillRoundedRect(context, drawList, ImVec2(barLeft, middle - barHeight / 2),
                        ImVec2(barLeft + std::max(barHeight, (barRight - barLeft) * playback.progress()),
                               middle + barHeight / 2),
                        colours.accent, barHeight / 2);
    }
    textAt(context, times, font, colours.mutedText,
           ImVec2(stopAt.x - metrics.gap * 0.5f - timesWidth, middle - font->FontSize / 2));
    ImGui::End();
}

} // namespace kiosk::ui
