// Everything a screen needs to draw one frame, and the list where it asks for navigation.
// Screens never change navigation state directly: they push actions, and KioskUi applies
// them after the frame, so one frame is always drawn from one consistent state.
#pragma once

#include "FontSet.hpp"
#include "FrameRecord.hpp"
#include "PictureSource.hpp"
#include "Theme.hpp"
#include "input/KineticScroller.hpp"
#include "pack/PackReader.hpp"
#include "text/UiStrings.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::ui {

namespace action {
struct GoHome {};
struct GoBack {};
struct OpenCategory { std::string categoryId; };
struct OpenPage { std::string pageId; };
struct SetLanguage { std::string language; };
struct OpenPicture { int index = 0; };
struct ClosePicture {};
struct ShowPicture { int index = 0; };
struct DismissNotice {};
} // namespace action

using UiAction = std::variant<action::GoHome, action::GoBack, action::OpenCategory, action::OpenPage,
                              action::SetLanguage, action::OpenPicture, action::ClosePicture, action::ShowPicture,
                              action::DismissNotice>;

struct UiContext {
    const Metrics& metrics;
    const FontSet& fonts;
    PictureSource& pictures;
    FrameRecord& record;
    const text::UiStrings& strings;
    const pack::PackReader& pack;
    const std::string& language;
    std::int64_t nowMilliseconds = 0;
    input::KineticScroller* scroller = nullptr; // the current screen's vertical scroll
    std::vector<UiAction> actions;

    std::string word(const char* key) const { return strings.get(key, language); }
    const std::string& defaultLanguage() const { return pack.metadata().defaultLanguage; }
    std::string localized(const pack::LocalizedText& text) const { return text.in(language, defaultLanguage()); }
};

} // namespace kiosk::ui
