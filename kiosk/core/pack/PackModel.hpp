// What a content pack holds, as plain values the UI can read without touching SQLite.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::pack {

using LanguageCode = std::string; // ISO 639-3, e.g. "vie", "eng"

// Text in several languages, keyed by language code.
struct LocalizedText {
    std::map<LanguageCode, std::string> byLanguage;

    struct Choice {
        const std::string* text = nullptr; // never null when the map is not empty
        bool isFallback = false;           // true when `language` was missing
    };
    // The text in `language`, else in `defaultLanguage`, else in any language.
    Choice pick(const LanguageCode& language, const LanguageCode& defaultLanguage) const;
    std::string in(const LanguageCode& language, const LanguageCode& defaultLanguage) const;
};

struct PackMetadata {
    std::string packId;
    std::int64_t packVersion = 0;
    std::int64_t formatVersion = 0;
    std::int64_t minimumKioskVersion = 0;
    std::string publisher;
    std::string created; // YYYY-MM-DD
    LanguageCode defaultLanguage;
    // Every character the pack shows, ascending, as the builder listed it in pack_meta
    // 'characters'; absent in packs from builders before the list existed.
    std::optional<std::vector<char32_t>> characters;
};

// Where a page's narration starts reading one block of the page's text in its language.
struct NarrationMark {
    int block = 0; // position in PageContent::blocks
    std::int64_t startMilliseconds = 0;
};

// A recording in the pack, without its bytes (PackReader::loadAudio reads those).
struct AudioClipInfo {
    std::int64_t audioId = 0;
    LanguageCode language;                 // the language spoken
    std::int64_t durationMilliseconds = 0; // for a progress bar before playback starts
    bool synthetic = false;                // made by speech synthesis at build time, not recorded by a person
    // A page narration's marks (format version 3), by time; empty when the pack has none.
    std::vector<NarrationMark> marks;

    // The block being read at `positionMilliseconds`, or nullopt before the first mark (the
    // title and summary) or without marks.
    std::optional<int> blockReadAt(std::int64_t positionMilliseconds) const;
};

struct Language {
    LanguageCode code;
    std::string nativeName;
    std::string packTitle;
    // The language's name spoken aloud, for visitors who cannot read the picker.
    std::optional<AudioClipInfo> spokenName;
    // The picture on the language's pill (an image id; format version 3), so she can find her
    // language by sight too.
    std::optional<std::int64_t> pictureImageId;
};

// How a visitor answers a page's poll: three faces, so answering needs no reading.
enum class PollAnswer { Unhappy, Neutral, Happy };
inline constexpr PollAnswer kAllPollAnswers[] = {PollAnswer::Unhappy, PollAnswer::Neutral, PollAnswer::Happy};

// A one-question poll on a page.
struct PagePoll {
    // The pack's own question, by language; empty when the pack uses the kiosk's default
    // question (the UI string `poll_question`).
    LocalizedText question;

    // The pack's question in `language`, else in `defaultLanguage`; null when the pack sets
    // none, so the UI shows its own. Cheap: no copy, fit for every frame.
    const std::string* questionIn(const LanguageCode& language, const LanguageCode& defaultLanguage) const;
};

struct Category {
    std::string id;
    std::int64_t imageId = 0;
    LocalizedText title;
    std::map<LanguageCode, AudioClipInfo> titleRecordings; // the title spoken, by language
};

enum class PageKind { Article, Programme, Meeting };

// Enough of a page to draw its tile: the index the kiosk keeps in memory.
struct PageSummary {
    std::string id;
    std::string categoryId;
    PageKind kind = PageKind::Article;
    std::int64_t coverImageId = 0;
    bool featured = false;
    LocalizedText title;
    LocalizedText summary;
    std::map<LanguageCode, AudioClipInfo> narrations; // at most one recording per language
    std::optional<PagePoll> poll;
    // Story cards' recordings, by card (0-based) and language; empty for a page without cards
    // or whose cards have none.
    std::map<int, std::map<LanguageCode, AudioClipInfo>> cardNarrations;
    std::map<LanguageCode, AudioClipInfo> titleRecordings; // the title spoken, by language
};

struct PackIndex {
    PackMetadata metadata;
    std::vector<Language> languages;  // in display order (a pack may put minority languages first)
    std::vector<Category> categories; // in display order
    std::vector<PageSummary> pages;   // ordered by category, then position

    std::vector<const PageSummary*> pagesIn(const std::string& categoryId) const;
    const PageSummary* findPage(const std::string& pageId) const;
    const Category* findCategory(const std::string& categoryId) const;
    std::vector<std::int64_t> featuredImageIds() const;

    // The lookups below read only this index (no database, no copies), so a UI may call
    // them every frame. Null means "none".

    // The recording of `pageId` in exactly `language`.
    const AudioClipInfo* narration(const std::string& pageId, const LanguageCode& language) const;
    // The recording a visitor who chose `language` should hear: one in that language if the
    // pack has it (even for a page whose text is not translated: spoken minority languages
    // often have no written translation), else, when the page's text falls back to the
    // default language, the default language's recording. A page translated into
    // `language` without a recording in it has none: it would not match the text shown.
    const AudioClipInfo* narrationFor(const std::string& pageId, const LanguageCode& language) const;
    // A story card's recording, by the same rule as narrationFor: the card's text is
    // translated exactly when its page's is (the builder requires every card of a translation).
    const AudioClipInfo* cardNarrationFor(const std::string& pageId, int card,
                                          const LanguageCode& language) const;
    // The spoken title of a category or page tile, by the same rule as narrationFor.
    const AudioClipInfo* categoryTitleRecordingFor(const std::string& categoryId,
                                                   const LanguageCode& language) const;
    const AudioClipInfo* pageTitleRecordingFor(const std::string& pageId, const LanguageCode& language) const;
    // The page's poll, or null when the page has none.
    const PagePoll* poll(const std::string& pageId) const;
    // The spoken name of a language, or null.
    const AudioClipInfo* spokenName(const LanguageCode& language) const;
    const Language* findLanguage(const LanguageCode& code) const;

  private:
    const AudioClipInfo* recordingMatchingText(const std::map<LanguageCode, AudioClipInfo>& recordings,
                                               const LocalizedText& text, const LanguageCode& language) const;
};

enum class BlockKind { Heading, Paragraph, Bullet };

struct TextBlock {
    BlockKind kind = BlockKind::Paragraph;
    std::string text;
};

struct GalleryPicture {
    std::int64_t imageId = 0;
    std::string caption; // may be empty
};

// One screen of a story: a picture that carries the idea, and a sentence or two under it.
struct StoryCard {
    std::int64_t imageId = 0;
    std::string text; // in the page's language
};

struct MeetingFacts {
    std::string startsAt; // "YYYY-MM-DD HH:MM"
    std::optional<std::string> endsAt;
    std::string place;
    std::string organiser;
};

struct ProgrammeFacts {
    std::string periodStart; // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    std::optional<std::string> periodEnd;
    std::string provinces;
    std::string partners;
};

// One page in one language, loaded when the villager opens it.
struct PageContent {
    std::string id;
    PageKind kind = PageKind::Article;
    LanguageCode language;   // the language the text is in
    bool isFallback = false; // the requested language was missing
    std::string title;
    std::string summary;
    std::int64_t coverImageId = 0;
    std::vector<TextBlock> blocks;
    std::vector<GalleryPicture> gallery;
    // Empty for a page that is only an article; otherwise the page opens on its cards and
    // keeps the article behind "read more".
    std::vector<StoryCard> cards;
    std::optional<MeetingFacts> meeting;
    std::optional<ProgrammeFacts> programme;
    std::optional<std::string> sourceUrl;
};

enum class ImageSize { Thumbnail, Full };

struct EncodedImage {
    std::int64_t id = 0;
    std::string mime;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bytes;
    std::string sha256; // of `bytes` as the pack records it, lowercase hex
};

// A recording as stored, bytes checked against their SHA-256.
struct EncodedAudio {
    std::int64_t id = 0;
    std::string name; // where it came from in the source ("vie/p4em.ogg"), for messages
    std::string mime; // kAudioMime
    int channels = 0;
    int sampleRate = 0;
    std::int64_t durationMilliseconds = 0;
    bool synthetic = false;
    std::vector<std::uint8_t> bytes;
};

const char* pageKindName(PageKind kind);
std::optional<PageKind> pageKindFromName(const std::string& name);
const char* blockKindName(BlockKind kind);
std::optional<BlockKind> blockKindFromName(const std::string& name);
// "unhappy", "neutral", "happy": the names statistics count answers under.
const char* pollAnswerName(PollAnswer answer);
std::optional<PollAnswer> pollAnswerFromName(const std::string& name);

} // namespace kiosk::pack
