#include "HostilePacks.hpp"

#include "pack/PackSchema.hpp"

#include "TestPacks.hpp"
#include "db/Database.hpp"
#include "text/CharacterList.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <set>

namespace kiosk::install::test {

namespace {

// Adds the characters of `text` to the pack's character list, as the builder would have.
void listCharactersOf(db::Database& database, const std::string& text) {
    std::string list;
    {
        db::Statement select = database.prepare("SELECT value FROM pack_meta WHERE key = 'characters'");
        if (!select.step())
            return; // a pack without a list: the kiosk reads every page instead
        list = select.text(0);
    }
    std::set<char32_t> characters;
    for (const char32_t character : text::parseCharacterList(list))
        characters.insert(character);
    for (const char32_t character : text::codePoints(text))
        characters.insert(character);
    database.prepare("UPDATE pack_meta SET value = ? WHERE key = 'characters'")
        .bind(1, text::formatCharacterList({characters.begin(), characters.end()}))
        .run();
}

// Ids and titles made of digits and the letters of "Trang số": every one in the list.
void listDigitsAndTitles(db::Database& database) {
    listCharactersOf(database, "0123456789 Trang số xabcdefghijklmnopqrstuvwyz-");
}

} // namespace

std::string longText(std::size_t characters) {
    const std::vector<char32_t> phrase = text::codePoints("Chính sách hỗ trợ đồng bào dân tộc thiểu số. ");
    std::string text;
    for (std::size_t index = 0; index < characters; ++index)
        text += text::encodeUtf8(phrase[index % phrase.size()]);
    // A title does not end in a space.
    if (!text.empty() && text.back() == ' ')
        text.back() = '.';
    return text;
}

std::string longWord(std::size_t characters) {
    std::string word;
    for (std::size_t index = 0; index < characters; ++index)
        word += static_cast<char>('a' + index % 26);
    return word;
}

std::vector<std::uint8_t> withExtraPages(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        listDigitsAndTitles(database);
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                     "INSERT INTO pages(id, category_id, position, kind, cover_image_id, featured) "
                     "SELECT 'bulk-' || i, (SELECT min(id) FROM categories), 100 + i, 'article', "
                     "(SELECT min(cover_image_id) FROM pages), 0 FROM n")
            .bind(1, std::int64_t{count})
            .run();
        database.execute("INSERT INTO page_texts(page_id, language, title, summary) "
                         "SELECT id, 'vie', 'Trang số ' || substr(id, 6), 'Trang số ' || substr(id, 6) "
                         "FROM pages WHERE id LIKE 'bulk-%'");
    });
}

std::vector<std::uint8_t> withExtraFullPages(std::span<const std::uint8_t> pack, int count) {
    std::vector<std::uint8_t> bytes = withExtraPages(pack, count);
    return changedPack(bytes, [&](db::Database& database) {
        database.execute("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299) "
                         "INSERT INTO page_blocks(page_id, language, position, kind, text) "
                         "SELECT p.id, 'vie', n.i, 'paragraph', "
                         "substr(replace(hex(zeroblob(10)), '00', 'Trang số 0123456789 '), 1, 66) "
                         "FROM pages p, n WHERE p.id LIKE 'bulk-%' ORDER BY p.id, n.i");
    });
}

std::vector<std::uint8_t> withCategoryId(std::span<const std::uint8_t> pack, const std::string& id) {
    return changedPack(pack, [&](db::Database& database) {
        for (const char* update : {"UPDATE category_texts SET category_id = ?1 WHERE category_id = ?2",
                                   "UPDATE pages SET category_id = ?1 WHERE category_id = ?2",
                                   "UPDATE categories SET id = ?1 WHERE id = ?2"})
            database
                .prepare(std::string(update) +
                         " AND ?2 = (SELECT id FROM categories ORDER BY position LIMIT 1)")
                .bind(1, id)
                .bind(2, std::string("policies"))
                .run();
    });
}

std::vector<std::uint8_t> withPageId(std::span<const std::uint8_t> pack, const std::string& id) {
    return changedPack(pack, [&](db::Database& database) {
        std::string first;
        {
            db::Statement select = database.prepare("SELECT min(id) FROM pages");
            select.step();
            first = select.text(0);
        }
        for (const char* table :
             {"page_texts", "page_blocks", "gallery_images", "gallery_captions", "meetings", "meeting_texts",
              "programmes", "programme_texts", "page_narrations", "page_polls", "poll_questions"})
            database.prepare(std::string("UPDATE ") + table + " SET page_id = ? WHERE page_id = ?")
                .bind(1, id)
                .bind(2, first)
                .run();
        database.prepare("UPDATE pages SET id = ? WHERE id = ?").bind(1, id).bind(2, first).run();
    });
}

std::vector<std::uint8_t> withLanguageCode(std::span<const std::uint8_t> pack, const std::string& code) {
    return changedPack(pack, [&](db::Database& database) {
        database
            .prepare("INSERT INTO languages(code, position, native_name, pack_title) VALUES (?, 9, 'x', 'x')")
            .bind(1, code)
            .run();
    });
}

std::vector<std::uint8_t> withExtraCategories(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        listDigitsAndTitles(database);
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                     "INSERT INTO categories(id, position, image_id) "
                     "SELECT 'bulk-' || i, 100 + i, (SELECT min(image_id) FROM categories) FROM n")
            .bind(1, std::int64_t{count})
            .run();
        database.execute(
            "INSERT INTO category_texts(category_id, language, title) "
            "SELECT id, 'vie', 'Trang số ' || substr(id, 6) FROM categories WHERE id LIKE 'bulk-%'");
    });
}

std::vector<std::uint8_t> withExtraLanguages(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        listDigitsAndTitles(database);
        for (int index = 0; index < count; ++index) {
            const std::string code = std::string("x") + static_cast<char>('a' + index / 26 % 26) +
                                     static_cast<char>('a' + index % 26);
            database
                .prepare("INSERT INTO languages(code, position, native_name, pack_title) VALUES (?, ?, ?, ?)")
                .bind(1, code)
                .bind(2, std::int64_t{100 + index})
                .bind(3, "Trang " + code)
                .bind(4, "Trang " + code)
                .run();
        }
    });
}

std::vector<std::uint8_t> withGalleryOf(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        database.execute("DELETE FROM gallery_captions WHERE page_id = (SELECT min(id) FROM pages)");
        database.execute("DELETE FROM gallery_images WHERE page_id = (SELECT min(id) FROM pages)");
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
                     "INSERT INTO gallery_images(page_id, position, image_id) "
                     "SELECT (SELECT min(id) FROM pages), i, (SELECT min(id) FROM images) FROM n")
            .bind(1, std::int64_t{count})
            .run();
    });
}

std::vector<std::uint8_t> withStoryCards(std::span<const std::uint8_t> pack, int count,
                                         const std::string& text) {
    return changedPack(pack, [&](db::Database& database) {
        database.execute(pack::kStoryCardsSchemaSql);
        database.execute("PRAGMA user_version = " + std::to_string(pack::kStoryCardsFormatVersion) +
                         "; UPDATE pack_meta SET value = '" + std::to_string(pack::kStoryCardsFormatVersion) +
                         "' WHERE key = 'format_version'");
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
                     "INSERT INTO page_cards(page_id, position, image_id) "
                     "SELECT (SELECT min(id) FROM pages), i, (SELECT min(id) FROM images) FROM n")
            .bind(1, std::int64_t{count})
            .run();
        database
            .prepare(
                "INSERT INTO card_texts(page_id, position, language, text) "
                "SELECT page_id, position, (SELECT value FROM pack_meta WHERE key = 'default_language'), ? "
                "FROM page_cards")
            .bind(1, text)
            .run();
    });
}

std::vector<std::uint8_t> withSpokenTitleTables(std::span<const std::uint8_t> pack,
                                                const std::function<void(db::Database&)>& change) {
    return changedPack(pack, [&](db::Database& database) {
        database.execute(pack::kStoryCardsSchemaSql);
        database.execute(pack::kSpokenTitlesSchemaSql);
        const std::string version = std::to_string(pack::kSpokenTitlesFormatVersion);
        database.execute("PRAGMA user_version = " + version + "; UPDATE pack_meta SET value = '" + version +
                         "' WHERE key = 'format_version'");
        change(database);
    });
}

std::vector<std::uint8_t> withExtraRecordings(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                     "INSERT INTO audio_clips(name, mime, channels, sample_rate, duration_ms, synthetic, "
                     "sha256, data) "
                     "SELECT 'bulk-' || n.i || '.ogg', mime, channels, sample_rate, duration_ms, synthetic, "
                     "sha256, "
                     "data FROM n, (SELECT * FROM audio_clips ORDER BY id LIMIT 1)")
            .bind(1, std::int64_t{count})
            .run();
    });
}

std::vector<std::uint8_t> withExtraBlocks(std::span<const std::uint8_t> pack, int count) {
    return changedPack(pack, [&](db::Database& database) {
        listDigitsAndTitles(database);
        database
            .prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                     "INSERT INTO page_blocks(page_id, language, position, kind, text) "
                     "SELECT (SELECT min(id) FROM pages), (SELECT value FROM pack_meta WHERE key = "
                     "'default_language'), "
                     "1000 + i, 'paragraph', 'Trang số ' || i FROM n")
            .bind(1, std::int64_t{count})
            .run();
    });
}

std::vector<std::uint8_t> withCategoryTitle(std::span<const std::uint8_t> pack, const std::string& title) {
    return changedPack(pack, [&](db::Database& database) {
        listCharactersOf(database, title);
        database
            .prepare("UPDATE category_texts SET title = ? WHERE language = 'vie' AND "
                     "category_id = (SELECT id FROM categories ORDER BY position LIMIT 1)")
            .bind(1, title)
            .run();
    });
}

std::vector<std::uint8_t> withPackTitle(std::span<const std::uint8_t> pack, const std::string& title) {
    return changedPack(pack, [&](db::Database& database) {
        listCharactersOf(database, title);
        database
            .prepare("UPDATE languages SET pack_title = ? "
                     "WHERE code = (SELECT value FROM pack_meta WHERE key = 'default_language')")
            .bind(1, title)
            .run();
    });
}

std::vector<std::uint8_t> withParagraph(std::span<const std::uint8_t> pack, const std::string& text) {
    return changedPack(pack, [&](db::Database& database) {
        listCharactersOf(database, text);
        // page_blocks has no rowid: the first paragraph by its key.
        database
            .prepare("UPDATE page_blocks SET text = ?1 WHERE (page_id, language, position) = ("
                     "SELECT page_id, language, position FROM page_blocks WHERE kind = 'paragraph' AND "
                     "language = (SELECT value FROM pack_meta WHERE key = 'default_language') "
                     "ORDER BY page_id, position LIMIT 1)")
            .bind(1, text)
            .run();
    });
}

std::vector<std::uint8_t> withEveryBmpCharacter(std::span<const std::uint8_t> pack) {
    return changedPack(pack, [](db::Database& database) {
        database.execute("UPDATE pack_meta SET value = '0-d7ff e000-ffff' WHERE key = 'characters'");
    });
}

} // namespace kiosk::install::test
