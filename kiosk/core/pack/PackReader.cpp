#include "pack/PackReader.hpp"

#include "audio/VorbisDecoding.hpp"
#include "pack/PackIds.hpp"
#include "pack/PackLimits.hpp"
#include "pack/PackSchema.hpp"
#include "signing/Hex.hpp"
#include "text/CharacterList.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>
#include <sodium.h>

namespace kiosk::pack {

namespace {

// Every string from a pack passes through here: the pack is hostile until proven otherwise.
std::string checkedText(std::string text, const std::string& where) {
    if (const std::optional<std::string> problem = text::packTextProblem(text))
        throw PackError(where + ": " + *problem);
    return text;
}

// The same for a text the kiosk shows, within its field's limits (pack/PackLimits.hpp). The
// length is checked first: it is one pass over the bytes, the text checks are several.
std::string limitedText(std::string text, TextField field, const std::string& where) {
    checkTextLimit(field, text, where);
    return checkedText(std::move(text), where);
}

// Rows of a table keyed by page and language (or by language alone) cannot outnumber the
// pages and languages the pack may have; a pack whose table does was not made by the
// builder, and reading all of it could take minutes.
void checkRowCount(std::size_t rows, std::size_t maximum, const char* table) {
    if (rows > maximum)
        throw PackError("table " + std::string(table) + " has more rows than a pack can need (" +
                        std::to_string(maximum) + ")");
}

// An id checked against its grammar (pack/PackIds.hpp): ids are data and must never be able to
// name a file, whatever uses them later.
std::string checkedId(std::string id, bool (*grammar)(std::string_view), const char* what, const char* rule) {
    if (!grammar(id))
        throw PackIdError(std::string(what) + " '" + checkedText(id, what).substr(0, 40) + "' is not " +
                          rule);
    return id;
}
constexpr const char* kItemIdRule =
    "lowercase letters, digits, '-' and '_' (at most 64, starting with a letter or digit)";
// How far a recording may differ from the length its audio_clips row gives (the builder writes
// the decoded length, so only rounding separates them).
constexpr std::int64_t kRecordingLengthToleranceMilliseconds = 1000;

constexpr const char* kLanguageRule = "an ISO 639-3 code (three lowercase letters)";

constexpr std::size_t kMaximumPageLanguageRows =
    static_cast<std::size_t>(kMaximumPages) * static_cast<std::size_t>(kMaximumLanguages);

// libsodium rather than signing::sha256Hex (OpenSSL): OpenSSL's first SHA-256 in a process
// costs about 1 ms of set-up, and the kiosk hashes home's thumbnails while it starts.
std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return signing::toHex(digest);
}

std::int64_t parseInteger(const std::string& value, const std::string& key) {
    try {
        std::size_t used = 0;
        const long long number = std::stoll(value, &used);
        if (used != value.size())
            throw std::invalid_argument(value);
        return number;
    } catch (const std::exception&) {
        throw PackError("pack_meta '" + key + "' is not a whole number: '" + value.substr(0, 40) + "'");
    }
}

// A bad query here means a damaged or foreign file; say so in the terms staff can act on.
template <typename Function> auto translateDatabaseErrors(const std::string& context, Function&& function) {
    try {
        return function();
    } catch (const db::DatabaseError& error) {
        throw PackError(context + ": " + error.what());
    }
}

} // namespace

PackReader::PackReader(db::Database database) : database_(std::move(database)) {}

PackReader PackReader::openFile(const std::filesystem::path& path, std::int64_t kioskVersion) {
    db::Database database = translateDatabaseErrors("cannot open pack " + path.string(), [&] {
        return db::Database::open(path, db::Database::Mode::ReadOnly);
    });
    PackReader reader(std::move(database));
    translateDatabaseErrors("pack " + path.filename().string() + " is damaged or not a content pack",
                            [&] { reader.loadIndex(kioskVersion); });
    return reader;
}

PackReader PackReader::openMemory(std::span<const std::uint8_t> bytes, std::int64_t kioskVersion) {
    db::Database database = translateDatabaseErrors("cannot open embedded pack",
                                                    [&] { return db::Database::openReadOnlyMemory(bytes); });
    PackReader reader(std::move(database));
    translateDatabaseErrors("embedded pack is damaged", [&] { reader.loadIndex(kioskVersion); });
    return reader;
}

void PackReader::loadIndex(std::int64_t kioskVersion) {
    {
        db::Statement identity = database_.prepare("PRAGMA application_id");
        if (!identity.step() || identity.integer(0) != kApplicationId)
            throw PackError("not a kiosk content pack (wrong application id)");
    }
    {
        // The builder writes the format version twice; a pack where they disagree was not made by it.
        db::Statement version = database_.prepare("PRAGMA user_version");
        if (!version.step() || !isReadableFormatVersion(version.integer(0)))
            throw PackError("pack format version " + std::to_string(version.integer(0)) +
                            " is not supported by this kiosk (it reads versions " +
                            std::to_string(kFirstFormatVersion) + " to " +
                            std::to_string(kNewestFormatVersion) + ")");
        index_.metadata.formatVersion = version.integer(0);
    }
    {
        // Triggers and views are disabled on this connection, but a pack that carries them is
        // not one our builder made: refuse it rather than leave a trap for a future reader.
        db::Statement objects =
            database_.prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view')");
        if (objects.step())
            throw PackError("pack contains a " + objects.text(0) + " ('" + objects.text(1).substr(0, 40) +
                            "'), which content packs never have");
    }

    std::map<std::string, std::string> meta;
    {
        db::Statement rows = database_.prepare("SELECT key, value FROM pack_meta");
        while (rows.step()) {
            if (meta.size() > 100)
                throw PackError("pack_meta has too many rows");
            const std::string key = checkedText(rows.text(0), "pack_meta key");
            meta[key] = checkedText(rows.text(1), "pack_meta '" + key + "'");
        }
    }
    auto required = [&](const std::string& key) -> const std::string& {
        const auto found = meta.find(key);
        if (found == meta.end())
            throw PackError("pack_meta has no '" + key + "'");
        return found->second;
    };
    PackMetadata& metadata = index_.metadata;
    if (parseInteger(required("format_version"), "format_version") != metadata.formatVersion)
        throw PackError("pack_meta's format version is not the file's (" +
                        std::to_string(metadata.formatVersion) + "): the pack was not made by kiosk-pack");
    metadata.packId = checkedId(required("pack_id"), isValidPackId, "pack_meta 'pack_id'",
                                "ASCII letters, digits, '.' and '-' (at most 100)");
    metadata.packVersion = parseInteger(required("pack_version"), "pack_version");
    metadata.minimumKioskVersion = parseInteger(required("min_kiosk_version"), "min_kiosk_version");
    if (metadata.minimumKioskVersion > kioskVersion)
        throw PackError("pack needs kiosk version " + std::to_string(metadata.minimumKioskVersion) +
                        " or newer; this kiosk is version " + std::to_string(kioskVersion));
    metadata.publisher = required("publisher");
    checkTextLimit(TextField::Publisher, metadata.publisher, "pack_meta 'publisher'");
    metadata.created = required("created");
    checkTextLimit(TextField::Date, metadata.created, "pack_meta 'created'");
    metadata.defaultLanguage = required("default_language");
    if (const auto list = meta.find("characters"); list != meta.end()) {
        try {
            metadata.characters = text::parseCharacterList(list->second);
        } catch (const text::CharacterListError& error) {
            throw PackError(std::string("pack_meta 'characters': ") + error.what());
        }
        checkCountLimit(Limit::Characters, metadata.characters->size(), "pack_meta 'characters'");
    }

    {
        // Every query of a counted table stops one row past its limit (LIMIT): a pack with a
        // million pages is refused after 1001 rows, not after reading them all.
        db::Statement rows = database_.prepare(
            "SELECT code, native_name, pack_title FROM languages ORDER BY position, code LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumLanguages + 1});
        while (rows.step()) {
            checkCountLimit(Limit::Languages, index_.languages.size() + 1);
            Language language;
            language.code = checkedId(rows.text(0), isLanguageCode, "language code", kLanguageRule);
            language.nativeName =
                limitedText(rows.text(1), TextField::LanguageName, "language '" + language.code + "' name");
            language.packTitle = limitedText(rows.text(2), TextField::PackTitle,
                                             "language '" + language.code + "' pack title");
            index_.languages.push_back(std::move(language));
        }
    }
    if (hasSpokenTitles()) {
        db::Statement rows = database_.prepare("SELECT language, image_id FROM language_pictures LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumLanguages + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumLanguages, "language_pictures");
            const std::string code = checkedText(rows.text(0), "language picture's language");
            for (Language& language : index_.languages)
                if (language.code == code)
                    language.pictureImageId = rows.integer(1);
        }
    }
    bool defaultLanguageFound = false;
    for (const Language& language : index_.languages)
        defaultLanguageFound = defaultLanguageFound || language.code == metadata.defaultLanguage;
    if (!defaultLanguageFound)
        throw PackError("the default language '" + metadata.defaultLanguage +
                        "' is not among the pack's languages");

    std::map<std::string, Category*> categoriesById;
    {
        db::Statement rows =
            database_.prepare("SELECT id, image_id FROM categories ORDER BY position, id LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumCategories + 1});
        while (rows.step()) {
            checkCountLimit(Limit::Categories, index_.categories.size() + 1);
            Category category;
            category.id = checkedId(rows.text(0), isValidItemId, "category id", kItemIdRule);
            category.imageId = rows.integer(1);
            index_.categories.push_back(std::move(category));
        }
    }
    for (Category& category : index_.categories)
        categoriesById[category.id] = &category;
    {
        db::Statement rows = database_.prepare("SELECT category_id, language, title FROM category_texts");
        while (rows.step()) {
            const auto found = categoriesById.find(rows.text(0));
            if (found == categoriesById.end())
                throw PackError("category_texts names an unknown category");
            const std::string language = checkedText(rows.text(1), "category language");
            if (!index_.findLanguage(language))
                throw PackError("category '" + found->first + "' has a title in language '" +
                                language.substr(0, 10) + "', which the pack does not declare");
            found->second->title.byLanguage[language] =
                limitedText(rows.text(2), TextField::CategoryTitle,
                            "category '" + found->first + "' (" + language + ") title");
        }
    }

    {
        db::Statement rows =
            database_.prepare("SELECT p.id, p.category_id, p.kind, p.cover_image_id, p.featured "
                              "FROM pages p JOIN categories c ON c.id = p.category_id "
                              "ORDER BY c.position, p.position, p.id LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumPages + 1});
        while (rows.step()) {
            checkCountLimit(Limit::Pages, index_.pages.size() + 1);
            PageSummary page;
            page.id = checkedId(rows.text(0), isValidItemId, "page id", kItemIdRule);
            page.categoryId = rows.text(1);
            const std::optional<PageKind> kind = pageKindFromName(rows.text(2));
            if (!kind)
                throw PackError("page '" + page.id + "': unknown kind");
            page.kind = *kind;
            page.coverImageId = rows.integer(3);
            page.featured = rows.integer(4) != 0;
            index_.pages.push_back(std::move(page));
        }
    }
    std::map<std::string, PageSummary*> pagesById;
    for (PageSummary& page : index_.pages)
        pagesById[page.id] = &page;
    {
        db::Statement rows =
            database_.prepare("SELECT page_id, language, title, summary FROM page_texts LIMIT ?");
        rows.bind(1, static_cast<std::int64_t>(kMaximumPageLanguageRows + 1));
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumPageLanguageRows, "page_texts");
            const auto found = pagesById.find(rows.text(0));
            if (found == pagesById.end())
                continue; // text of a page in no category: never shown
            const std::string language = checkedText(rows.text(1), "page language");
            if (!index_.findLanguage(language))
                throw PackError("page '" + found->first + "' has a title in language '" +
                                language.substr(0, 10) + "', which the pack does not declare");
            const std::string where = "page '" + found->first + "' (" + language + ")";
            found->second->title.byLanguage[language] =
                limitedText(rows.text(2), TextField::PageTitle, where + " title");
            found->second->summary.byLanguage[language] =
                limitedText(rows.text(3), TextField::PageSummary, where + " summary");
        }
    }
    for (const PageSummary& page : index_.pages)
        if (!page.title.byLanguage.contains(metadata.defaultLanguage))
            throw PackError("page '" + page.id + "' has no title in the default language");
    loadAudioIndex();
}

// Narrations, spoken language names and polls: small rows, read once so that the UI's
// every-frame questions ("does this page have narration?") never touch the database.
void PackReader::loadAudioIndex() {
    std::map<std::int64_t, AudioClipInfo> clips;
    {
        db::Statement rows = database_.prepare("SELECT id, name, mime, channels, sample_rate, duration_ms, "
                                               "synthetic, length(data) FROM audio_clips LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumRecordings + 1});
        // As the rows declare them; validateAllAudio checks each row against its recording.
        std::int64_t totalMilliseconds = 0;
        while (rows.step()) {
            checkCountLimit(Limit::Recordings, clips.size() + 1);
            const std::int64_t id = rows.integer(0);
            const std::string where = "recording " + std::to_string(id);
            limitedText(rows.text(1), TextField::FileName, where + " name");
            const audio::AudioLimits& limits = kAudioLimits;
            const std::int64_t channels = rows.integer(3);
            const std::int64_t sampleRate = rows.integer(4);
            const std::int64_t duration = rows.integer(5);
            const std::int64_t length = rows.integer(7);
            if (rows.text(2) != kAudioMime)
                throw PackError(where + " is not Ogg audio");
            if (channels < 1 || channels > limits.maximumChannels || sampleRate < limits.minimumSampleRate ||
                sampleRate > limits.maximumSampleRate)
                throw PackError(where + " has an unsupported format (" + std::to_string(channels) +
                                " channels, " + std::to_string(sampleRate) + " Hz)");
            if (duration < 1 || duration > limits.maximumDurationMilliseconds)
                throw PackError(where + " claims a length of " + std::to_string(duration) + " ms");
            if (length < 1 || static_cast<std::uint64_t>(length) > limits.maximumEncodedBytes)
                throw PackError(where + " is " + std::to_string(length) + " bytes; the limit is " +
                                std::to_string(limits.maximumEncodedBytes));
            clips[id] = AudioClipInfo{id, {}, duration, rows.integer(6) != 0, {}};
            totalMilliseconds += duration;
        }
        checkCountLimit(Limit::RecordingMinutes,
                        static_cast<std::size_t>(minutesRoundedUp(totalMilliseconds)));
    }
    auto clipFor = [&](std::int64_t audioId, const LanguageCode& language, const std::string& where) {
        const auto found = clips.find(audioId);
        if (found == clips.end())
            throw PackError(where + " refers to recording " + std::to_string(audioId) +
                            ", which the pack lacks");
        AudioClipInfo clip = found->second;
        clip.language = language;
        return clip;
    };
    auto checkedLanguage = [&](const std::string& code, const std::string& where) {
        const std::string language = checkedText(code, where + " language");
        if (!index_.findLanguage(language))
            throw PackError(where + " is in language '" + language.substr(0, 10) +
                            "', which the pack does not declare");
        return language;
    };

    std::map<std::string, PageSummary*> pagesById;
    for (PageSummary& page : index_.pages)
        pagesById[page.id] = &page;
    // A table of (page, language, recording) rows, each page's recordings by language: rows of a
    // page in no category are never shown and skipped.
    using PageRecordings = std::map<LanguageCode, AudioClipInfo> PageSummary::*;
    auto loadPageRecordings = [&](const std::string& table, PageRecordings recordings,
                                  const std::string& what) {
        db::Statement rows =
            database_.prepare("SELECT page_id, language, audio_id FROM " + table + " LIMIT ?");
        rows.bind(1, static_cast<std::int64_t>(kMaximumPageLanguageRows + 1));
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumPageLanguageRows, table.c_str());
            const auto page = pagesById.find(rows.text(0));
            if (page == pagesById.end())
                continue;
            const std::string where = what + " of page '" + page->first + "'";
            const LanguageCode language = checkedLanguage(rows.text(1), where);
            (page->second->*recordings)[language] = clipFor(rows.integer(2), language, where);
        }
    };
    loadPageRecordings("page_narrations", &PageSummary::narrations, "narration");
    if (hasSpokenTitles())
        loadNarrationMarks(pagesById);
    if (hasStoryCards()) {
        db::Statement rows =
            database_.prepare("SELECT page_id, position, language, audio_id FROM card_narrations LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumRecordings + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumRecordings, "card_narrations");
            const auto page = pagesById.find(rows.text(0));
            const std::int64_t position = rows.integer(1);
            if (page == pagesById.end() || position < 0 || position >= kMaximumStoryCards)
                continue; // never shown: loadPage reads only the cards a page has
            const std::string where =
                "narration of card " + std::to_string(position + 1) + " of page '" + page->first + "'";
            const LanguageCode language = checkedLanguage(rows.text(2), where);
            page->second->cardNarrations[static_cast<int>(position)][language] =
                clipFor(rows.integer(3), language, where);
        }
    }
    {
        db::Statement rows =
            database_.prepare("SELECT language, audio_id FROM language_spoken_names LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumLanguages + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumLanguages, "language_spoken_names");
            const LanguageCode code = checkedLanguage(rows.text(0), "spoken language name");
            for (Language& language : index_.languages)
                if (language.code == code)
                    language.spokenName = clipFor(rows.integer(1), code, "the spoken name of '" + code + "'");
        }
    }
    if (hasSpokenTitles()) {
        db::Statement rows = database_.prepare(
            "SELECT category_id, language, audio_id FROM category_title_narrations LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumCategories * kMaximumLanguages + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumCategories * kMaximumLanguages, "category_title_narrations");
            const std::string categoryId = rows.text(0);
            const auto category = std::find_if(index_.categories.begin(), index_.categories.end(),
                                               [&](const Category& each) { return each.id == categoryId; });
            if (category == index_.categories.end())
                continue; // the foreign key names a category the pack has; the install check saw to it
            const std::string where = "spoken title of category '" + category->id + "'";
            const LanguageCode language = checkedLanguage(rows.text(1), where);
            category->titleRecordings[language] = clipFor(rows.integer(2), language, where);
        }
    }
    if (hasSpokenTitles())
        loadPageRecordings("page_title_narrations", &PageSummary::titleRecordings, "spoken title");
    {
        db::Statement rows = database_.prepare("SELECT page_id FROM page_polls LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumPages + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumPages, "page_polls");
            if (const auto page = pagesById.find(rows.text(0)); page != pagesById.end())
                page->second->poll.emplace();
        }
    }
    {
        db::Statement rows =
            database_.prepare("SELECT page_id, language, question FROM poll_questions LIMIT ?");
        rows.bind(1, static_cast<std::int64_t>(kMaximumPageLanguageRows + 1));
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumPageLanguageRows, "poll_questions");
            const auto page = pagesById.find(rows.text(0));
            if (page == pagesById.end() || !page->second->poll)
                continue;
            const std::string where = "poll of page '" + page->first + "'";
            const LanguageCode language = checkedLanguage(rows.text(1), where);
            page->second->poll->question.byLanguage[language] =
                limitedText(rows.text(2), TextField::PollQuestion, where + " (" + language + ") question");
        }
    }
}

PageContent PackReader::loadPage(const std::string& pageId, const LanguageCode& language) const {
    const PageSummary* summary = index_.findPage(pageId);
    if (!summary)
        throw PackError("no page '" + pageId + "' in this pack");
    const bool translated = summary->title.byLanguage.contains(language);
    return translateDatabaseErrors("page '" + pageId + "'", [&] {
        return loadPageIn(*summary, translated ? language : index_.metadata.defaultLanguage, !translated);
    });
}

PageContent PackReader::loadPageIn(const PageSummary& summary, const LanguageCode& language,
                                   bool isFallback) const {
    const LanguageCode& fallback = index_.metadata.defaultLanguage;
    const std::string where = "page '" + summary.id + "' (" + language + ")";
    PageContent page;
    page.id = summary.id;
    page.kind = summary.kind;
    page.language = language;
    page.isFallback = isFallback;
    page.title = summary.title.in(language, fallback);
    page.summary = summary.summary.in(language, fallback);
    page.coverImageId = summary.coverImageId;

    {
        db::Statement rows = database_.prepare("SELECT source_url FROM pages WHERE id = ?");
        rows.bind(1, summary.id);
        if (rows.step() && !rows.isNull(0))
            page.sourceUrl = limitedText(rows.text(0), TextField::SourceLink, where + " source link");
    }
    {
        db::Statement rows = database_.prepare("SELECT kind, text FROM page_blocks WHERE page_id = ? AND "
                                               "language = ? ORDER BY position LIMIT ?");
        rows.bind(1, summary.id).bind(2, language).bind(3, std::int64_t{kMaximumBlocksPerPage + 1});
        std::size_t characters = 0;
        while (rows.step()) {
            checkCountLimit(Limit::PageBlocks, page.blocks.size() + 1, where);
            const std::optional<BlockKind> kind = blockKindFromName(rows.text(0));
            if (!kind)
                throw PackError(where + ": unknown block kind");
            const TextField field = *kind == BlockKind::Heading  ? TextField::Heading
                                    : *kind == BlockKind::Bullet ? TextField::Bullet
                                                                 : TextField::Paragraph;
            page.blocks.push_back(TextBlock{*kind, limitedText(rows.text(1), field, where + " text")});
            characters += characterCount(page.blocks.back().text);
            checkCountLimit(Limit::PageCharacters, characters, where);
        }
    }
    {
        db::Statement rows =
            database_.prepare("SELECT g.image_id, "
                              "  (SELECT caption FROM gallery_captions c WHERE c.page_id = g.page_id AND "
                              "c.position = g.position "
                              "     AND c.language IN (?2, ?3) ORDER BY c.language = ?2 DESC LIMIT 1) "
                              "FROM gallery_images g WHERE g.page_id = ?1 ORDER BY g.position LIMIT ?4");
        rows.bind(1, summary.id)
            .bind(2, language)
            .bind(3, fallback)
            .bind(4, std::int64_t{kMaximumGalleryPictures + 1});
        while (rows.step()) {
            checkCountLimit(Limit::GalleryPictures, page.gallery.size() + 1, where);
            page.gallery.push_back(GalleryPicture{
                rows.integer(0), limitedText(rows.text(1), TextField::Caption, where + " caption")});
        }
    }
    if (hasStoryCards()) {
        db::Statement rows =
            database_.prepare("SELECT k.image_id, "
                              "  (SELECT text FROM card_texts t WHERE t.page_id = k.page_id AND "
                              "t.position = k.position AND t.language IN (?2, ?3) "
                              "ORDER BY t.language = ?2 DESC LIMIT 1) "
                              "FROM page_cards k WHERE k.page_id = ?1 ORDER BY k.position LIMIT ?4");
        rows.bind(1, summary.id)
            .bind(2, language)
            .bind(3, fallback)
            .bind(4, std::int64_t{kMaximumStoryCards + 1});
        while (rows.step()) {
            checkCountLimit(Limit::StoryCards, page.cards.size() + 1, where);
            const std::string card = where + " card " + std::to_string(page.cards.size() + 1);
            if (rows.isNull(1))
                throw PackError(card + " has no text");
            page.cards.push_back(
                StoryCard{rows.integer(0), limitedText(rows.text(1), TextField::CardText, card + " text")});
        }
    }
    auto pickText = [&](const std::string& table, const std::string& columns) {
        db::Statement rows = database_.prepare("SELECT " + columns + " FROM " + table +
                                               " WHERE page_id = ?1 AND language IN (?2, ?3)"
                                               " ORDER BY language = ?2 DESC LIMIT 1");
        rows.bind(1, summary.id).bind(2, language).bind(3, fallback);
        return rows;
    };
    if (summary.kind == PageKind::Meeting) {
        db::Statement facts = database_.prepare("SELECT starts_at, ends_at FROM meetings WHERE page_id = ?");
        facts.bind(1, summary.id);
        if (!facts.step())
            throw PackError(where + ": a meeting page without its date");
        MeetingFacts meeting;
        meeting.startsAt = limitedText(facts.text(0), TextField::Date, where + " start");
        if (!facts.isNull(1))
            meeting.endsAt = limitedText(facts.text(1), TextField::Date, where + " end");
        db::Statement texts = pickText("meeting_texts", "place, organiser");
        if (texts.step()) {
            meeting.place = limitedText(texts.text(0), TextField::MeetingPlace, where + " place");
            meeting.organiser = limitedText(texts.text(1), TextField::MeetingOrganiser, where + " organiser");
        }
        page.meeting = std::move(meeting);
    }
    if (summary.kind == PageKind::Programme) {
        db::Statement facts =
            database_.prepare("SELECT period_start, period_end FROM programmes WHERE page_id = ?");
        facts.bind(1, summary.id);
        if (!facts.step())
            throw PackError(where + ": a programme page without its period");
        ProgrammeFacts programme;
        programme.periodStart = limitedText(facts.text(0), TextField::Date, where + " period");
        if (!facts.isNull(1))
            programme.periodEnd = limitedText(facts.text(1), TextField::Date, where + " period end");
        db::Statement texts = pickText("programme_texts", "provinces, partners");
        if (texts.step()) {
            programme.provinces =
                limitedText(texts.text(0), TextField::ProgrammeProvinces, where + " provinces");
            programme.partners =
                limitedText(texts.text(1), TextField::ProgrammePartners, where + " partners");
        }
        page.programme = std::move(programme);
    }
    return page;
}

void PackReader::validateAllPages() const {
    // A page not translated into a language is shown in the default one, already checked:
    // each stored text is read once, so the work is bounded by kMaximumTextCharacters.
    for (const PageSummary& page : index_.pages)
        for (const Language& language : index_.languages)
            if (page.title.byLanguage.contains(language.code))
                loadPage(page.id, language.code);
}

EncodedImage PackReader::loadImageUnchecked(std::int64_t imageId, ImageSize size) const {
    const std::string columns = size == ImageSize::Full
                                    ? "mime, width, height, sha256, length(data), data"
                                    : "thumb_mime, thumb_width, thumb_height, thumb_sha256, "
                                      "length(thumb_data), thumb_data";
    return translateDatabaseErrors("picture " + std::to_string(imageId), [&] {
        db::Statement rows = database_.prepare("SELECT " + columns + " FROM images WHERE id = ?");
        rows.bind(1, imageId);
        if (!rows.step())
            throw PackError("picture " + std::to_string(imageId) + " is missing from the pack");
        if (rows.integer(4) < 0 || static_cast<std::uint64_t>(rows.integer(4)) > kMaximumImageBytes)
            throw PackError("picture " + std::to_string(imageId) + " is too large");
        EncodedImage image;
        image.id = imageId;
        image.mime = rows.text(0);
        image.width = static_cast<int>(rows.integer(1));
        image.height = static_cast<int>(rows.integer(2));
        if (image.mime != "image/png" && image.mime != "image/jpeg")
            throw PackError("picture " + std::to_string(imageId) + " has an unsupported type");
        image.bytes = rows.blob(5);
        image.sha256 = rows.text(3);
        return image;
    });
}

EncodedImage PackReader::loadImage(std::int64_t imageId, ImageSize size) const {
    EncodedImage image = loadImageUnchecked(imageId, size);
    checkImageHash(image);
    return image;
}

bool matchesRecordedHash(std::span<const std::uint8_t> bytes, std::string_view recordedSha256) {
    return sha256Hex(bytes) == recordedSha256;
}

void checkImageHash(const EncodedImage& image) {
    if (!matchesRecordedHash(image.bytes, image.sha256))
        throw PackError("picture " + std::to_string(image.id) + " does not match its SHA-256");
}

EncodedAudio PackReader::loadAudio(std::int64_t audioId) const {
    const std::string where = "recording " + std::to_string(audioId);
    return translateDatabaseErrors(where, [&] {
        db::Statement rows =
            database_.prepare("SELECT name, mime, channels, sample_rate, duration_ms, synthetic, "
                              "sha256, length(data), data FROM audio_clips WHERE id = ?");
        rows.bind(1, audioId);
        if (!rows.step())
            throw PackError(where + " is missing from the pack");
        EncodedAudio clip;
        clip.id = audioId;
        clip.name = checkedText(rows.text(0), where + " name");
        const std::string named = where + " ('" + clip.name.substr(0, 80) + "')";
        // Checked before the blob is read: a hostile pack must not make the kiosk load a gigabyte.
        if (rows.integer(7) < 1 ||
            static_cast<std::uint64_t>(rows.integer(7)) > kAudioLimits.maximumEncodedBytes)
            throw PackError(named + " is too large");
        clip.mime = rows.text(1);
        if (clip.mime != kAudioMime)
            throw PackError(named + " has an unsupported type");
        clip.channels = static_cast<int>(std::clamp<std::int64_t>(rows.integer(2), 0, 64));
        clip.sampleRate = static_cast<int>(std::clamp<std::int64_t>(rows.integer(3), 0, 1'000'000));
        clip.durationMilliseconds = rows.integer(4);
        clip.synthetic = rows.integer(5) != 0;
        clip.bytes = rows.blob(8);
        if (sha256Hex(clip.bytes) != rows.text(6))
            throw PackError(named + " does not match its SHA-256: the pack is damaged (copy it again)");
        return clip;
    });
}

// Where each page narration reaches each block. Marks must move forward in time block by
// block and stay within their recording; a mark of a recording that is no page's narration is
// never used.
void PackReader::loadNarrationMarks(const std::map<std::string, PageSummary*>& pagesById) {
    std::map<std::int64_t, std::vector<NarrationMark>> marksByAudio;
    {
        db::Statement rows = database_.prepare(
            "SELECT audio_id, block, start_ms FROM narration_marks ORDER BY audio_id, block LIMIT ?");
        rows.bind(1, std::int64_t{kMaximumNarrationMarks + 1});
        for (std::size_t count = 1; rows.step(); ++count) {
            checkRowCount(count, kMaximumNarrationMarks, "narration_marks");
            const std::int64_t block = rows.integer(1);
            if (block < 0 || block >= kMaximumBlocksPerPage)
                throw PackError("a narration mark names block " + std::to_string(block) +
                                "; a page has at most " + std::to_string(kMaximumBlocksPerPage));
            marksByAudio[rows.integer(0)].push_back(NarrationMark{static_cast<int>(block), rows.integer(2)});
        }
    }
    for (const auto& [id, page] : pagesById)
        for (auto& [language, clip] : page->narrations) {
            const auto marks = marksByAudio.find(clip.audioId);
            if (marks == marksByAudio.end())
                continue;
            std::int64_t previous = 0;
            for (const NarrationMark& mark : marks->second) {
                if (mark.startMilliseconds < previous || mark.startMilliseconds > clip.durationMilliseconds)
                    throw PackError("the narration of page '" + id + "' (" + language + ") marks block " +
                                    std::to_string(mark.block + 1) + " at " +
                                    std::to_string(mark.startMilliseconds) +
                                    " ms: marks must follow each other within the recording");
                previous = mark.startMilliseconds;
            }
            clip.marks = marks->second;
        }
}

void PackReader::validateAllAudio() const {
    std::set<std::int64_t> audioIds;
    for (const Language& language : index_.languages)
        if (language.spokenName)
            audioIds.insert(language.spokenName->audioId);
    for (const PageSummary& page : index_.pages)
        for (const auto& [language, clip] : page.narrations)
            audioIds.insert(clip.audioId);
    for (const PageSummary& page : index_.pages)
        for (const auto& [card, clips] : page.cardNarrations)
            for (const auto& [language, clip] : clips)
                audioIds.insert(clip.audioId);
    for (const Category& category : index_.categories)
        for (const auto& [language, clip] : category.titleRecordings)
            audioIds.insert(clip.audioId);
    for (const PageSummary& page : index_.pages)
        for (const auto& [language, clip] : page.titleRecordings)
            audioIds.insert(clip.audioId);
    for (const std::int64_t id : audioIds) {
        const EncodedAudio clip = loadAudio(id);
        try {
            // The rows' lengths are what the pack's total was limited by (loadAudioIndex), so
            // the decode stops soon after a row's length: a row that understates its recording
            // cannot make this check decode hours of sound.
            audio::AudioLimits limits = kAudioLimits;
            limits.maximumDurationMilliseconds =
                std::min(limits.maximumDurationMilliseconds,
                         clip.durationMilliseconds + kRecordingLengthToleranceMilliseconds);
            const audio::AudioFormat decoded = audio::scanVorbis(clip.bytes, limits);
            if (decoded.channels != clip.channels || decoded.sampleRate != clip.sampleRate)
                throw audio::AudioError("its table row says " + std::to_string(clip.channels) +
                                        " channels at " + std::to_string(clip.sampleRate) +
                                        " Hz, the recording has " + std::to_string(decoded.channels) +
                                        " at " + std::to_string(decoded.sampleRate) + " Hz");
            if (decoded.frames >= audio::maximumFrames(limits, decoded.sampleRate) ||
                std::abs(decoded.durationMilliseconds() - clip.durationMilliseconds) >
                    kRecordingLengthToleranceMilliseconds)
                throw audio::AudioError(
                    "its table row says it lasts " + std::to_string(clip.durationMilliseconds) +
                    " ms, the recording " +
                    (decoded.frames >= audio::maximumFrames(limits, decoded.sampleRate)
                         ? std::string("is longer")
                         : "lasts " + std::to_string(decoded.durationMilliseconds()) + " ms"));
        } catch (const audio::AudioError& error) {
            throw PackError("recording " + std::to_string(id) + " ('" + clip.name.substr(0, 80) +
                            "'): " + error.what());
        }
    }
}

std::vector<char32_t> PackReader::charactersToDraw() const {
    if (index_.metadata.characters)
        return *index_.metadata.characters; // counted when the pack was opened
    std::vector<char32_t> used = usedCodePoints();
    checkCountLimit(Limit::Characters, used.size(), "the pack's text");
    return used;
}

std::vector<char32_t> PackReader::usedCodePoints() const {
    std::set<char32_t> used;
    auto add = [&](const std::string& value) {
        for (const char32_t codePoint : text::codePoints(value))
            used.insert(codePoint);
    };
    for (const Language& language : index_.languages) {
        add(language.nativeName);
        add(language.packTitle);
    }
    for (const Category& category : index_.categories)
        for (const auto& [language, title] : category.title.byLanguage)
            add(title);
    for (const PageSummary& page : index_.pages)
        for (const Language& language : index_.languages) {
            if (!page.title.byLanguage.contains(language.code))
                continue;
            const PageContent content = loadPage(page.id, language.code);
            add(content.title);
            add(content.summary);
            for (const TextBlock& block : content.blocks)
                add(block.text);
            for (const GalleryPicture& picture : content.gallery)
                add(picture.caption);
            for (const StoryCard& card : content.cards)
                add(card.text);
            if (content.meeting) {
                add(content.meeting->startsAt);
                add(content.meeting->place);
                add(content.meeting->organiser);
            }
            if (content.programme) {
                add(content.programme->periodStart);
                add(content.programme->periodEnd.value_or(""));
                add(content.programme->provinces);
                add(content.programme->partners);
            }
            if (content.sourceUrl)
                add(*content.sourceUrl);
        }
    for (const PageSummary& page : index_.pages)
        if (page.poll)
            for (const auto& [language, question] : page.poll->question.byLanguage)
                add(question);
    return {used.begin(), used.end()};
}

} // namespace kiosk::pack
