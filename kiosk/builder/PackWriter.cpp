#include "PackWriter.hpp"

#include "db/Database.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"
#include "text/CharacterList.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <stdexcept>

namespace kiosk::builder {

namespace {

struct SqliteMemoryDeleter {
    void operator()(unsigned char* memory) const { sqlite3_free(memory); }
};

// The oldest format that holds the pack: kiosks that read only older versions keep taking
// packs that need nothing newer.
std::int64_t formatVersionFor(const PackSourceTree& tree, const PackAudio& audio) {
    const bool hasLanguagePictures =
        std::any_of(tree.pack.languages.begin(), tree.pack.languages.end(),
                    [](const LanguageSource& language) { return !language.pictureName.empty(); });
    const bool hasMarks = std::any_of(audio.clips.begin(), audio.clips.end(),
                                      [](const auto& clip) { return !clip.second.marks.empty(); });
    if (hasLanguagePictures || hasMarks || !audio.pageTitles.empty() || !audio.categoryTitles.empty())
        return pack::kSpokenTitlesFormatVersion;
    const bool hasCards = std::any_of(tree.pages.begin(), tree.pages.end(),
                                      [](const PageSource& page) { return !page.cards.empty(); });
    return hasCards ? pack::kStoryCardsFormatVersion : pack::kFirstFormatVersion;
}

class PackDatabaseWriter {
  public:
    PackDatabaseWriter(const PackSourceTree& tree, const std::map<std::string, ProcessedImage>& images,
                       const PackAudio& audio)
        : tree_(tree), images_(images), audio_(audio), formatVersion_(formatVersionFor(tree, audio)),
          database_(db::Database::open(":memory:", db::Database::Mode::ReadWriteCreate)) {}

    std::vector<std::uint8_t> write() {
        // The page size must be fixed before the first table exists; a fixed one keeps the
        // file identical whatever SQLite's compile-time default is.
        database_.execute("PRAGMA page_size = " + std::to_string(pack::kPageBytes) +
                          "; PRAGMA encoding = 'UTF-8'; PRAGMA foreign_keys = ON;");
        database_.execute(pack::kSchemaSql);
        if (formatVersion_ >= pack::kStoryCardsFormatVersion)
            database_.execute(pack::kStoryCardsSchemaSql);
        if (formatVersion_ >= pack::kSpokenTitlesFormatVersion)
            database_.execute(pack::kSpokenTitlesSchemaSql);
        database_.execute("PRAGMA application_id = " + std::to_string(pack::kApplicationId) + ";");
        database_.execute("PRAGMA user_version = " + std::to_string(formatVersion_) + ";");
        {
            db::Transaction transaction(database_);
            writeMetadata();
            writeLanguages();
            writeImages();
            writeAudio();
            writeCategories();
            for (const PageSource& page : tree_.pages)
                writePage(page);
            writeSpokenNames();
            if (formatVersion_ >= pack::kSpokenTitlesFormatVersion)
                writeVersion3Tables();
            transaction.commit();
        }
        writeCharacterList();
        checkForeignKeys();
        // Rewrites the file compactly with rows in key order, so equal content gives equal bytes.
        database_.execute("VACUUM;");
        return serialize();
    }

  private:
    const PageTexts& defaultTexts(const PageSource& page) const {
        return page.texts.at(tree_.pack.defaultLanguage);
    }

    void writeMetadata() {
        const PackSource& pack = tree_.pack;
        const std::pair<const char*, std::string> rows[] = {
            {"format_version", std::to_string(formatVersion_)},
            {"pack_id", pack.packId},
            {"pack_version", std::to_string(pack.packVersion)},
            {"min_kiosk_version", std::to_string(pack.minimumKioskVersion)},
            {"publisher", pack.publisher},
            {"created", pack.created},
            {"default_language", pack.defaultLanguage},
        };
        db::Statement insert = database_.prepare("INSERT INTO pack_meta(key, value) VALUES (?, ?)");
        for (const auto& [key, value] : rows) {
            insert.bind(1, std::string_view(key)).bind(2, value).runAndReset();
        }
    }

    // The list comes from the kiosk's own reader over the pack as written so far, so it is
    // exactly what the kiosk would find by reading every page.
    void writeCharacterList() {
        const std::vector<std::uint8_t> written = serialize(); // the reader reads it in place
        const pack::PackReader reader =
            pack::PackReader::openMemory(written, std::numeric_limits<std::int64_t>::max());
        database_.prepare("INSERT INTO pack_meta(key, value) VALUES ('characters', ?)")
            .bind(1, text::formatCharacterList(reader.usedCodePoints()))
            .run();
    }

    void writeLanguages() {
        db::Statement insert = database_.prepare(
            "INSERT INTO languages(code, position, native_name, pack_title) VALUES (?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const LanguageSource& language : tree_.pack.languages) {
            insert.bind(1, language.code)
                .bind(2, position++)
                .bind(3, language.nativeName)
                .bind(4, language.packTitle);
            insert.runAndReset();
        }
    }

    void writeImages() {
        db::Statement insert =
            database_.prepare("INSERT INTO images(id, name, mime, width, height, sha256, data, "
                              "thumb_mime, thumb_width, thumb_height, thumb_sha256, thumb_data) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        std::int64_t id = 1;
        for (const auto& [name, image] : images_) {
            const StoredPicture& full = image.full;
            const StoredPicture& thumbnail = image.thumbnail;
            insert.bind(1, id).bind(2, name).bind(3, full.mime).bind(4, std::int64_t{full.width});
            insert.bind(5, std::int64_t{full.height}).bind(6, full.sha256).bind(7, std::span(full.bytes));
            insert.bind(8, thumbnail.mime).bind(9, std::int64_t{thumbnail.width});
            insert.bind(10, std::int64_t{thumbnail.height}).bind(11, thumbnail.sha256);
            insert.bind(12, std::span(thumbnail.bytes));
            insert.runAndReset();
            imageIds_[name] = id++;
        }
    }

    void writeAudio() {
        db::Statement insert = database_.prepare("INSERT INTO audio_clips(id, name, mime, channels, "
                                                 "sample_rate, duration_ms, synthetic, sha256, data) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        std::int64_t id = 1;
        for (const auto& [name, clip] : audio_.clips) {
            insert.bind(1, id).bind(2, name).bind(3, std::string_view(pack::kAudioMime));
            insert.bind(4, std::int64_t{clip.channels}).bind(5, std::int64_t{clip.sampleRate});
            insert.bind(6, clip.durationMilliseconds).bind(7, std::int64_t{clip.synthetic ? 1 : 0});
            insert.bind(8, clip.sha256).bind(9, std::span(clip.bytes)).runAndReset();
            audioIds_[name] = id++;
        }
    }

    std::int64_t audioId(const std::string& name) const {
        const auto found = audioIds_.find(name);
        if (found == audioIds_.end())
            throw std::logic_error("recording '" + name + "' was not processed");
        return found->second;
    }

    void writeSpokenNames() {
        db::Statement insert =
            database_.prepare("INSERT INTO language_spoken_names(language, audio_id) VALUES (?, ?)");
        for (const auto& [language, clipName] : audio_.spokenNames) {
            insert.bind(1, language).bind(2, audioId(clipName)).runAndReset();
        }
    }

    // Spoken titles, language pictures and narration marks.
    void writeVersion3Tables() {
        const std::pair<const char*, const std::map<std::pair<std::string, pack::LanguageCode>, std::string>*>
            titleTables[] = {
                {"INSERT INTO page_title_narrations(page_id, language, audio_id) VALUES (?, ?, ?)",
                 &audio_.pageTitles},
                {"INSERT INTO category_title_narrations(category_id, language, audio_id) VALUES (?, ?, ?)",
                 &audio_.categoryTitles},
            };
        for (const auto& [sql, titles] : titleTables) {
            db::Statement insert = database_.prepare(sql);
            for (const auto& [key, clipName] : *titles) {
                insert.bind(1, key.first).bind(2, key.second).bind(3, audioId(clipName)).runAndReset();
            }
        }
        db::Statement insertMark =
            database_.prepare("INSERT INTO narration_marks(audio_id, block, start_ms) VALUES (?, ?, ?)");
        for (const auto& [name, clip] : audio_.clips)
            for (const pack::NarrationMark& mark : clip.marks) {
                insertMark.bind(1, audioId(name)).bind(2, std::int64_t{mark.block});
                insertMark.bind(3, mark.startMilliseconds).runAndReset();
            }
        db::Statement insert =
            database_.prepare("INSERT INTO language_pictures(language, image_id) VALUES (?, ?)");
        for (const LanguageSource& language : tree_.pack.languages) {
            if (language.pictureName.empty())
                continue;
            insert.bind(1, language.code).bind(2, imageId(language.pictureName)).runAndReset();
        }
    }

    void writeNarrations(const PageSource& page) {
        db::Statement insert =
            database_.prepare("INSERT INTO page_narrations(page_id, language, audio_id) VALUES (?, ?, ?)");
        for (const auto& [key, clipName] : audio_.narrations) {
            if (key.first != page.id)
                continue;
            insert.bind(1, page.id).bind(2, key.second).bind(3, audioId(clipName)).runAndReset();
        }
    }

    void writePoll(const PageSource& page) {
        if (!page.poll)
            return;
        database_.prepare("INSERT INTO page_polls(page_id) VALUES (?)").bind(1, page.id).run();
        db::Statement insert =
            database_.prepare("INSERT INTO poll_questions(page_id, language, question) VALUES (?, ?, ?)");
        for (const auto& [language, texts] : page.texts) {
            if (!texts.pollQuestion)
                continue;
            insert.bind(1, page.id).bind(2, language).bind(3, *texts.pollQuestion).runAndReset();
        }
    }

    std::int64_t imageId(const std::string& name) const {
        const auto found = imageIds_.find(name);
        if (found == imageIds_.end())
            throw std::logic_error("picture '" + name + "' was not processed");
        return found->second;
    }

    void writeCategories() {
        db::Statement insertCategory =
            database_.prepare("INSERT INTO categories(id, position, image_id) VALUES (?, ?, ?)");
        db::Statement insertText =
            database_.prepare("INSERT INTO category_texts(category_id, language, title) VALUES (?, ?, ?)");
        std::int64_t position = 0;
        for (const CategorySource& category : tree_.categories) {
            insertCategory.bind(1, category.id)
                .bind(2, position++)
                .bind(3, imageId(category.imageName))
                .runAndReset();
            for (const auto& [language, title] : category.titles) {
                insertText.bind(1, category.id).bind(2, language).bind(3, title).runAndReset();
            }
        }
    }

    void writePage(const PageSource& page) {
        const PageTexts& fallback = defaultTexts(page);
        {
            db::Statement insert = database_.prepare(
                "INSERT INTO pages(id, category_id, position, kind, cover_image_id, source_url, featured) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert.bind(1, page.id).bind(2, page.categoryId).bind(3, page.order);
            insert.bind(4, std::string_view(pack::pageKindName(page.kind))).bind(5, imageId(page.coverName));
            if (page.sourceUrl)
                insert.bind(6, *page.sourceUrl);
            else
                insert.bindNull(6);
            insert.bind(7, std::int64_t{page.featured ? 1 : 0}).run();
        }
        db::Statement insertText = database_.prepare(
            "INSERT INTO page_texts(page_id, language, title, summary) VALUES (?, ?, ?, ?)");
        db::Statement insertBlock = database_.prepare(
            "INSERT INTO page_blocks(page_id, language, position, kind, text) VALUES (?, ?, ?, ?, ?)");
        db::Statement insertCaption = database_.prepare(
            "INSERT INTO gallery_captions(page_id, position, language, caption) VALUES (?, ?, ?, ?)");
        for (const auto& [language, texts] : page.texts) {
            // A translation without its own summary shows the default one rather than none.
            const std::string summary = texts.summary.value_or(fallback.summary.value_or(""));
            insertText.bind(1, page.id).bind(2, language).bind(3, texts.title).bind(4, summary).runAndReset();
            std::int64_t position = 0;
            for (const pack::TextBlock& block : texts.blocks) {
                insertBlock.bind(1, page.id).bind(2, language).bind(3, position++);
                insertBlock.bind(4, std::string_view(pack::blockKindName(block.kind)))
                    .bind(5, block.text)
                    .runAndReset();
            }
            for (const auto& [galleryPosition, caption] : texts.captions) {
                insertCaption.bind(1, page.id).bind(2, std::int64_t{galleryPosition}).bind(3, language);
                insertCaption.bind(4, caption).runAndReset();
            }
        }
        writeGallery(page);
        writeCards(page);
        writeNarrations(page);
        writePoll(page);
        if (page.kind == pack::PageKind::Meeting)
            writeMeeting(page);
        if (page.kind == pack::PageKind::Programme)
            writeProgramme(page);
    }

    void writeGallery(const PageSource& page) {
        db::Statement insert =
            database_.prepare("INSERT INTO gallery_images(page_id, position, image_id) VALUES (?, ?, ?)");
        std::int64_t position = 0;
        for (const GallerySource& picture : page.gallery) {
            insert.bind(1, page.id).bind(2, position++).bind(3, imageId(picture.imageName)).runAndReset();
        }
    }

    void writeCards(const PageSource& page) {
        if (page.cards.empty())
            return;
        db::Statement insertCard =
            database_.prepare("INSERT INTO page_cards(page_id, position, image_id) VALUES (?, ?, ?)");
        std::int64_t position = 0;
        for (const CardSource& card : page.cards) {
            insertCard.bind(1, page.id).bind(2, position++).bind(3, imageId(card.imageName)).runAndReset();
        }
        db::Statement insertText = database_.prepare(
            "INSERT INTO card_texts(page_id, position, language, text) VALUES (?, ?, ?, ?)");
        for (const auto& [language, texts] : page.texts)
            for (const auto& [cardPosition, card] : texts.cardTexts) {
                insertText.bind(1, page.id).bind(2, std::int64_t{cardPosition}).bind(3, language);
                insertText.bind(4, card.text).runAndReset();
            }
        db::Statement insertNarration = database_.prepare(
            "INSERT INTO card_narrations(page_id, position, language, audio_id) VALUES (?, ?, ?, ?)");
        for (const auto& [key, clipName] : audio_.cardNarrations) {
            const auto& [pageId, cardPosition, language] = key;
            if (pageId != page.id)
                continue;
            insertNarration.bind(1, page.id).bind(2, std::int64_t{cardPosition}).bind(3, language);
            insertNarration.bind(4, audioId(clipName)).runAndReset();
        }
    }

    void bindOptional(db::Statement& statement, int index, const std::optional<std::string>& value) {
        if (value)
            statement.bind(index, *value);
        else
            statement.bindNull(index);
    }

    // The facts a language file translates: a row for the default language, and for each
    // translation that gives at least one of the two texts (the other taken from the default).
    template <typename Getter>
    void writeFactTexts(const PageSource& page, const std::string& sql, Getter first, Getter second) {
        const PageTexts& fallback = defaultTexts(page);
        db::Statement insert = database_.prepare(sql);
        for (const auto& [language, texts] : page.texts) {
            const bool isDefault = language == tree_.pack.defaultLanguage;
            if (!isDefault && !(texts.*first) && !(texts.*second))
                continue;
            insert.bind(1, page.id).bind(2, language);
            insert.bind(3, (texts.*first).value_or((fallback.*first).value_or("")));
            insert.bind(4, (texts.*second).value_or((fallback.*second).value_or(""))).runAndReset();
        }
    }

    void writeMeeting(const PageSource& page) {
        db::Statement insert =
            database_.prepare("INSERT INTO meetings(page_id, starts_at, ends_at) VALUES (?, ?, ?)");
        insert.bind(1, page.id).bind(2, page.startsAt);
        bindOptional(insert, 3, page.endsAt);
        insert.run();
        writeFactTexts(page,
                       "INSERT INTO meeting_texts(page_id, language, place, organiser) VALUES (?, ?, ?, ?)",
                       &PageTexts::place, &PageTexts::organiser);
    }

    void writeProgramme(const PageSource& page) {
        db::Statement insert =
            database_.prepare("INSERT INTO programmes(page_id, period_start, period_end) VALUES (?, ?, ?)");
        insert.bind(1, page.id).bind(2, page.periodStart);
        bindOptional(insert, 3, page.periodEnd);
        insert.run();
        writeFactTexts(
            page, "INSERT INTO programme_texts(page_id, language, provinces, partners) VALUES (?, ?, ?, ?)",
            &PageTexts::provinces, &PageTexts::partners);
    }

    // The schema's REFERENCES clauses are only enforced when asked; a violation is a builder bug.
    void checkForeignKeys() {
        db::Statement check = database_.prepare("PRAGMA foreign_key_check");
        if (check.step())
            throw std::logic_error("the written pack breaks a reference in table " + check.text(0));
    }

    std::vector<std::uint8_t> serialize() {
        sqlite3_int64 size = 0;
        const std::unique_ptr<unsigned char, SqliteMemoryDeleter> memory(
            sqlite3_serialize(database_.handle(), "main", &size, 0));
        if (!memory)
            throw db::DatabaseError("cannot serialise the pack");
        return std::vector<std::uint8_t>(memory.get(), memory.get() + size);
    }

    const PackSourceTree& tree_;
    const std::map<std::string, ProcessedImage>& images_;
    const PackAudio& audio_;
    const std::int64_t formatVersion_;
    db::Database database_;
    std::map<std::string, std::int64_t> imageIds_;
    std::map<std::string, std::int64_t> audioIds_;
};

} // namespace

std::vector<std::uint8_t> writePackDatabase(const PackSourceTree& tree,
                                            const std::map<std::string, ProcessedImage>& images,
                                            const PackAudio& audio) {
    return PackDatabaseWriter(tree, images, audio).write();
}

} // namespace kiosk::builder
