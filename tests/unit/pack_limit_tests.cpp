// The format's limits themselves (pack/PackLimits.hpp), and the reader enforcing them, so a
// pack opened with --pack is protected as an installed one is: refused at once when it opens
// (counts, the index's texts, the character list) or when the page is loaded (a page's own
// text), never after minutes of reading or laying out.
#include "HostilePacks.hpp"
#include "TestPacks.hpp"

#include "db/Database.hpp"
#include "pack/PackLimits.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackTextTotal.hpp"
#include "text/Unicode.hpp"

#include <chrono>
#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

// The limit a pack breaks when the reader opens it (with `loadPages`, and loads every page in
// every language), or nothing.
std::optional<pack::Limit> limitBrokenOnOpen(std::span<const std::uint8_t> bytes, bool loadPages = false) {
    try {
        const pack::PackReader reader = pack::PackReader::openMemory(bytes, KIOSK_VERSION_NUMBER);
        if (loadPages)
            reader.validateAllPages();
        reader.charactersToDraw();
    } catch (const pack::PackLimitError& error) {
        return error.limit();
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("pack limits: a text is measured in characters, not bytes, up to its field's maximum") {
    const int maximum = pack::maximumCharacters(pack::TextField::CategoryTitle);
    std::string title;
    for (int index = 0; index < maximum; ++index)
        title += (index % 10 == 9) ? " " : "ệ"; // three bytes each
    CHECK_FALSE(pack::textLimitProblem(pack::TextField::CategoryTitle, title));
    const std::optional<pack::TextLimitProblem> over =
        pack::textLimitProblem(pack::TextField::CategoryTitle, title + "ệ");
    REQUIRE(over);
    CHECK(over->limit == pack::Limit::TextLength);
    CHECK(over->message.starts_with("a category title longer than 60 characters (61): 'ệệệ"));
    CHECK(over->message.ends_with("…'"));
}

TEST_CASE("pack limits: a word longer than the limit cannot wrap, except in a link") {
    const std::string word(static_cast<std::size_t>(pack::kMaximumWordCharacters), 'a');
    CHECK_FALSE(pack::textLimitProblem(pack::TextField::Paragraph, "Xem " + word + " nhé"));
    const auto tooLong = pack::textLimitProblem(pack::TextField::Paragraph, "Xem " + word + "b\nnhé");
    REQUIRE(tooLong);
    CHECK(tooLong->limit == pack::Limit::WordLength);
    CHECK(tooLong->message.find("a paragraph with a word of more than 120 characters and no space") == 0);
    CHECK(tooLong->message.find("'aaaa") != std::string::npos);
    // Tabs and line breaks break words too.
    CHECK_FALSE(pack::textLimitProblem(pack::TextField::Paragraph, word + "\t" + word + "\n" + word));
    CHECK_FALSE(pack::textLimitProblem(pack::TextField::SourceLink, "https://example.org/" + word));
}

TEST_CASE("pack limits: counts say what is over and throw PackLimitError") {
    CHECK_NOTHROW(pack::checkCountLimit(pack::Limit::Pages, pack::kMaximumPages));
    try {
        pack::checkCountLimit(pack::Limit::Pages, pack::kMaximumPages + 1, "the index");
        FAIL("no refusal");
    } catch (const pack::PackLimitError& error) {
        CHECK(error.limit() == pack::Limit::Pages);
        CHECK(std::string(error.what()) == "the index: the pack has more than 1000 pages");
    }
    // Every field and every count limit has a description and a maximum.
    for (int field = 0; field <= static_cast<int>(pack::TextField::FileName); ++field) {
        CAPTURE(field);
        CHECK(pack::maximumCharacters(static_cast<pack::TextField>(field)) > 0);
        CHECK(pack::describeField(static_cast<pack::TextField>(field)).starts_with("a"));
    }
}

TEST_CASE("pack limits: the reader refuses hostile packs when it opens them, within a second") {
    const std::vector<std::uint8_t> good = smallPack(3);
    CHECK_FALSE(limitBrokenOnOpen(good, true));
    struct Case {
        std::string name;
        std::vector<std::uint8_t> bytes;
        pack::Limit limit;
        bool needsPages = false;
    };
    const std::vector<Case> cases = {
        {"20000 pages", withExtraPages(good, 20000), pack::Limit::Pages},
        {"100 categories", withExtraCategories(good, 100), pack::Limit::Categories},
        {"20 languages", withExtraLanguages(good, 20), pack::Limit::Languages},
        {"a 50000-character category title", withCategoryTitle(good, longText(50000)),
         pack::Limit::TextLength},
        {"a 20000-character pack title", withPackTitle(good, longText(20000)), pack::Limit::TextLength},
        {"every BMP character in the list", withEveryBmpCharacter(good), pack::Limit::Characters},
        {"7000 recordings", withExtraRecordings(smallPackWithNarration(3), 7000), pack::Limit::Recordings},
        {"1000 story cards", withStoryCards(smallPack(3), 1000), pack::Limit::StoryCards, true},
        {"1515 minutes of recordings",
         changedPack(
             withExtraRecordings(smallPackWithNarration(3), 100),
             [](db::Database& database) { database.execute("UPDATE audio_clips SET duration_ms = 900000"); }),
         pack::Limit::RecordingMinutes},
        {"a gallery of 2000 pictures", withGalleryOf(good, 2000), pack::Limit::GalleryPictures, true},
        {"1000 paragraphs on a page", withExtraBlocks(good, 1000), pack::Limit::PageBlocks, true},
        {"a paragraph of 2 million characters", withParagraph(good, longText(2'000'000)),
         pack::Limit::TextLength, true},
        {"a word of 200 characters", withParagraph(good, "Xem " + longWord(200)), pack::Limit::WordLength,
         true},
    };
    for (const Case& hostile : cases) {
        CAPTURE(hostile.name);
        const auto started = std::chrono::steady_clock::now();
        const std::optional<pack::Limit> broken = limitBrokenOnOpen(hostile.bytes, hostile.needsPages);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
        REQUIRE(broken);
        CHECK(static_cast<int>(*broken) == static_cast<int>(hostile.limit));
        // A page's own text is only read with the page: the pack itself still opens.
        if (hostile.needsPages)
            CHECK_FALSE(limitBrokenOnOpen(hostile.bytes));
    }
}

TEST_CASE("pack limits: without a character list, the characters the text uses are counted") {
    std::string many;
    // Each alone between spaces, so that no combining mark composes with the letter before it.
    for (char32_t codePoint = 0x100; codePoint < 0x500; ++codePoint)
        if (const std::string character = text::encodeUtf8(codePoint); !text::packTextProblem(character))
            many += character + " ";
    const std::vector<std::uint8_t> unlisted =
        changedPack(withParagraph(smallPack(3), many), [](db::Database& database) {
            database.execute("DELETE FROM pack_meta WHERE key = 'characters'");
        });
    CHECK(limitBrokenOnOpen(unlisted, false) == pack::Limit::Characters);
}

TEST_CASE("pack limits: the text in all is counted on every text column, and counting stops past the limit") {
    const std::vector<std::uint8_t> good = smallPack(3);
    const std::vector<std::uint8_t> large = withExtraFullPages(good, 560);
    const db::Database small = db::Database::openReadOnlyMemory(good);
    const db::Database big = db::Database::openReadOnlyMemory(large);
    CHECK(pack::storedTextCharacters(small, UINT64_MAX) < 10000);
    CHECK_NOTHROW(pack::checkStoredTextTotal(small));
    CHECK(pack::storedTextCharacters(big, UINT64_MAX) > 560u * 19800u);
    // Stopped just past the limit it was given.
    CHECK(pack::storedTextCharacters(big, 100000) < 100000 + 20000);
    try {
        pack::checkStoredTextTotal(big);
        FAIL("no refusal");
    } catch (const pack::PackLimitError& error) {
        CHECK(error.limit() == pack::Limit::TextTotal);
        CHECK(std::string(error.what()).find("more than 10000000 characters of text in all") !=
              std::string::npos);
    }
}
