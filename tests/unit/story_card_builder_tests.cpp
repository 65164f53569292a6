// Story cards through the builder and the reader: the `cards:` list and `card.N` texts, their
// recordings, the format version they need, and what kiosk-pack refuses, with file and line.
#include "audio_test_support.hpp"
#include "builder_test_source_tree.hpp"
#include "pack/PackLimits.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

using namespace kiosk;
using builder::test::joinedProblems;
using builder::test::mentions;
using builder::test::SourceTree;

namespace {

// The test source with three story cards on its article, in both languages.
void addCards(const SourceTree& source) {
    builder::test::addStoryCards(source);
}

} // namespace

TEST_CASE("story cards: a page's cards, their pictures and texts come back from the pack in each language") {
    const SourceTree source;
    addCards(source);
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    CHECK(reader.metadata().formatVersion == pack::kStoryCardsFormatVersion);

    const pack::PageContent vietnamese = reader.loadPage("health", "vie");
    REQUIRE(vietnamese.cards.size() == 3);
    CHECK(vietnamese.cards[0].text == "Người dân tộc thiểu số được cấp thẻ bảo hiểm y tế.");
    CHECK(vietnamese.cards[2].text == "Bà con đăng ký tại trạm y tế xã.");
    // The first card shows the cover, the second the first gallery picture.
    CHECK(vietnamese.cards[0].imageId == vietnamese.coverImageId);
    REQUIRE(!vietnamese.gallery.empty());
    CHECK(vietnamese.cards[1].imageId == vietnamese.gallery[0].imageId);
    reader.loadImage(vietnamese.cards[2].imageId, pack::ImageSize::Full);

    const pack::PageContent english = reader.loadPage("health", "eng");
    REQUIRE(english.cards.size() == 3);
    CHECK(english.cards[1].text == "Children under 6 get a card too.");
    // The meeting page has no cards: it stays an article.
    CHECK(reader.loadPage("meeting", "vie").cards.empty());
    // The card texts are in the pack's character list ("cũng" brings its only ũ), so the font
    // atlas has their glyphs.
    const std::vector<char32_t> characters = reader.charactersToDraw();
    CHECK(std::find(characters.begin(), characters.end(), U'ũ') != characters.end());
}

TEST_CASE("story cards: a recorded card is found by card and language, and falls back like the page's "
          "narration") {
    const SourceTree source;
    addCards(source);
    const std::vector<std::uint8_t> ogg = audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 1500));
    source.writeBytes("vie/health.card-2.ogg", ogg);
    source.writeBytes("vie/meeting.card-1.ogg", ogg); // the meeting has no cards
    builder::BuildResult refused = source.build();
    CHECK_FALSE(refused.succeeded);
    CHECK(mentions(refused, "a recording for card 1 of page 'meeting', which has 0 story cards"));

    source.remove("vie/meeting.card-1.ogg");
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    const pack::PackIndex& index = reader.index();
    const pack::AudioClipInfo* second = index.cardNarrationFor("health", 1, "vie");
    REQUIRE(second != nullptr);
    CHECK(second->durationMilliseconds > 1400);
    CHECK(index.cardNarrationFor("health", 0, "vie") == nullptr);
    // English has its own card texts, so the Vietnamese voice would not match them.
    CHECK(index.cardNarrationFor("health", 1, "eng") == nullptr);
    reader.validateAllAudio();
    CHECK(reader.loadAudio(second->audioId).name == "vie/health.card-2.ogg");
}

TEST_CASE("story cards: a pack without cards is written as format version 1, which older kiosks read") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    CHECK(builder::test::openBuiltPack(source).metadata().formatVersion == pack::kFirstFormatVersion);
}

TEST_CASE("story cards: kiosk-pack refuses a story of too few or too many cards, with the line") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "featured: yes\n",
                     "featured: yes\ncards: cover.png, gallery-a.jpg\ncard.1: Một.\ncard.2: Hai.\n");
    source.replaceIn("eng/health.txt", "---\n", "card.1: One.\ncard.2: Two.\n---\n");
    builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    CHECK(mentions(result, source.shown("vie/health.txt") +
                               ":11: 'cards' lists 2 picture(s); a story has 3 to 8 cards"));

    std::string nine = "cards: cover.png";
    for (int card = 1; card < 9; ++card)
        nine += ", cover.png";
    source.replaceIn("vie/health.txt", "cards: cover.png, gallery-a.jpg", nine);
    result = source.build();
    CHECK(mentions(result, "'cards' lists 9 picture(s)"));
}

TEST_CASE("story cards: kiosk-pack refuses a missing picture, a card without text and text for a card that "
          "does not exist") {
    const SourceTree source;
    addCards(source);
    source.replaceIn("vie/health.txt", "cards: cover.png,", "cards: cover.png, missing-card.png,");
    source.replaceIn("vie/health.txt", "card.1: ", "card.9: Thừa.\ncard.1: ");
    source.replaceIn("eng/health.txt", "card.3: Register at the commune health station.\n", "");
    const builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    CHECK(mentions(result, "missing picture 'missing-card.png'"));
    // 4 cards listed, texts for 1-3 and a 9th.
    CHECK(mentions(result,
                   "'card.9' but the 'cards' list of " + source.shown("vie/health.txt") + " has 4 card(s)"));
    CHECK(mentions(result, source.shown("vie/health.txt") +
                               ":17: the page has 4 story cards, but this file has no "
                               "text for card.4"));
    CHECK(mentions(result, source.shown("eng/health.txt") +
                               ":6: the page has 4 story cards, but this file has no "
                               "text for card.3, card.4"));
}

TEST_CASE("story cards: kiosk-pack refuses card text that does not fit its card on a 800x480 screen, naming "
          "the line") {
    const SourceTree source;
    addCards(source);
    // Under the format's 160 characters, but more lines of the card font than a card at 800x480 holds.
    const std::string longText = "NGƯỜI DÂN TỘC THIỂU SỐ MANG THEO GIẤY TỜ TÙY THÂN ĐẾN TRẠM Y TẾ XÃ, CÁN BỘ "
                                 "GIÚP ĐIỀN ĐƠN VÀ LÀM THẺ BẢO HIỂM Y TẾ CHO CẢ GIA ĐÌNH MÌNH NGAY.";
    REQUIRE(pack::characterCount(longText) <= 160);
    source.replaceIn("vie/health.txt", "card.2: Trẻ em dưới 6 tuổi cũng được cấp thẻ.",
                     "card.2: " + longText);
    const builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    CHECK(mentions(result, source.shown("vie/health.txt") + ":13: card 2's text does not fit its card on a "
                                                            "800x480 screen"));
    CHECK(joinedProblems(result).find("card 1's") == std::string::npos);
}

TEST_CASE("story cards: a card text over the format's 160 characters is refused as too long") {
    const SourceTree source;
    addCards(source);
    source.replaceIn("eng/health.txt", "card.1: Ethnic minority people get a health insurance card.",
                     "card.1: " + std::string(170, 'a').insert(60, " ").insert(120, " "));
    const builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    CHECK(mentions(result, "a story card's text longer than 160 characters"));
}
