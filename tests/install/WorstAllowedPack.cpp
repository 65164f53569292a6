#include "WorstAllowedPack.hpp"

#include "TestPacks.hpp"
#include "builder/PackBuilder.hpp"
#include "db/Database.hpp"
#include "pack/PackLimits.hpp"
#include "text/CharacterList.hpp"
#include "text/GlyphCoverage.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <set>

namespace kiosk::install::test {

namespace {

using pack::TextField;

// Pages with a whole page of text and a full gallery: as many as the text in all allows.
constexpr int kFullPages = 110;

// 45 characters, every one in the character list below; no word near the word limit.
constexpr const char* kPhrase = "Chính sách hỗ trợ đồng bào dân tộc thiểu số. ";

// SQL for `characters` characters of the phrase repeated (hex(zeroblob(n)) is 2n zeros).
std::string repeatedSql(int characters) {
    return "substr(replace(hex(zeroblob(" + std::to_string(characters / 45 + 2) + ")), '00', '" + kPhrase +
           "'), 1, " + std::to_string(characters) + ")";
}

int most(TextField field) {
    return pack::maximumCharacters(field);
}

// The phrase's characters, ASCII, and characters the fonts draw from U+00A0 up, to 800.
std::string characterList() {
    std::set<char32_t> characters;
    for (const char32_t character : text::codePoints(kPhrase))
        characters.insert(character);
    for (char32_t character = 0x20; character < 0x7F; ++character)
        characters.insert(character);
    const text::GlyphCoverage coverage = text::GlyphCoverage::load(builder::defaultFontFiles());
    for (char32_t character = 0xA0; characters.size() < static_cast<std::size_t>(pack::kMaximumCharacters);
         ++character)
        if (coverage.canDraw(character))
            characters.insert(character);
    return text::formatCharacterList({characters.begin(), characters.end()});
}

} // namespace

void writeWorstAllowedPack(const std::filesystem::path& path, std::int64_t version) {
    writeFile(path, smallPackWithNarration(version));
    db::Database database = db::Database::open(path, db::Database::Mode::ReadWriteCreate);
    database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
    db::Transaction transaction(database);
    const int pages = pack::kMaximumPages;
    const int categories = pack::kMaximumCategories;
    const int blocks = pack::kMaximumBlocksPerPage;
    const int blockCharacters = pack::kMaximumPageCharacters / blocks;
    database.execute("CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);"
                     "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < " +
                     std::to_string(std::max({pages, blocks, pack::kMaximumRecordings})) +
                     ") INSERT INTO n SELECT i FROM c;");
    // Only articles: clear every page and what hangs on it, keep the pictures and recording.
    for (const char* table :
         {"poll_questions", "page_polls", "page_narrations", "language_spoken_names", "programme_texts",
          "programmes", "meeting_texts", "meetings", "gallery_captions", "gallery_images", "page_blocks",
          "page_texts", "pages", "category_texts"})
        database.execute(std::string("DELETE FROM ") + table);
    database.execute("DELETE FROM languages WHERE code NOT IN ('vie', 'eng')");
    database.execute("INSERT INTO languages(code, position, native_name, pack_title) "
                     "SELECT 'xa' || char(97 + i), 2 + i, '', '' FROM n WHERE i < " +
                     std::to_string(pack::kMaximumLanguages - 2));
    database.execute("UPDATE languages SET native_name = " + repeatedSql(most(TextField::LanguageName)) +
                     ", pack_title = " + repeatedSql(most(TextField::PackTitle)));
    database.execute("INSERT INTO categories(id, position, image_id) SELECT 'extra-' || i, 100 + i, "
                     "(SELECT min(image_id) FROM categories) FROM n WHERE i < " +
                     std::to_string(categories - 3));
    database.execute("INSERT INTO category_texts(category_id, language, title) SELECT c.id, l.code, " +
                     repeatedSql(most(TextField::CategoryTitle)) + " FROM categories c, languages l");
    // Numbered (from 0) for the lookups below: LIMIT and OFFSET cannot refer to a row.
    database.execute(
        "CREATE TEMP TABLE category(number INTEGER PRIMARY KEY, id TEXT);"
        "INSERT INTO category(number, id) SELECT row_number() OVER (ORDER BY position) - 1, id "
        "FROM categories;"
        "CREATE TEMP TABLE picture(number INTEGER PRIMARY KEY, id INTEGER);"
        "INSERT INTO picture(number, id) SELECT row_number() OVER (ORDER BY id) - 1, id FROM images;");
    // All but one page per other category in the first category: its screen lists 977.
    const std::string firstCategoryPages = std::to_string(pages - categories + 1);
    database.execute(
        "INSERT INTO pages(id, category_id, position, kind, cover_image_id, source_url, featured) "
        "SELECT printf('p%04d', i), (SELECT id FROM category WHERE number = max(0, i - " +
        firstCategoryPages +
        " + 1)), i, 'article', (SELECT min(id) FROM images), "
        "'https://example.org/' || substr(hex(zeroblob(200)), 1, " +
        std::to_string(most(TextField::SourceLink) - 20) + "), i < 10 FROM n WHERE i < " +
        std::to_string(pages));
    database.execute("INSERT INTO page_texts(page_id, language, title, summary) SELECT p.id, l.code, " +
                     repeatedSql(most(TextField::PageTitle)) + ", " +
                     repeatedSql(most(TextField::PageSummary)) +
                     " FROM pages p, languages l ORDER BY p.id, l.code");
    // The text in all is limited too: the index's texts above take 3.2 million characters, the
    // first kFullPages pages get a whole page of text and a full gallery in the default
    // language, the others a paragraph.
    const std::string full = std::to_string(kFullPages);
    database.execute("INSERT INTO page_blocks(page_id, language, position, kind, text) "
                     "SELECT p.id, 'vie', n.i, CASE n.i % 10 WHEN 0 THEN 'heading' WHEN 5 THEN 'bullet' "
                     "ELSE 'paragraph' END, " +
                     repeatedSql(blockCharacters) + " FROM pages p, n WHERE n.i < CASE WHEN p.position < " +
                     full + " THEN " + std::to_string(blocks) + " ELSE 1 END ORDER BY p.id, n.i");
    database.execute(
        "INSERT INTO gallery_images(page_id, position, image_id) "
        "SELECT p.id, n.i, (SELECT id FROM picture WHERE number = n.i % (SELECT count(*) FROM picture)) "
        "FROM pages p, n WHERE p.position < " +
        full + " AND n.i < " + std::to_string(pack::kMaximumGalleryPictures) + " ORDER BY p.id, n.i");
    database.execute("INSERT INTO gallery_captions(page_id, position, language, caption) "
                     "SELECT g.page_id, g.position, 'vie', " +
                     repeatedSql(most(TextField::Caption)) +
                     " FROM gallery_images g ORDER BY g.page_id, g.position");
    database.execute("INSERT INTO page_polls(page_id) SELECT id FROM pages");
    database.execute("INSERT INTO poll_questions(page_id, language, question) SELECT id, 'vie', " +
                     repeatedSql(most(TextField::PollQuestion)) + " FROM pages");
    // Every page narrated in Vietnamese and English, every language's name spoken: each its own
    // row, copies of the one short recording.
    database.execute(
        "INSERT INTO audio_clips(name, mime, channels, sample_rate, duration_ms, synthetic, sha256, data) "
        "SELECT 'copy-' || n.i || '.ogg', mime, channels, sample_rate, duration_ms, synthetic, sha256, "
        "data FROM n, (SELECT * FROM audio_clips ORDER BY id LIMIT 1) WHERE n.i < " +
        std::to_string(pack::kMaximumRecordings - 1));
    database.execute("CREATE TEMP TABLE clip(number INTEGER PRIMARY KEY, id INTEGER);"
                     "INSERT INTO clip(id) SELECT id FROM audio_clips ORDER BY id;");
    database.execute("INSERT INTO page_narrations(page_id, language, audio_id) "
                     "SELECT p.id, l.code, (SELECT id FROM clip WHERE number = p.position * 2 + "
                     "(l.code = 'eng') + 1) FROM pages p, languages l WHERE l.code IN ('vie', 'eng')");
    database.execute("INSERT INTO language_spoken_names(language, audio_id) SELECT code, "
                     "(SELECT id FROM clip WHERE number = 2 * " +
                     std::to_string(pages) + " + position + 1) FROM languages");
    database.prepare("UPDATE pack_meta SET value = ? WHERE key = 'characters'")
        .bind(1, characterList())
        .run();
    transaction.commit();
}

} // namespace kiosk::install::test
