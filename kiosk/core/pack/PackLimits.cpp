#include "pack/PackLimits.hpp"

#include <array>
#include <utility>

namespace kiosk::pack {

namespace {

struct FieldLimit {
    TextField field;
    std::string_view description;
    int maximumCharacters;
};

// The lengths: room for what the demo pack and real commune documents hold, several times
// over (the demo's longest paragraph has 289 characters, its longest summary 216), and small
// enough that the longest page still lays out at once on a Pi.
constexpr std::array kFieldLimits{
    FieldLimit{TextField::PackTitle, "a pack title", 60},
    FieldLimit{TextField::LanguageName, "a language name",
               16}, // a pill of the top bar: see kMaximumLanguages
    FieldLimit{TextField::Publisher, "a publisher", 200},
    FieldLimit{TextField::CategoryTitle, "a category title", 60},
    FieldLimit{TextField::PageTitle, "a page title", 200},
    FieldLimit{TextField::PageSummary, "a page summary", 600},
    FieldLimit{TextField::Heading, "a heading", 200},
    FieldLimit{TextField::Paragraph, "a paragraph", 4000},
    FieldLimit{TextField::Bullet, "a bullet point", 2000},
    FieldLimit{TextField::Caption, "a picture caption", 500},
    // Large type under a picture on a 7-inch screen: about three lines at 800x480. The builder
    // also measures each card's text with the font (kiosk-pack: "does not fit its card").
    FieldLimit{TextField::CardText, "a story card's text", 160},
    FieldLimit{TextField::MeetingPlace, "a meeting place", 300},
    FieldLimit{TextField::MeetingOrganiser, "a meeting organiser", 300},
    FieldLimit{TextField::ProgrammeProvinces, "a programme's provinces", 1000},
    FieldLimit{TextField::ProgrammePartners, "a programme's partners", 1000},
    FieldLimit{TextField::PollQuestion, "a poll question", 300},
    FieldLimit{TextField::SourceLink, "a source link", 300},
    FieldLimit{TextField::Date, "a date", 32},
    FieldLimit{TextField::FileName, "a recording's file name", 255},
};

const FieldLimit& limitOf(TextField field) {
    for (const FieldLimit& limit : kFieldLimits)
        if (limit.field == field)
            return limit;
    return kFieldLimits.front(); // unreachable: every field is in the table
}

constexpr std::array kCountLimits{
    std::pair{Limit::Languages, kMaximumLanguages},
    std::pair{Limit::Categories, kMaximumCategories},
    std::pair{Limit::Pages, kMaximumPages},
    std::pair{Limit::PageBlocks, kMaximumBlocksPerPage},
    std::pair{Limit::PageCharacters, kMaximumPageCharacters},
    std::pair{Limit::TextTotal, kMaximumTextCharacters},
    std::pair{Limit::GalleryPictures, kMaximumGalleryPictures},
    std::pair{Limit::StoryCards, kMaximumStoryCards},
    std::pair{Limit::Recordings, kMaximumRecordings},
    std::pair{Limit::RecordingMinutes, kMaximumRecordingMinutes},
    std::pair{Limit::Characters, kMaximumCharacters},
    std::pair{Limit::WordLength, kMaximumWordCharacters},
};

// UTF-8 lead bytes: one per character. Counted on the bytes, so a 2 MB text costs one pass
// and no allocation, and invalid UTF-8 (refused elsewhere) cannot make it fail.
bool startsCharacter(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

bool isBreak(char byte) {
    return byte == ' ' || byte == '\t' || byte == '\n';
}

// The first characters of `text`, for a message that lets a field officer find it.
std::string opening(std::string_view text, std::size_t from = 0) {
    constexpr std::size_t kShown = 40;
    std::size_t end = from;
    for (std::size_t characters = 0; end < text.size(); ++end)
        if (startsCharacter(text[end]) && characters++ == kShown)
            break;
    return "'" + std::string(text.substr(from, end - from)) + (end < text.size() ? "…'" : "'");
}

} // namespace

std::size_t characterCount(std::string_view text) {
    std::size_t characters = 0;
    for (const char byte : text)
        characters += startsCharacter(byte) ? 1 : 0;
    return characters;
}

std::string_view describeField(TextField field) {
    return limitOf(field).description;
}

int maximumCharacters(TextField field) {
    return limitOf(field).maximumCharacters;
}

std::optional<TextLimitProblem> textLimitProblem(TextField field, std::string_view text) {
    const int maximum = maximumCharacters(field);
    std::size_t characters = 0;
    std::size_t word = 0;
    std::size_t wordStart = 0;
    std::optional<std::size_t> longWordStart;
    for (std::size_t index = 0; index < text.size(); ++index) {
        if (!startsCharacter(text[index]))
            continue;
        ++characters;
        if (isBreak(text[index])) {
            word = 0;
        } else {
            if (word == 0)
                wordStart = index;
            if (++word > static_cast<std::size_t>(kMaximumWordCharacters) && !longWordStart)
                longWordStart = wordStart;
        }
    }
    if (characters > static_cast<std::size_t>(maximum))
        return TextLimitProblem{Limit::TextLength, std::string(describeField(field)) + " longer than " +
                                                       std::to_string(maximum) + " characters (" +
                                                       std::to_string(characters) + "): " + opening(text)};
    // A link is one word; its own length limit is what keeps it drawable (it is broken by
    // the layout, and shown as a QR code).
    if (longWordStart && field != TextField::SourceLink)
        return TextLimitProblem{
            Limit::WordLength,
            std::string(describeField(field)) + " with a word of more than " +
                std::to_string(kMaximumWordCharacters) +
                " characters and no space, which cannot wrap on screen: " + opening(text, *longWordStart)};
    return std::nullopt;
}

void checkTextLimit(TextField field, std::string_view text, const std::string& where) {
    if (std::optional<TextLimitProblem> problem = textLimitProblem(field, text))
        throw PackLimitError(problem->limit, where + ": " + problem->message);
}

int maximumCount(Limit limit) {
    for (const auto& [known, maximum] : kCountLimits)
        if (known == limit)
            return maximum;
    return 0;
}

std::string describeCountLimit(Limit limit) {
    const std::string most = "more than " + std::to_string(maximumCount(limit));
    switch (limit) {
    case Limit::Languages:
        return most + " languages";
    case Limit::Categories:
        return most + " categories";
    case Limit::Pages:
        return most + " pages";
    case Limit::PageBlocks:
        return most + " headings, paragraphs and bullet points on one page";
    case Limit::PageCharacters:
        return most + " characters of text on one page";
    case Limit::TextTotal:
        return most + " characters of text in all";
    case Limit::GalleryPictures:
        return most + " pictures in one page's gallery";
    case Limit::StoryCards:
        return most + " story cards on one page";
    case Limit::Recordings:
        return most + " recordings";
    case Limit::RecordingMinutes:
        return most + " minutes of recordings in all";
    case Limit::Characters:
        return most + " different characters (their font atlas would not fit the 2048 px texture of a "
                      "Raspberry Pi 3)";
    case Limit::WordLength:
        return "a word of " + most + " characters";
    case Limit::TextLength:
        break;
    }
    return "a text over its length limit";
}

void checkCountLimit(Limit limit, std::size_t count, const std::string& where) {
    if (count > static_cast<std::size_t>(maximumCount(limit)))
        throw PackLimitError(limit, (where.empty() ? std::string() : where + ": ") + "the pack has " +
                                        describeCountLimit(limit));
}

} // namespace kiosk::pack
