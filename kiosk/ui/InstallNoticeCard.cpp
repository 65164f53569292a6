#include "Screens.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

namespace {

// A failure, in the card's accent for a refused pack: the one red on the kiosk.

const char* headlineKey(InstallNotice::Stage stage) {
    switch (stage) {
    case InstallNotice::Stage::Found:
        return "usb_found";
    case InstallNotice::Stage::Copying:
        return "usb_copying";
    case InstallNotice::Stage::Verifying:
        return "usb_verifying";
    case InstallNotice::Stage::Installed:
        return "usb_installed";
    case InstallNotice::Stage::Refused:
        return "usb_refused";
    case InstallNotice::Stage::Statistics:
        return "usb_statistics_saved";
    }
    return "usb_found";
}

} // namespace

const char* statisticsMessageKey(InstallNotice::StatisticsOutcome outcome) {
    switch (outcome) {
    case InstallNotice::StatisticsOutcome::None:
        return nullptr;
    case InstallNotice::StatisticsOutcome::Saving:
        return "usb_statistics_saving";
    case InstallNotice::StatisticsOutcome::Saved:
        return "usb_statistics_saved";
    case InstallNotice::StatisticsOutcome::NotSaved:
        return "usb_statistics_not_saved";
    }
    return nullptr;
}

ImU32 statisticsColour(const UiContext& context, InstallNotice::StatisticsOutcome outcome) {
    return outcome == InstallNotice::StatisticsOutcome::NotSaved ? context.colours.failure
                                                                 : context.colours.emphasis;
}

void drawInstallNotice(UiContext& context, const InstallNotice& notice) {
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, IM_COL32(0, 0, 0, 120));
    const float width = std::min(metrics.screen.x - 2 * metrics.padding, 900 * metrics.scale);
    const float left = (metrics.screen.x - width) / 2;
    const float inner = metrics.padding;
    const float textWidth = width - 2 * inner - metrics.iconSize * 1.6f;
    const bool finished = notice.stage == InstallNotice::Stage::Installed ||
                          notice.stage == InstallNotice::Stage::Refused ||
                          notice.stage == InstallNotice::Stage::Statistics;
    // The statistics line under the install's own words (a Statistics stage has the banner).
    const char* statisticsKey =
        notice.stage == InstallNotice::Stage::Statistics ? nullptr : statisticsMessageKey(notice.statistics);
    const std::string statisticsMessage = statisticsKey ? context.word(statisticsKey) : std::string();
    const bool statisticsNotSaved = notice.statistics == InstallNotice::StatisticsOutcome::NotSaved;

    // Measure first, so the card fits its words.
    float height = inner * 2 + metrics.headingFontSize * 1.4f;
    if (!notice.packTitle.empty())
        height += wrappedHeight(context.fonts.bodyBold, notice.packTitle, textWidth, 3) + metrics.gap * 0.4f;
    if (!notice.packDetails.empty())
        height += wrappedHeight(context.fonts.body, notice.packDetails, textWidth, 4) + metrics.gap * 0.4f;
    if (!notice.reasonMessage.empty())
        height += wrappedHeight(context.fonts.bodyBold, notice.reasonMessage, textWidth, 4) +
                  metrics.smallFontSize * 1.6f;
    if (!finished)
        height += metrics.touchTarget * 0.5f + metrics.gap;
    if (statisticsKey) {
        height += wrappedHeight(context.fonts.body, statisticsMessage, textWidth, 3) + metrics.gap * 0.3f;
        if (statisticsNotSaved && !notice.statisticsReasonCode.empty())
            height += metrics.smallFontSize * 1.3f;
    }
    if (finished)
        height += metrics.bodyFontSize * 1.6f + metrics.touchTarget + metrics.gap;

    const float top = (metrics.screen.y - height) / 2;
    drawShadowedCard(context, drawList, ImVec2(left, top), ImVec2(left + width, top + height),
                     metrics.rounding, context.colours.surface);
    const ImU32 accent =
        notice.stage == InstallNotice::Stage::Refused ? context.colours.failure : context.colours.emphasis;
    fillRoundedRect(context, drawList, ImVec2(left, top), ImVec2(left + metrics.padding * 0.4f, top + height),
                    accent, metrics.rounding, ImDrawFlags_RoundCornersLeft);
    drawIcon(drawList,
             context.pictures.icon(notice.stage == InstallNotice::Stage::Refused ? "close" : "link"),
             ImVec2(left + inner + metrics.iconSize * 0.5f, top + inner + metrics.headingFontSize * 0.6f),
             metrics.iconSize, accent);

    const float textLeft = left + inner + metrics.iconSize * 1.6f;
    ImGui::SetCursorScreenPos(ImVec2(textLeft, top + inner));
    wrappedText(context, context.word(headlineKey(notice.stage)), context.fonts.heading, accent, textWidth);
    ImGui::SetCursorScreenPos(ImVec2(textLeft, ImGui::GetCursorScreenPos().y + metrics.gap * 0.4f));
    if (!notice.packTitle.empty())
        wrappedText(context, notice.packTitle, context.fonts.bodyBold, context.colours.text, textWidth);
    if (!notice.packDetails.empty())
        wrappedText(context, notice.packDetails, context.fonts.body, context.colours.mutedText, textWidth);
    if (!notice.reasonMessage.empty()) {
        wrappedText(context, notice.reasonMessage, context.fonts.bodyBold, context.colours.text, textWidth);
        wrappedText(context, notice.reasonCode, context.fonts.small, context.colours.mutedText, textWidth);
    }
    if (!finished) {
        const ImVec2 barTop(textLeft, ImGui::GetCursorScreenPos().y + metrics.gap * 0.5f);
        const float barHeight = metrics.touchTarget * 0.35f;
        fillRoundedRect(context, drawList, barTop, ImVec2(textLeft + textWidth, barTop.y + barHeight),
                        context.colours.factsBox, barHeight / 2);
        fillRoundedRect(
            context, drawList, barTop,
            ImVec2(textLeft + std::max(barHeight, textWidth * std::clamp(notice.progress, 0.0f, 1.0f)),
                   barTop.y + barHeight),
            context.colours.accent, barHeight / 2);
        context.record.add(std::to_string(static_cast<int>(notice.progress * 100)) + "%", barTop,
                           ImVec2(textLeft + textWidth, barTop.y + barHeight), false);
    }
    if (statisticsKey) {
        ImGui::SetCursorScreenPos(ImVec2(textLeft, ImGui::GetCursorScreenPos().y + metrics.gap * 0.3f));
        wrappedText(context, statisticsMessage, context.fonts.body,
                    statisticsColour(context, notice.statistics), textWidth);
        if (statisticsNotSaved && !notice.statisticsReasonCode.empty())
            wrappedText(context, notice.statisticsReasonCode, context.fonts.small, context.colours.mutedText,
                        textWidth);
    }
    if (finished) {
        ImGui::SetCursorScreenPos(ImVec2(textLeft, ImGui::GetCursorScreenPos().y + metrics.gap * 0.3f));
        wrappedText(context, context.word(notice.stickStillPresent ? "usb_remove" : "usb_removed"),
                    context.fonts.body, context.colours.text, textWidth);
        ButtonStyle style;
        style.fill = context.colours.accent;
        const std::string label = "OK";
        if (iconButton(context, "install-notice-ok", "", label,
                       ImVec2(left + width - inner - iconButtonWidth(context, "", label, style),
                              top + height - inner - metrics.touchTarget),
                       metrics.touchTarget, style))
            context.actions.push_back(action::DismissNotice{});
    }
}

} // namespace kiosk::ui
