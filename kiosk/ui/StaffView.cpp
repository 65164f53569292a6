#include "StaffView.hpp"

#include "Shapes.hpp"
#include "Widgets.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace kiosk::ui {

namespace {

ButtonStyle lightButton(const Palette& colours) {
    ButtonStyle style;
    style.fill = colours.factsBox;
    style.content = colours.text;
    return style;
}

std::string formatNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
}

void drawChart(UiContext& context, const StaffChart& chart, ImVec2 topLeft, float width, float height) {
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    textAt(context, chart.title, context.fonts.bodyBold, context.colours.text, topLeft, width);
    const float top = topLeft.y + metrics.bodyFontSize * 1.4f;
    const float available = height - (top - topLeft.y);
    double largest = 1;
    for (const StaffBar& bar : chart.bars)
        largest = std::max(largest, bar.value);
    if (chart.bars.empty()) {
        textAt(context, "–", context.fonts.small, context.colours.mutedText, ImVec2(topLeft.x, top));
        return;
    }
    if (chart.vertical) {
        const float slot = width / static_cast<float>(chart.bars.size());
        const float labelHeight = metrics.smallFontSize * 1.2f;
        for (std::size_t index = 0; index < chart.bars.size(); ++index) {
            const StaffBar& bar = chart.bars[index];
            const float barHeight = static_cast<float>(bar.value / largest) * (available - labelHeight * 2);
            const float left = topLeft.x + slot * static_cast<float>(index);
            const float bottom = top + available - labelHeight;
            fillRoundedRect(context, drawList, ImVec2(left + slot * 0.15f, bottom - barHeight),
                            ImVec2(left + slot * 0.85f, bottom), context.colours.emphasis, 2);
            if (index % 3 == 0)
                textAt(context, bar.label, context.fonts.small, context.colours.mutedText,
                       ImVec2(left, bottom + 2));
        }
        return;
    }
    const float rowHeight =
        std::min(metrics.bodyFontSize * 1.3f, available / static_cast<float>(chart.bars.size()));
    const float labelWidth = width * 0.42f;
    for (std::size_t index = 0; index < chart.bars.size(); ++index) {
        const StaffBar& bar = chart.bars[index];
        const float y = top + rowHeight * static_cast<float>(index);
        textAt(context, bar.label, context.fonts.small, context.colours.text, ImVec2(topLeft.x, y),
               labelWidth - 8);
        const float barWidth =
            static_cast<float>(bar.value / largest) * (width - labelWidth - metrics.iconSize * 1.6f);
        fillRoundedRect(context, drawList, ImVec2(topLeft.x + labelWidth, y + rowHeight * 0.15f),
                        ImVec2(topLeft.x + labelWidth + std::max(2.0f, barWidth), y + rowHeight * 0.85f),
                        context.colours.accent, 3);
        textAt(context, formatNumber(bar.value), context.fonts.small, context.colours.text,
               ImVec2(topLeft.x + labelWidth + std::max(2.0f, barWidth) + 6, y));
    }
}

} // namespace

void StaffView::open() {
    stage_ = Stage::EnteringPin;
    scroller_.jumpTo(0);
    pin_.clear();
    pinMessage_.clear();
}

void StaffView::close() {
    stage_ = Stage::Closed;
    confirmingGoBack_ = false;
    pin_.clear();
    status_.clear();
    placeKeyboard_.reset();
}

void StaffView::refresh() {
    report_ = services_.report(span_);
    sound_ = services_.sound();
    picked_ = services_.currentDateTime();
}

void StaffView::draw(UiContext& context) {
    if (stage_ == Stage::EnteringPin)
        drawPinPad(context);
    else if (stage_ == Stage::Open)
        drawDashboard(context);
}

void StaffView::drawPinPad(UiContext& context) {
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, context.colours.background);
    const float key = std::min(metrics.touchTarget * 1.15f, (metrics.screen.y - metrics.padding * 2) / 6.2f);
    const float gap = metrics.gap * 0.5f;
    const float padWidth = key * 3 + gap * 2;
    const float left = (metrics.screen.x - padWidth) / 2;
    float y = metrics.padding;

    const ButtonStyle closeStyle = lightButton(context.colours);
    const std::string closeLabel = context.word("close");
    if (iconButton(context, "staff-pin-close", "close", closeLabel,
                   ImVec2(metrics.screen.x - iconButtonWidth(context, "close", closeLabel, closeStyle) -
                              metrics.padding,
                          y),
                   metrics.touchTarget, closeStyle)) {
        close();
        return;
    }

    textAt(context, context.word("staff_pin"), context.fonts.heading, context.colours.text, ImVec2(left, y));
    y += metrics.headingFontSize * 1.3f;
    std::string shown;
    for (std::size_t digit = 0; digit < pin_.size(); ++digit)
        shown += "• ";
    textAt(context, shown.empty() ? "–" : shown, context.fonts.title, context.colours.text, ImVec2(left, y));
    y += metrics.titleFontSize * 1.2f;
    if (!pinMessage_.empty()) {
        textAt(context, pinMessage_, context.fonts.small, context.colours.accent, ImVec2(left, y),
               padWidth * 2);
    }
    y += metrics.smallFontSize * 1.6f;

    const std::string labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", context.word("staff_delete"),
                                  "0", "OK"};
    ButtonStyle style = lightButton(context.colours);
    style.font = context.fonts.heading;
    for (int index = 0; index < 12; ++index) {
        const ImVec2 topLeft(left + static_cast<float>(index % 3) * (key + gap),
                             y + static_cast<float>(index / 3) * (key + gap));
        const std::string& label = labels[index];
        const std::string id = "staff-key-" + std::to_string(index);
        const ImVec2 bottomRight(topLeft.x + key, topLeft.y + key);
        const bool pressed = touchArea(context, id.c_str(), topLeft, bottomRight, label);
        // OK stands out in the accent colour; in high contrast every key also gets an outline,
        // as the keys are as black as the page behind them.
        const ImU32 fill = index == 11 ? context.colours.accent : context.colours.surface;
        fillRoundedRect(context, drawList, topLeft, bottomRight, fill, metrics.rounding);
        drawList->AddRect(topLeft, bottomRight, context.colours.outline, metrics.rounding, 0, 2);
        const ImVec2 size = style.font->CalcTextSizeA(style.font->FontSize, FLT_MAX, 0, label.c_str());
        drawList->AddText(style.font, style.font->FontSize,
                          ImVec2(topLeft.x + (key - size.x) / 2, topLeft.y + (key - size.y) / 2),
                          index == 11 ? readableOn(context.colours, fill) : context.colours.text,
                          label.c_str());
        if (!pressed)
            continue;
        if (index == 9) {
            if (!pin_.empty())
                pin_.pop_back();
        } else if (index == 11) {
            switch (services_.checkPin(pin_)) {
            case PinResult::Accepted:
                stage_ = Stage::Open;
                status_.clear();
                refresh();
                break;
            case PinResult::Wrong:
                pinMessage_ = context.word("staff_pin_wrong");
                break;
            case PinResult::LockedOut:
                pinMessage_ = text::fillPlaceholder(
                    context.word("staff_pin_locked"), "seconds",
                    std::to_string((services_.lockedOutForMilliseconds() + 999) / 1000));
                break;
            case PinResult::NoPinConfigured:
                pinMessage_ = context.word("staff_pin_missing");
                break;
            }
            pin_.clear();
        } else if (pin_.size() < 12) {
            pin_ += label;
        }
    }
}

void StaffView::drawDashboard(UiContext& context) {
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0, 0), metrics.screen, context.colours.background);
    drawList->AddRectFilled(ImVec2(0, 0), ImVec2(metrics.screen.x, metrics.topBarHeight),
                            context.colours.topBar);
    const float buttonHeight = metrics.topBarHeight - 2 * std::max(6.0f, 8 * metrics.scale);
    textAt(context, context.word("staff_title"), context.fonts.heading, context.colours.onDark,
           ImVec2(metrics.padding, (metrics.topBarHeight - metrics.headingFontSize) / 2));
    ButtonStyle dark;
    const std::string closeLabel = context.word("close");
    if (iconButton(
            context, "staff-close", "close", closeLabel,
            ImVec2(metrics.screen.x - iconButtonWidth(context, "close", closeLabel, dark) - metrics.padding,
                   (metrics.topBarHeight - buttonHeight) / 2),
            buttonHeight, dark)) {
        close();
        return;
    }

    // The place name is typed on a keyboard that takes the whole screen below the bar.
    if (placeKeyboard_) {
        textAt(context, context.word("staff_place_name"), context.fonts.heading, context.colours.onDark,
               ImVec2(metrics.screen.x * 0.4f, (metrics.topBarHeight - metrics.headingFontSize) / 2));
        switch (placeKeyboard_->draw(context, ImVec2(metrics.padding * 0.5f, metrics.topBarHeight),
                                     ImVec2(metrics.screen.x - metrics.padding * 0.5f, metrics.screen.y))) {
        case OnScreenKeyboard::Outcome::Editing:
            return;
        case OnScreenKeyboard::Outcome::Saved:
            status_ = services_.setPlaceName(placeKeyboard_->text());
            refresh();
            break;
        case OnScreenKeyboard::Outcome::Cancelled:
            break;
        }
        placeKeyboard_.reset();
        return;
    }

    // Below the bar everything scrolls, so nothing is out of reach on a small panel.
    input::KineticScroller* const screenScroller = context.scroller;
    context.scroller = &scroller_;
    drawDashboardContent(context);
    context.scroller = screenScroller;

    // What the last action came to, in a strip at the bottom that does not scroll: the
    // volume buttons and the date setter sit far apart, and the answer must be where the
    // eye is not searching for it.
    if (!status_.empty()) {
        const float stripHeight = metrics.bodyFontSize * 2.0f;
        const ImVec2 stripTop(0, metrics.screen.y - stripHeight);
        drawList->AddRectFilled(stripTop, metrics.screen, context.colours.topBar);
        textAt(context, status_, context.fonts.bodyBold, context.colours.onDark,
               ImVec2(metrics.padding, stripTop.y + (stripHeight - metrics.bodyFontSize) / 2),
               metrics.screen.x - 2 * metrics.padding);
    }
}

// On a narrow panel the right-hand column goes under the left one.
void StaffView::drawDashboardContent(UiContext& context) {
    const Metrics& metrics = context.metrics;
    const ScrollArea scrollArea(context, ImVec2(0, metrics.topBarHeight), metrics.screen);
    const bool oneColumn = metrics.screen.x < 1000;
    const float top = ImGui::GetCursorScreenPos().y + metrics.padding;
    const float leftWidth = oneColumn ? metrics.screen.x - 2 * metrics.padding : metrics.screen.x * 0.42f;
    const float left = metrics.padding;
    float y = top;
    for (const StaffFact& fact : report_.facts) {
        // A fact without a label goes on from the one above it (the list of recent installs).
        if (!fact.label.empty()) {
            textAt(context, fact.label, context.fonts.small, context.colours.mutedText, ImVec2(left, y),
                   leftWidth);
            y += metrics.smallFontSize * 1.15f;
        }
        // Up to two lines: an install's pack and reason, a stick's detail, do not fit one.
        constexpr int kValueLines = 2;
        clampedText(context, fact.value, context.fonts.body, context.colours.text, ImVec2(left, y), leftWidth,
                    kValueLines);
        y += wrappedHeight(context.fonts.body, fact.value, leftWidth, kValueLines) +
             metrics.bodyFontSize * 0.25f;
    }

    // Actions, one row each, thumb-sized.
    const ButtonStyle style = lightButton(context.colours);
    const float rowHeight = std::max(48.0f, metrics.touchTarget * 0.75f);
    y += metrics.gap * 0.5f;
    if (iconButton(context, "staff-export", "", context.word("staff_export"), ImVec2(left, y), rowHeight,
                   style))
        status_ = services_.exportNow();
    y += rowHeight + metrics.gap * 0.5f;
    if (iconButton(context, "staff-date-ok", "calendar", context.word("staff_date_correct"), ImVec2(left, y),
                   rowHeight, style))
        status_ = services_.confirmDateIsCorrect();
    y += rowHeight + metrics.gap * 0.5f;
    y = drawDateTimePicker(context, left, y, leftWidth, rowHeight);

    if (iconButton(context, "staff-place", "place", context.word("staff_place_name"), ImVec2(left, y),
                   rowHeight, style))
        placeKeyboard_.emplace(services_.placeName());
    y += rowHeight + metrics.gap * 0.5f;
    // Going back to the previous pack asks once more: it changes what every villager sees.
    if (services_.hasPreviousPack()) {
        if (!confirmingGoBack_) {
            if (iconButton(context, "staff-previous-pack", "back", context.word("staff_previous_pack"),
                           ImVec2(left, y), rowHeight, style))
                confirmingGoBack_ = true;
        } else {
            ButtonStyle warning = style;
            warning.fill = context.colours.failure;
            const std::string sure = context.word("staff_previous_pack_confirm");
            if (iconButton(context, "staff-previous-pack-yes", "", sure, ImVec2(left, y), rowHeight,
                           warning)) {
                confirmingGoBack_ = false;
                status_ = services_.goBackToPreviousPack();
            }
            const std::string cancel = context.word("staff_cancel");
            if (iconButton(context, "staff-previous-pack-no", "", cancel,
                           ImVec2(left + iconButtonWidth(context, "", sure, warning) + metrics.buttonGap, y),
                           rowHeight, style))
                confirmingGoBack_ = false;
        }
        y += rowHeight + metrics.gap * 0.5f;
    }
    // Room for the status strip, so that the end of the column can scroll out from under it.
    y += metrics.bodyFontSize * 2.2f;

    // Right column: sound, the span, then the charts.
    const float right = oneColumn ? left : leftWidth + metrics.padding * 2;
    const float rightWidth = metrics.screen.x - right - metrics.padding;
    const float rightTop = oneColumn ? y + metrics.gap : top;
    drawSoundRow(context, ImVec2(right, rightTop), rightWidth, rowHeight);
    const float spansTop = rightTop + rowHeight + metrics.bodyFontSize * 1.3f + metrics.gap * 0.5f;
    float x = right;
    const std::pair<StaffSpan, const char*> spans[] = {{StaffSpan::Today, "staff_today"},
                                                       {StaffSpan::ThisWeek, "staff_week"},
                                                       {StaffSpan::SinceInstall, "staff_all"}};
    for (const auto& [span, key] : spans) {
        ButtonStyle tab = lightButton(context.colours);
        if (span == span_) {
            tab.fill = context.colours.accent;
            tab.content = context.colours.onAccent;
        }
        const std::string label = context.word(key);
        const std::string id = std::string("staff-span-") + key;
        if (iconButton(context, id.c_str(), "", label, ImVec2(x, spansTop), rowHeight, tab) &&
            span != span_) {
            span_ = span;
            refresh();
        }
        x += iconButtonWidth(context, "", label, tab) + metrics.gap * 0.4f;
    }
    const float chartsTop = spansTop + rowHeight + metrics.gap;
    const std::size_t count = std::max<std::size_t>(1, report_.charts.size());
    // The charts share what is left of the screen, but never shrink below readable.
    const float chartHeight =
        std::max(metrics.touchTarget * 2.6f,
                 (metrics.screen.y - chartsTop - metrics.padding) / static_cast<float>((count + 1) / 2));
    const float chartWidth = (rightWidth - metrics.gap) / 2;
    for (std::size_t index = 0; index < report_.charts.size(); ++index) {
        const ImVec2 topLeft(right + static_cast<float>(index % 2) * (chartWidth + metrics.gap),
                             chartsTop + static_cast<float>(index / 2) * chartHeight);
        drawChart(context, report_.charts[index], topLeft, chartWidth, chartHeight - metrics.gap * 0.5f);
    }
    const float bottom = std::max(y, chartsTop + static_cast<float>((count + 1) / 2) * chartHeight);
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    ImGui::Dummy(ImVec2(metrics.screen.x - 2 * metrics.padding, bottom - top + metrics.padding));
}

float StaffView::drawDateTimePicker(UiContext& context, float left, float top, float width, float rowHeight) {
    struct Stepper {
        time::DateTimeField field;
        const char* id;
        const char* nameKey; // its name, small above it
        int value;
        int digits; // shown with leading zeros; sizes the value's slot, so the arrows stay put
    };
    const Stepper steppers[] = {
        {time::DateTimeField::Day, "staff-day", "staff_day", picked_.day, 2},
        {time::DateTimeField::Month, "staff-month", "staff_month", picked_.month, 2},
        {time::DateTimeField::Year, "staff-year", "staff_year", picked_.year, 4},
        {time::DateTimeField::Hour, "staff-hour", "staff_hour", picked_.hour, 2},
        {time::DateTimeField::Minute, "staff-minute", "staff_minute", picked_.minute, 2},
    };
    const Metrics& metrics = context.metrics;
    const ButtonStyle style = lightButton(context.colours);
    ButtonStyle arrow = style;
    arrow.showLabel = false;
    // Round arrows, as wide as they are tall: five fields must fit a 7-inch panel's width.
    arrow.width = rowHeight;
    const float arrowWidth = rowHeight;
    ImFont* valueFont = context.fonts.bodyBold;
    const float inside = metrics.gap * 0.2f;
    // Groups side by side stay a finger apart, 12 px even on a 7-inch panel.
    const float between = std::max(metrics.gap, 16.0f);
    const float labelHeight = metrics.smallFontSize * 1.2f;
    const float lineHeight = labelHeight + rowHeight + metrics.gap * 0.4f;
    // The fields flow left to right and wrap where the column ends.
    float x = left;
    float y = top;
    const auto place = [&](float itemWidth) {
        if (x > left && x + itemWidth > left + width) {
            x = left;
            y += lineHeight;
        }
    };
    for (const Stepper& stepper : steppers) {
        // The time of day starts a line of its own, under the date.
        if (stepper.field == time::DateTimeField::Hour && x > left) {
            x = left;
            y += lineHeight;
        }
        const std::string widest(static_cast<std::size_t>(stepper.digits), '0');
        const float slot = valueFont->CalcTextSizeA(metrics.bodyFontSize, FLT_MAX, 0, widest.c_str()).x;
        place(2 * arrowWidth + slot + 2 * inside);
        const std::string name = context.word(stepper.nameKey);
        textAt(context, name, context.fonts.small, context.colours.mutedText, ImVec2(x, y));
        const float stepY = y + labelHeight;
        // The harness finds each arrow by the field's name: "Ngày -", "Ngày +".
        const std::string earlierId = std::string(stepper.id) + "-earlier";
        if (iconButton(context, earlierId.c_str(), "previous", name + " -", ImVec2(x, stepY), rowHeight,
                       arrow))
            picked_ = time::stepField(picked_, stepper.field, -1);
        x += arrowWidth + inside;
        char value[8];
        std::snprintf(value, sizeof value, "%0*d", stepper.digits, stepper.value);
        const float valueWidth = valueFont->CalcTextSizeA(metrics.bodyFontSize, FLT_MAX, 0, value).x;
        textAt(context, value, valueFont, context.colours.text,
               ImVec2(x + (slot - valueWidth) / 2, stepY + (rowHeight - metrics.bodyFontSize) / 2));
        x += slot + inside;
        const std::string laterId = std::string(stepper.id) + "-later";
        if (iconButton(context, laterId.c_str(), "next", name + " +", ImVec2(x, stepY), rowHeight, arrow))
            picked_ = time::stepField(picked_, stepper.field, +1);
        x += arrowWidth + between;
    }
    const std::string setLabel = context.word("staff_set_date");
    place(iconButtonWidth(context, "calendar", setLabel, style));
    if (iconButton(context, "staff-set-date", "calendar", setLabel, ImVec2(x, y + labelHeight), rowHeight,
                   style))
        status_ = services_.setDateTime(picked_);
    return y + lineHeight + metrics.gap * 0.1f;
}

void StaffView::drawSoundRow(UiContext& context, ImVec2 topLeft, float width, float height) {
    const Metrics& metrics = context.metrics;
    const ButtonStyle style = lightButton(context.colours);
    float x = topLeft.x;
    const std::string testLabel = context.word("staff_test_sound");
    if (iconButton(context, "staff-test-sound", "speaker", testLabel, ImVec2(x, topLeft.y), height, style)) {
        status_ = services_.playTestSound();
        sound_ = services_.sound();
    }
    x += iconButtonWidth(context, "speaker", testLabel, style) + metrics.gap * 0.4f;
    const std::string quieter = context.word("staff_quieter");
    if (iconButton(context, "staff-volume-down", "", quieter, ImVec2(x, topLeft.y), height, style)) {
        status_ = services_.changeVolume(-1);
        sound_ = services_.sound();
    }
    x += iconButtonWidth(context, "", quieter, style) + metrics.gap * 0.3f;
    const std::string volume =
        text::fillPlaceholder(context.word("staff_volume"), "percent", std::to_string(sound_.volumePercent));
    const float volumeWidth =
        context.fonts.bodyBold->CalcTextSizeA(metrics.bodyFontSize, FLT_MAX, 0, volume.c_str()).x;
    textAt(context, volume, context.fonts.bodyBold, context.colours.text,
           ImVec2(x, topLeft.y + (height - metrics.bodyFontSize) / 2));
    x += volumeWidth + metrics.gap * 0.3f;
    const std::string louder = context.word("staff_louder");
    if (iconButton(context, "staff-volume-up", "", louder, ImVec2(x, topLeft.y), height, style)) {
        status_ = services_.changeVolume(+1);
        sound_ = services_.sound();
    }
    // Below: which output plays, for whoever set kiosk.conf; "no sound device" for everybody.
    const float below = topLeft.y + height + metrics.gap * 0.25f;
    if (sound_.deviceWorks)
        textAt(context,
               text::fillPlaceholder(context.word("staff_sound_device"), "device", sound_.deviceName),
               context.fonts.small, context.colours.mutedText, ImVec2(topLeft.x, below), width);
    else
        textAt(context, context.word("staff_no_sound"), context.fonts.bodyBold, context.colours.accent,
               ImVec2(topLeft.x, below), width);
}

} // namespace kiosk::ui
