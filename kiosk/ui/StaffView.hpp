// The staff view: reached by holding a finger on the top-left corner for three seconds, then
// a PIN. Shows usage at a glance and the few things staff do on site. Villagers never reach
// it by tapping around: the corner press is long, and the PIN locks after three wrong tries.
#pragma once

#include "OnScreenKeyboard.hpp"
#include "StaffServices.hpp"
#include "UiContext.hpp"
#include "input/KineticScroller.hpp"

#include <optional>
#include <string>

namespace kiosk::ui {

class StaffView {
  public:
    explicit StaffView(StaffServices& services) : services_(services) {}

    void open();
    bool isOpen() const { return stage_ != Stage::Closed; }
    void close();
    // Draws into the current (full-screen) window.
    void draw(UiContext& context);
    // Staff type the place name on the on-screen keyboard, or on a plugged-in one.
    bool wantsTextInput() const { return stage_ == Stage::Open && placeKeyboard_.has_value(); }
    // The dashboard scrolls where it does not fit (a 7-inch 800x480 panel).
    input::KineticScroller& scroller() { return scroller_; }

  private:
    enum class Stage { Closed, EnteringPin, Open };
    void drawPinPad(UiContext& context);
    void drawDashboard(UiContext& context);
    void drawDashboardContent(UiContext& context);
    // Test sound, quieter, the volume, louder; below them which output plays, or that none does.
    void drawSoundRow(UiContext& context, ImVec2 topLeft, float width, float height);
    // Day, month, year, then hour and minute, each between a step back and a step on, and
    // the button that sets the clock. Returns the y below it.
    float drawDateTimePicker(UiContext& context, float left, float top, float width, float rowHeight);
    void refresh();

    StaffServices& services_;
    Stage stage_ = Stage::Closed;
    std::string pin_;
    std::string pinMessage_;
    StaffSpan span_ = StaffSpan::Today;
    StaffReport report_;
    StaffSound sound_;
    std::string status_;
    std::optional<OnScreenKeyboard> placeKeyboard_; // while the place name is typed
    bool confirmingGoBack_ = false;                 // "go back to the previous pack" tapped once
    time::LocalDateTime picked_;                    // what the date and time picker shows
    input::KineticScroller scroller_;
};

} // namespace kiosk::ui
