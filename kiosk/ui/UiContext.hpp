// Everything a screen needs to draw one frame, and the list where it asks for navigation.
// Screens never change navigation state directly: they push actions, and KioskUi applies
// them after the frame, so one frame is always drawn from one consistent state.
#pragma once

#include "AudioOutput.hpp"
#include "FontSet.hpp"
#include "FrameRecord.hpp"
#include "PictureSource.hpp"
#include "Theme.hpp"
#include "input/KineticScroller.hpp"
#include "pack/PackReader.hpp"
#include "qr/QrCode.hpp"
#include "text/UiStrings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::ui {

namespace action {
struct GoHome {};
struct GoBack {};
struct OpenCategory {
    std::string categoryId;
};
struct OpenPage {
    std::string pageId;
};
struct SetLanguage {
    std::string language;
};
// Says a language's name aloud (a pill tapped), for visitors who cannot read the picker.
struct SpeakLanguageName {
    std::string language;
};
// Says a tile's title aloud from the pack's recording (its speaker tapped), unless the page's
// narration is loaded, like SpeakWord.
struct SpeakTitle {
    std::int64_t audioId = 0;
};
struct OpenPicture {
    int index = 0;
};
struct ClosePicture {};
struct ShowPicture {
    int index = 0;
};
struct DismissNotice {};
// Shows story card `card` (0-based; the card count is the end card).
struct ShowCard {
    int card = 0;
};
// "Read more": the page's whole article instead of its cards.
struct ReadArticle {};
struct PlayNarration {
    std::int64_t audioId = 0;
};
struct PauseNarration {};
struct ResumeNarration {};
struct StopNarration {};
// Says one of the kiosk's own words aloud (a ui.tsv key with a recording in assets/speech),
// unless the page's narration is loaded: a label must never cut off what she listens to.
struct SpeakWord {
    std::string key;
};
struct AnswerPoll {
    std::string pageId;
    pack::PollAnswer answer = pack::PollAnswer::Neutral;
};
struct ToggleLargeText {};
struct ToggleHighContrast {};
} // namespace action

using UiAction =
    std::variant<action::GoHome, action::GoBack, action::OpenCategory, action::OpenPage, action::SetLanguage,
                 action::SpeakLanguageName, action::SpeakTitle, action::OpenPicture, action::ClosePicture,
                 action::ShowPicture, action::DismissNotice, action::ShowCard, action::ReadArticle,
                 action::PlayNarration, action::PauseNarration, action::ResumeNarration,
                 action::StopNarration, action::SpeakWord, action::AnswerPoll, action::ToggleLargeText,
                 action::ToggleHighContrast>;

// The visitor's comfort settings; both end with the session.
struct VisitorModes {
    bool largeText = false;
    bool highContrast = false;
};

// What the page on screen has beyond its content, kept by KioskUi while the page is open.
struct PageExtras {
    bool canPlayAudio = false;                  // false: no sound output, so no speaker button
    PlaybackStatus playback;                    // what the sound output is doing this frame
    const qr::QrMatrix* sourceCode = nullptr;   // the source link as a QR code, or null
    std::optional<pack::PollAnswer> pollAnswer; // this session's answer to the page's poll
};

struct UiContext {
    const Metrics& metrics;
    const FontSet& fonts;
    const Palette& colours;
    VisitorModes modes;
    PictureSource& pictures;
    FrameRecord& record;
    const text::UiStrings& strings;
    const pack::PackReader& pack;
    const std::string& language;
    std::int64_t nowMilliseconds = 0;
    input::KineticScroller* scroller = nullptr; // the current screen's vertical scroll
    PageExtras page;
    std::vector<UiAction> actions;
    // Set by the page screen: the block its narration reads and where it is drawn, on screen
    // or scrolled out of it (KioskUi scrolls to follow it).
    struct BlockOnScreen {
        int block = 0;
        ImVec2 minimum;
        ImVec2 maximum;
    };
    std::optional<BlockOnScreen> blockBeingRead;

    std::string word(const char* key) const { return strings.get(key, language); }
    const std::string& defaultLanguage() const { return pack.metadata().defaultLanguage; }
    std::string localized(const pack::LocalizedText& text) const {
        return text.in(language, defaultLanguage());
    }
};

} // namespace kiosk::ui
