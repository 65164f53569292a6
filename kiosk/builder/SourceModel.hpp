// A pack source after parsing: checked values, NFC text, and where each came from, so that
// later steps (fonts, pictures) can still point at the line to fix.
#pragma once

#include "Diagnostics.hpp"
#include "pack/PackModel.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::builder {

struct LanguageSource {
    pack::LanguageCode code;
    std::string nativeName;
    std::string packTitle; // falls back to the default language's title
    // pack.txt's `picture.<lang>`: the picture on the language's pill (in images/); empty for none.
    std::string pictureName;
    SourceLocation pictureLocation;
};

// A recording file in the source folder: a page's narration, a title or a language's spoken name.
struct AudioSourceFile {
    std::filesystem::path path;
    std::string shownName;    // as diagnostics name it
    std::string relativeName; // "vie/p4em.ogg", "names/vie.ogg": the clip's name in the pack
};

// A recorded narration's timings file (NarrationTimings.hpp).
struct TimingsSourceFile {
    std::filesystem::path path;
    std::string shownName;
};

struct PackSource {
    std::string packId;
    std::int64_t packVersion = 0;
    std::int64_t minimumKioskVersion = 0;
    std::string publisher;
    std::string created;
    pack::LanguageCode defaultLanguage;
    std::vector<LanguageSource> languages; // display order, default first
    // pack.txt's `narrate-missing`: the languages whose pages without a recording get a
    // synthesised one. `narrateMissingListed` is true when the key named the languages
    // (then each must have a voice), false for `yes` (languages without a voice are skipped).
    std::vector<pack::LanguageCode> narrateMissing;
    bool narrateMissingListed = false;
    SourceLocation narrateMissingLocation;
};

struct CategorySource {
    std::string id;
    std::string imageName;
    SourceLocation imageLocation;
    std::map<pack::LanguageCode, std::string> titles;
    // <lang>/<category-id>.title.ogg: the title spoken, by language.
    std::map<pack::LanguageCode, AudioSourceFile> titleRecordings;
};

struct GallerySource {
    std::string imageName;
    SourceLocation imageLocation;
};

// A piece of text the kiosk will draw, with the line it came from, for the font check.
struct DisplayedText {
    SourceLocation location;
    std::string text;
};

// One story card: its picture, named in the default language's `cards:` list.
struct CardSource {
    std::string imageName;
    SourceLocation imageLocation;
};

// The texts of one page in one language. Texts a translation leaves out are taken from the
// default language when the pack is written.
struct PageTexts {
    std::string title;
    std::optional<std::string> summary;
    std::vector<pack::TextBlock> blocks;
    std::map<int, std::string> captions;    // by 0-based gallery position
    std::map<int, DisplayedText> cardTexts; // by 0-based card position, with its line
    // Facts that are text (translated); empty when the page kind has none.
    std::optional<std::string> place;
    std::optional<std::string> organiser;
    std::optional<std::string> provinces;
    std::optional<std::string> partners;
    // The pack's own poll question in this language (`poll.question`); the kiosk's default when absent.
    std::optional<std::string> pollQuestion;
};

struct PageSource {
    std::string id;
    std::string categoryId;
    SourceLocation categoryLocation;
    std::int64_t order = 0;
    pack::PageKind kind = pack::PageKind::Article;
    std::string coverName;
    SourceLocation coverLocation;
    std::vector<GallerySource> gallery;
    std::vector<CardSource> cards; // empty: the page is only an article
    bool featured = false;
    std::optional<std::string> sourceUrl;
    // Meeting pages.
    std::string startsAt;
    std::optional<std::string> endsAt;
    // Programme pages.
    std::string periodStart;
    std::optional<std::string> periodEnd;
    // The default language always, other languages when the source has a file for them.
    std::map<pack::LanguageCode, PageTexts> texts;
    bool poll = false;
    SourceLocation pollLocation;
    // Recorded narrations, <lang>/<page-id>.ogg, by language. A language may have a
    // recording without a text translation: a spoken language may have no written one.
    std::map<pack::LanguageCode, AudioSourceFile> recordings;
    // <lang>/<page-id>.card-<N>.ogg, by 0-based card and language.
    std::map<std::pair<int, pack::LanguageCode>, AudioSourceFile> cardRecordings;
    // <lang>/<page-id>.title.ogg: the title spoken, by language.
    std::map<pack::LanguageCode, AudioSourceFile> titleRecordings;
    // <lang>/<page-id>.timings.txt: where a recorded narration starts each block, by language.
    std::map<pack::LanguageCode, TimingsSourceFile> narrationTimings;
};

struct PackSourceTree {
    PackSource pack;
    std::vector<CategorySource> categories; // display order
    std::vector<PageSource> pages;          // sorted by id
    std::vector<DisplayedText> displayedTexts;
    // Every usable picture file in images/, by its NFC name.
    std::map<std::string, std::filesystem::path> imageFiles;
    // names/<lang>.ogg: each language's name, spoken.
    std::map<pack::LanguageCode, AudioSourceFile> spokenNameFiles;
};

} // namespace kiosk::builder
