// Spoken titles and language pictures through the builder and the reader: the source layout
// (<lang>/<id>.title.ogg, `picture.<lang>`), the format version they need, which recording a
// visitor hears, and what kiosk-pack refuses.
#include "audio_test_support.hpp"
#include "builder_test_source_tree.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace kiosk;
using builder::test::joinedProblems;
using builder::test::mentions;
using builder::test::SourceTree;

namespace {

std::vector<std::uint8_t> toneOf(int milliseconds) {
    return audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, milliseconds));
}

} // namespace

TEST_CASE("spoken titles: a page's and a category's recorded titles come back by language and make the pack "
          "version 3") {
    const SourceTree source;
    source.writeBytes("vie/health.title.ogg", toneOf(700));
    source.writeBytes("vie/policies.title.ogg", toneOf(900));
    source.writeBytes("eng/policies.title.ogg", toneOf(1100));
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    CHECK(reader.metadata().formatVersion == pack::kSpokenTitlesFormatVersion);
    const pack::PackIndex& index = reader.index();

    const pack::AudioClipInfo* healthTitle = index.pageTitleRecordingFor("health", "vie");
    REQUIRE(healthTitle);
    CHECK(healthTitle->durationMilliseconds == doctest::Approx(700).epsilon(0.05));
    CHECK_FALSE(healthTitle->synthetic);
    // The page is translated into English, so the Vietnamese title would not match what she reads.
    CHECK(index.pageTitleRecordingFor("health", "eng") == nullptr);

    const pack::AudioClipInfo* policiesVietnamese = index.categoryTitleRecordingFor("policies", "vie");
    const pack::AudioClipInfo* policiesEnglish = index.categoryTitleRecordingFor("policies", "eng");
    REQUIRE(policiesVietnamese);
    REQUIRE(policiesEnglish);
    CHECK(policiesEnglish->audioId != policiesVietnamese->audioId);
    CHECK(policiesEnglish->language == "eng");
    CHECK(reader.loadAudio(policiesEnglish->audioId).durationMilliseconds ==
          doctest::Approx(1100).epsilon(0.05));
    CHECK(index.categoryTitleRecordingFor("programmes", "vie") == nullptr);
    // A category without an English title falls back to the Vietnamese one, and so does its voice.
    source.writeBytes("vie/meetings.title.ogg", toneOf(500));
    REQUIRE(source.build().succeeded);
    const pack::PackReader rebuilt = builder::test::openBuiltPack(source);
    const pack::AudioClipInfo* meetings = rebuilt.index().categoryTitleRecordingFor("meetings", "eng");
    REQUIRE(meetings);
    CHECK(meetings->language == "vie");
    // The install check decodes the titles like every other recording.
    rebuilt.validateAllAudio();
}

TEST_CASE("spoken titles: a pack without titles or language pictures keeps its older format version") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    CHECK(builder::test::openBuiltPack(source).metadata().formatVersion == pack::kFirstFormatVersion);
    builder::test::addStoryCards(source);
    REQUIRE(source.build().succeeded);
    CHECK(builder::test::openBuiltPack(source).metadata().formatVersion == pack::kStoryCardsFormatVersion);
}

TEST_CASE("spoken titles: kiosk-pack refuses a title recording for no page or category, and an id that is "
          "both") {
    const SourceTree source;
    source.writeBytes("vie/nowhere.title.ogg", toneOf(500));
    builder::BuildResult refused = source.build();
    CHECK_FALSE(refused.succeeded);
    CHECK(mentions(refused, "a spoken title for 'nowhere', but there is no page vie/nowhere.txt and no "
                            "category of that id in categories.txt"));

    source.remove("vie/nowhere.title.ogg");
    // A page named like a category.
    source.writeText("vie/policies.txt", "title: Chính sách mới\n"
                                         "category: policies\n"
                                         "summary: Tóm tắt.\n"
                                         "cover: cover.png\n"
                                         "---\n"
                                         "Nội dung.\n");
    REQUIRE_MESSAGE(source.build().succeeded, joinedProblems(source.build()));
    source.writeBytes("vie/policies.title.ogg", toneOf(500));
    refused = source.build();
    CHECK_FALSE(refused.succeeded);
    CHECK(mentions(refused, "'policies' is both a page and a category"));
}

TEST_CASE(
    "language pictures: pack.txt's picture.<lang> reaches the language's pill, and a missing picture is "
    "refused with its line") {
    const SourceTree source;
    source.replaceIn("pack.txt", "name.eng: English\n",
                     "name.eng: English\npicture.vie: cover.png\npicture.eng: missing.png\n");
    builder::BuildResult refused = source.build();
    CHECK_FALSE(refused.succeeded);
    INFO(joinedProblems(refused));
    CHECK(mentions(refused, source.shown("pack.txt") + ":11"));
    CHECK(mentions(refused, "missing.png"));

    source.replaceIn("pack.txt", "picture.eng: missing.png\n", "");
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    CHECK(reader.metadata().formatVersion == pack::kSpokenTitlesFormatVersion);
    const pack::Language* vietnamese = reader.index().findLanguage("vie");
    const pack::Language* english = reader.index().findLanguage("eng");
    REQUIRE(vietnamese);
    REQUIRE(english);
    REQUIRE(vietnamese->pictureImageId);
    CHECK_FALSE(english->pictureImageId);
    // The same picture as the page's cover, stored once.
    CHECK(*vietnamese->pictureImageId == reader.loadPage("health", "vie").coverImageId);
    reader.loadImage(*vietnamese->pictureImageId, pack::ImageSize::Thumbnail);
}

TEST_CASE("language order: a pack may put another language before its default one") {
    const SourceTree source;
    source.replaceIn("pack.txt", "languages: vie, eng\n", "languages: eng, vie\n");
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    REQUIRE(reader.index().languages.size() == 2);
    CHECK(reader.index().languages[0].code == "eng");
    CHECK(reader.metadata().defaultLanguage == "vie");
}
