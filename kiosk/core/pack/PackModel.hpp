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
        const std::string* text = nullptr;  // never null when the map is not empty
        bool isFallback = false;            // true when `language` was missing
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
};

struct Language {
    LanguageCode code;
    std::string nativeName;
    std::string packTitle;
};

struct Category {
    std::string id;
    std::int64_t imageId = 0;
    LocalizedText title;
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
};

struct PackIndex {
    PackMetadata metadata;
    std::vector<Language> languages;    // in display order; the default language first
    std::vector<Category> categories;   // in display order
    std::vector<PageSummary> pages;     // ordered by category, then position

    std::vector<const PageSummary*> pagesIn(const std::string& categoryId) const;
    const PageSummary* findPage(const std::string& pageId) const;
    const Category* findCategory(const std::string& categoryId) const;
    std::vector<std::int64_t> featuredImageIds() const;
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
    LanguageCode language;    // the language the text is in
    bool isFallback = false;  // the requested language was missing
    std::string title;
    std::string summary;
    std::int64_t coverImageId = 0;
    std::vector<TextBlock> blocks;
    std::vector<GalleryPicture> gallery;
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
};

const char* pageKindName(PageKind kind);
std::optional<PageKind> pageKindFromName(const std::string& name);
const char* blockKindName(BlockKind kind);
std::optional<BlockKind> blockKindFromName(const std::string& name);

} // namespace kiosk::pack
