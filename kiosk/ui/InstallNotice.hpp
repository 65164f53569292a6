// What the screen says while a USB stick is being read: found, copying (with a bar),
// checking, installed or refused, then "you can remove the stick"; and whether the
// statistics reached the stick. Plain values: the app fills them from the installer and
// the statistics export; the UI only draws them.
#pragma once

#include <string>

namespace kiosk::ui {

struct InstallNotice {
    // Statistics: the stick had nothing to install, so at most a small banner about the
    // statistics shows, and taps go on reaching the screen beneath.
    enum class Stage { Found, Copying, Verifying, Installed, Refused, Statistics };
    // Saving: the export waits for the helper that copies it to a read-only stick.
    enum class StatisticsOutcome { None, Saving, Saved, NotSaved };
    Stage stage = Stage::Found;
    float progress = 0; // 0..1 while copying or checking
    std::string packTitle;
    std::string packDetails;   // version, publisher, date, pages added and removed
    std::string reasonMessage; // refused: one plain sentence in the kiosk's language
    std::string reasonCode;    // refused: small, for staff
    StatisticsOutcome statistics = StatisticsOutcome::None;
    std::string statisticsReasonCode; // NotSaved: small, for staff (no-stick, timeout, ...)
    bool stickStillPresent = true;

    // The app hands the UI a notice every frame; a changed one needs a frame drawn.
    bool operator==(const InstallNotice&) const = default;
};

} // namespace kiosk::ui
