// The format's limits (content-packs/FORMAT.md, "Limits"): what a pack may hold so that the
// smallest supported kiosk (a Raspberry Pi 3 or Zero 2 W, 2048 px textures, 512 MB) shows it
// quickly. One place for all of them: the builder refuses a source over a limit, the reader a
// pack over one (so `--pack` is protected as an installed pack is), and the install check
// refuses with a reason per limit (install::Reason::PackTooManyPages...).
#pragma once

#include "pack/PackError.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::pack {

// What a pack holds.
// The top bar holds a pill per language beside the title and the text-size and contrast
// buttons; at 800x480, 4 pills of 16-character names fit, 6 cover the title and push the buttons
// off the screen (measured with the worst allowed pack, tests/install/WorstAllowedPack.hpp).
inline constexpr int kMaximumLanguages = 4;
// Home shows every category on one screen, the tiles shrinking to fit: 12 (three rows of four)
// still read at 800x480; at 1920x1080, 16 overlap and 24 broke the drawing altogether.
inline constexpr int kMaximumCategories = 12;
inline constexpr int kMaximumPages = 1000;
inline constexpr int kMaximumBlocksPerPage = 300; // headings, paragraphs, bullets of one page in one language
// Rows of narration_marks (a mark per block a narration reads): 500 narrations of 200 blocks.
// Read at every start, so bounded well below what the text limit would allow.
inline constexpr int kMaximumNarrationMarks = 100'000;
inline constexpr int kMaximumPageCharacters = 20000; // those blocks' text together, about ten printed pages
inline constexpr int kMaximumGalleryPictures = 50;   // per page
// A page's story cards: one picture and one idea a screen, read in a minute or two. The builder
// refuses fewer than the minimum (two cards are a picture with a caption); the reader only the
// maximum, the limit that bounds what a card page costs.
inline constexpr int kMinimumStoryCards = 3;
inline constexpr int kMaximumStoryCards = 8;
// All the text a pack stores (every TEXT column, each value once). The install check reads and
// checks every text, and the kiosk every page at each start: measured on the worst pack the
// other limits allow (370 million characters), that took 68 s and 17 s on a PC, minutes on a
// Pi, past the start timeout of the kiosk's systemd unit (60 s). 10 million characters is
// 1000 pages in two languages of 5000 characters each; on the worst pack the limits allow
// (bench-worst-allowed) the install check took 4.3 s on a PC and the start 1.4 s.
inline constexpr int kMaximumTextCharacters = 10'000'000;
// Rows of audio_clips: every page narrated in two languages, as many card recordings again (125
// pages of 8 cards in two languages), every page's and category's title spoken in two languages,
// and the languages' spoken names. What they cost to check is bounded by
// kMaximumRecordingMinutes, not by this count.
inline constexpr int kMaximumRecordings = 6 * kMaximumPages + 2 * kMaximumCategories + kMaximumLanguages;
// All the recordings together, in minutes (the sum rounded up): four hours, a minute and a half
// for each of 80 pages in two languages. The install check decodes every recording in full; at
// 20 hours that took 14 s (16 kHz mono) and 71 s (48 kHz stereo) on a PC (bench-recording-scan),
// and a Pi's Cortex-A53 is several times slower than that PC, past the staff's patience.
inline constexpr int kMaximumRecordingMinutes = 240;
// Distinct characters in the pack's character list (or its text, without a list), so that the
// font atlas made from them and the UI strings fits a 2048 px texture (the Pi 3's limit) at the
// largest screen whatever the characters are. The atlas is built by kiosk_ui, which the install
// check cannot use, so the limit is a count. Measured (tests/ui/font_atlas_limit_tests.cpp) with
// the largest glyphs the kiosk's fonts have at 1920x1080: the UI strings and 900 of them fit
// 2048x2048 (without the large-text sizes), 901 do not. A Vietnamese and English pack uses
// about 140 (the demo lists 139).
inline constexpr int kMaximumCharacters = 800;
// The longest run of characters without a space, tab or line break: a line must be able to
// wrap. Long enough for any word and most web links written in a text.
inline constexpr int kMaximumWordCharacters = 120;

// Every text the kiosk shows or keeps, with the most characters (code points) it may have.
enum class TextField {
    PackTitle,
    LanguageName,
    Publisher,
    CategoryTitle,
    PageTitle,
    PageSummary,
    Heading,
    Paragraph,
    Bullet,
    Caption,
    CardText, // one or two short sentences under a story card's picture
    MeetingPlace,
    MeetingOrganiser,
    ProgrammeProvinces,
    ProgrammePartners,
    PollQuestion,
    SourceLink, // also fits a QR code (qr::kMaximumTextBytes)
    Date,       // meeting times and programme periods
    FileName,   // a recording's name (for messages only)
};

// "a page title", for messages.
std::string_view describeField(TextField field);
int maximumCharacters(TextField field);

// Which limit a pack broke: the install check gives each its own reason.
enum class Limit {
    Languages,
    Categories,
    Pages,
    PageBlocks,     // on one page in one language
    PageCharacters, // of those blocks together
    TextTotal,      // all the pack's text
    GalleryPictures,
    StoryCards, // on one page
    Recordings,
    RecordingMinutes, // all recordings together
    Characters,
    TextLength,
    WordLength,
};

// A pack over one of the limits above. The message says which and by how much, for a field
// officer: "a category title is longer than 60 characters (it has 50000): '...'".
class PackLimitError : public PackError {
  public:
    PackLimitError(Limit limit, const std::string& message) : PackError(message), limit_(limit) {}
    Limit limit() const { return limit_; }

  private:
    Limit limit_;
};

// Whole minutes, rounded up: what Limit::RecordingMinutes counts.
inline constexpr std::int64_t minutesRoundedUp(std::int64_t milliseconds) {
    return (milliseconds + 59'999) / 60'000;
}

// Characters (code points) of UTF-8 text, counted on its bytes (one pass, no allocation).
std::size_t characterCount(std::string_view text);

// What is wrong with `text` as a `field`: too long, or a word too long to wrap. Nothing when
// it is within the limits. The limit broken comes with the message.
struct TextLimitProblem {
    Limit limit;
    std::string message;
};
std::optional<TextLimitProblem> textLimitProblem(TextField field, std::string_view text);
// Throws PackLimitError for textLimitProblem's problem, with `where` in front of its message.
void checkTextLimit(TextField field, std::string_view text, const std::string& where);

// "more than 1000 pages": a count limit (any but TextLength and WordLength) in words.
std::string describeCountLimit(Limit limit);
int maximumCount(Limit limit);
// Throws PackLimitError when `count` is over `limit`'s maximum.
void checkCountLimit(Limit limit, std::size_t count, const std::string& where = {});

} // namespace kiosk::pack
