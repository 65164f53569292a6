// Builds the test source and reads it back through the kiosk's own PackReader.
#include "builder_test_source_tree.hpp"

#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"
#include "text/Unicode.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

pack::PackReader buildAndOpen(const SourceTree& source) {
    const builder::BuildResult result = source.build();
    INFO(builder::test::joinedProblems(result));
    REQUIRE(result.succeeded);
    return pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER);
}

std::vector<std::string> pageIds(const pack::PackIndex& index) {
    std::vector<std::string> ids;
    for (const pack::PageSummary& page : index.pages)
        ids.push_back(page.id);
    return ids;
}

} // namespace

TEST_CASE("builder: metadata, languages and categories round trip") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PackMetadata& metadata = reader.metadata();
    CHECK(metadata.packId == "vn.test.pack");
    CHECK(metadata.packVersion == 3);
    CHECK(metadata.formatVersion == pack::kFirstFormatVersion); // no story cards: version 1, for older kiosks
    CHECK(metadata.minimumKioskVersion == 1);
    CHECK(metadata.publisher == "Ủy ban nhân dân xã Thử");
    CHECK(metadata.created == "2026-01-15");
    CHECK(metadata.defaultLanguage == "vie");

    const auto& languages = reader.index().languages;
    REQUIRE(languages.size() == 2);
    CHECK(languages[0].code == "vie");
    CHECK(languages[0].nativeName == "Tiếng Việt");
    CHECK(languages[0].packTitle == "Thông tin xã");
    CHECK(languages[1].code == "eng");
    CHECK(languages[1].packTitle == "Commune information");

    const auto& categories = reader.index().categories;
    REQUIRE(categories.size() == 3);
    CHECK(categories[0].id == "policies");
    CHECK(categories[1].id == "programmes");
    CHECK(categories[2].id == "meetings");
    CHECK(categories[0].title.in("eng", "vie") == "Policies");
    CHECK(categories[0].imageId == categories[1].imageId); // one picture, stored once
    // No English title for meetings: the kiosk falls back to Vietnamese.
    const pack::LocalizedText::Choice meetings = categories[2].title.pick("eng", "vie");
    CHECK(*meetings.text == "Cuộc họp");
    CHECK(meetings.isFallback);
}

TEST_CASE("builder: the file carries the application id and the format version") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    db::Database database = db::Database::open(source.output(), db::Database::Mode::ReadOnly);
    db::Statement applicationId = database.prepare("PRAGMA application_id");
    REQUIRE(applicationId.step());
    CHECK(applicationId.integer(0) == pack::kApplicationId);
    db::Statement userVersion = database.prepare("PRAGMA user_version");
    REQUIRE(userVersion.step());
    CHECK(userVersion.integer(0) == pack::kFirstFormatVersion);
    db::Statement pageSize = database.prepare("PRAGMA page_size");
    REQUIRE(pageSize.step());
    CHECK(pageSize.integer(0) == pack::kPageBytes);
    db::Statement meta = database.prepare("SELECT key FROM pack_meta ORDER BY key");
    std::vector<std::string> keys;
    while (meta.step())
        keys.push_back(meta.text(0));
    CHECK(keys == std::vector<std::string>{"characters", "created", "default_language", "format_version",
                                           "min_kiosk_version", "pack_id", "pack_version", "publisher"});
}

TEST_CASE("builder: pages are ordered by category and order, with their kinds") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    CHECK(pageIds(reader.index()) == std::vector<std::string>{"health", "programme", "meeting"});
    const pack::PageSummary* health = reader.index().findPage("health");
    REQUIRE(health != nullptr);
    CHECK(health->categoryId == "policies");
    CHECK(health->kind == pack::PageKind::Article);
    CHECK(health->featured);
    CHECK(health->title.in("eng", "vie") == "Health insurance");
    CHECK(health->summary.in("vie", "vie") == "Thẻ bảo hiểm y tế cho người dân tộc thiểu số.");
    CHECK(reader.index().findPage("meeting")->kind == pack::PageKind::Meeting);
    CHECK_FALSE(reader.index().findPage("meeting")->featured);
    CHECK(reader.index().findPage("programme")->kind == pack::PageKind::Programme);
}

TEST_CASE("builder: body Markdown becomes heading, paragraph and bullet blocks") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent page = reader.loadPage("health", "vie");
    CHECK_FALSE(page.isFallback);
    CHECK(page.sourceUrl.value_or("") == "https://example.org/bhyt");
    REQUIRE(page.blocks.size() == 7);
    using pack::BlockKind;
    const std::vector<std::pair<BlockKind, std::string>> expected = {
        {BlockKind::Heading, "Ai được cấp thẻ?"},
        {BlockKind::Paragraph, "Người dân tộc thiểu số sống ở vùng khó khăn."},
        {BlockKind::Bullet, "Trẻ em dưới 6 tuổi"},
        {BlockKind::Bullet, "Người cao tuổi"},
        {BlockKind::Bullet, "Hộ nghèo"},
        {BlockKind::Heading, "Đăng ký ở đâu?"},
        {BlockKind::Paragraph, "Tại trạm y tế xã."},
    };
    for (std::size_t index = 0; index < expected.size(); ++index) {
        CAPTURE(index);
        CHECK(page.blocks[index].kind == expected[index].first);
        CHECK(page.blocks[index].text == expected[index].second);
    }
    const pack::PageContent english = reader.loadPage("health", "eng");
    CHECK_FALSE(english.isFallback);
    REQUIRE(english.blocks.size() == 2);
    CHECK(english.blocks[0].text == "Who gets a card?");
    CHECK(english.blocks[1].text == "Ethnic minority people.");
}

TEST_CASE("builder: gallery pictures keep their order and captions fall back per picture") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent vietnamese = reader.loadPage("health", "vie");
    REQUIRE(vietnamese.gallery.size() == 2);
    CHECK(vietnamese.gallery[0].caption == "Thẻ bảo hiểm");
    CHECK(vietnamese.gallery[1].caption == "Trạm y tế xã");
    CHECK(reader.loadImage(vietnamese.gallery[0].imageId, pack::ImageSize::Full).mime == "image/jpeg");
    CHECK(reader.loadImage(vietnamese.gallery[1].imageId, pack::ImageSize::Full).mime == "image/png");
    const pack::PageContent english = reader.loadPage("health", "eng");
    REQUIRE(english.gallery.size() == 2);
    CHECK(english.gallery[0].caption == "The insurance card");
    CHECK(english.gallery[1].caption == "Trạm y tế xã");
}

TEST_CASE("builder: meeting facts round trip, and a translation's missing fact falls back") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent vietnamese = reader.loadPage("meeting", "vie");
    REQUIRE(vietnamese.meeting.has_value());
    CHECK(vietnamese.meeting->startsAt == "2026-06-16 14:00");
    CHECK(vietnamese.meeting->endsAt.value_or("") == "2026-06-16 17:00");
    CHECK(vietnamese.meeting->place == "Nhà văn hóa thôn 3");
    CHECK(vietnamese.meeting->organiser == "UBND xã");
    CHECK_FALSE(vietnamese.programme.has_value());
    const pack::PageContent english = reader.loadPage("meeting", "eng");
    REQUIRE(english.meeting.has_value());
    CHECK(english.meeting->place == "Cultural house, hamlet 3");
    CHECK(english.meeting->organiser == "UBND xã");
    // No summary in the English file: the Vietnamese one is shown rather than nothing.
    CHECK(english.summary == "Họp bàn về đường liên thôn.");
    CHECK(english.title == "Village meeting in June");
}

TEST_CASE("builder: programme facts round trip, and an untranslated page falls back") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent page = reader.loadPage("programme", "eng");
    CHECK(page.isFallback);
    CHECK(page.language == "vie");
    CHECK(page.title == "Chương trình 135");
    REQUIRE(page.programme.has_value());
    CHECK(page.programme->periodStart == "2017");
    CHECK(page.programme->periodEnd.value_or("") == "2021-12");
    CHECK(page.programme->provinces == "Hà Giang, Hòa Bình");
    CHECK(page.programme->partners == "CARE");
    CHECK_FALSE(page.sourceUrl.has_value());
    REQUIRE(page.blocks.size() == 1);
    CHECK(page.blocks[0].kind == pack::BlockKind::Paragraph);
}

TEST_CASE("builder: only referenced pictures are stored, once each, ids in name order") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    db::Database database = db::Database::open(source.output(), db::Database::Mode::ReadOnly);
    db::Statement names = database.prepare("SELECT id, name FROM images ORDER BY id");
    std::vector<std::string> stored;
    std::int64_t expectedId = 1;
    while (names.step()) {
        CHECK(names.integer(0) == expectedId++);
        stored.push_back(names.text(1));
    }
    CHECK(stored == std::vector<std::string>{"category-meetings.jpg", "category-policies.png", "cover.png",
                                             "gallery-a.jpg", "gallery-b.png"});
}

TEST_CASE("builder: every stored picture and thumbnail decodes within the limits") {
    const SourceTree source;
    const pack::PackReader reader = buildAndOpen(source);
    const image::ImageLimits limits{pack::kMaximumImageSide, 1920ull * 1920ull};
    for (std::int64_t id = 1; id <= 5; ++id) {
        CAPTURE(id);
        const pack::EncodedImage full = reader.loadImage(id, pack::ImageSize::Full);
        const pack::EncodedImage thumbnail = reader.loadImage(id, pack::ImageSize::Thumbnail);
        const image::RgbaImage decodedFull = image::decodeImage(full.bytes, limits);
        const image::RgbaImage decodedThumbnail = image::decodeImage(thumbnail.bytes, limits);
        CHECK(decodedFull.width == full.width);
        CHECK(decodedFull.height == full.height);
        CHECK(decodedThumbnail.width == thumbnail.width);
        CHECK(std::max(thumbnail.width, thumbnail.height) <= pack::kThumbnailSide);
        CHECK(full.mime == thumbnail.mime);
        CHECK(full.bytes.size() <= pack::kMaximumImageBytes);
    }
    const pack::EncodedImage cover =
        reader.loadImage(reader.index().findPage("health")->coverImageId, pack::ImageSize::Full);
    CHECK(cover.width == 120);
    CHECK(cover.height == 80);
    CHECK(cover.mime == "image/png");
}

TEST_CASE("builder: decomposed (NFD) source text comes out composed (NFC)") {
    const SourceTree source;
    const std::string decomposedTitle = "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t"; // Tiếng Việt, NFD
    REQUIRE_FALSE(text::isNfc(decomposedTitle));
    source.replaceIn("vie/health.txt", "title: Bảo hiểm y tế", "title: " + decomposedTitle);
    source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", "Nho\xCC\x9B\xCC\x81 mang the\xCC\x89");
    source.replaceIn("categories.txt", "title.vie: Chính sách",
                     "title.vie: Chi\xCC\x81nh sa\xCC\x81"
                     "ch");
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent page = reader.loadPage("health", "vie");
    CHECK(page.title == "Tiếng Việt");
    CHECK(text::isNfc(page.title));
    CHECK(page.blocks.back().text == "Nhớ mang thẻ");
    CHECK(reader.index().categories[0].title.in("vie", "vie") == "Chính sách");
}

TEST_CASE("builder: hidden files, editor backups and notes beside pack.txt are ignored") {
    const SourceTree source;
    source.writeText(".DS_Store", "\x01\x02");
    source.writeText("vie/.draft.txt", "not a page");
    source.writeText("vie/health.txt~", "an editor backup");
    source.writeText("notes.txt", "the officer's own notes");
    source.writeText(".git/config", "[core]");
    const pack::PackReader reader = buildAndOpen(source);
    CHECK(reader.index().pages.size() == 3);
}

TEST_CASE("builder: Windows line ends and a byte-order mark are accepted") {
    const SourceTree source;
    source.writeText("vie/meeting.txt", "\xEF\xBB\xBFtitle: Họp dân\r\n"
                                        "category: meetings\r\n"
                                        "kind: meeting\r\n"
                                        "cover: cover.png\r\n"
                                        "starts: 2026-06-16\r\n"
                                        "place: Thôn 3\r\n"
                                        "organiser: UBND xã\r\n"
                                        "---\r\n"
                                        "Mời\tbà con.\r\n");
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PageContent page = reader.loadPage("meeting", "vie");
    CHECK(page.title == "Họp dân");
    CHECK(page.meeting->startsAt == "2026-06-16");
    CHECK_FALSE(page.meeting->endsAt.has_value());
    REQUIRE(page.blocks.size() == 1);
    CHECK(page.blocks[0].text == "Mời bà con.");
}
