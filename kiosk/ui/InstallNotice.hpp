// What the screen says while a USB stick is being read: found, copying (with a bar),
// checking, installed or refused, then "you can remove the stick". Plain values: the app
// fills them from the installer; the UI only draws them.
#pragma once

#include <string>

namespace kiosk::ui {

struct InstallNotice {
    enum class Stage { Found, Copying, Verifying, Installed, Refused, StatisticsSaved };
    Stage stage = Stage::Found;
    float progress = 0; // 0..1 while copying or checking
    std::string packTitle;
    std::string packDetails;  // version, publisher, date, pages added and removed
    std::string reasonMessage; // refused: one plain sentence in the kiosk's language
    std::string reasonCode;    // refused: small, for staff
    bool statisticsSaved = false;
    bool stickStillPresent = true;
};

} // namespace kiosk::ui
