// Page polls: `poll: yes` and `poll.question` in the source, through kiosk-pack into the
// reader's index, and the answers' names statistics count them under.
#include "builder_test_source_tree.hpp"
#include "db/Database.hpp"
#include "pack/PackReader.hpp"

#include <algorithm>
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

void checkRefused(const SourceTree& source, const std::string& expectedStart) {
    const builder::BuildResult result = source.build();
    INFO("expected: " << expectedStart);
    INFO("problems:\n" << builder::test::joinedProblems(result));
    CHECK_FALSE(result.succeeded);
    CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                      [&](const std::string& problem) { return problem.starts_with(expectedStart); }));
}

} // namespace

TEST_CASE("poll: a page with the kiosk's question and one with its own round trip") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: yes\n");
    source.replaceIn("vie/meeting.txt", "kind: meeting\n",
                     "kind: meeting\npoll: yes\npoll.question: Bà con có đến họp không?\n");
    source.replaceIn("eng/meeting.txt", "title: Village meeting in June\n",
                     "title: Village meeting in June\npoll.question: Will you come to the meeting?\n");
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PackIndex& index = reader.index();

    const pack::PagePoll* health = index.poll("health");
    REQUIRE(health != nullptr);
    CHECK(health->question.byLanguage.empty());
    CHECK(health->questionIn("vie", "vie") == nullptr); // the UI shows its own poll_question

    const pack::PagePoll* meeting = index.poll("meeting");
    REQUIRE(meeting != nullptr);
    REQUIRE(meeting->questionIn("vie", "vie") != nullptr);
    CHECK(*meeting->questionIn("vie", "vie") == "Bà con có đến họp không?");
    CHECK(*meeting->questionIn("eng", "vie") == "Will you come to the meeting?");
    // A language without its own question sees the default language's, like any other text.
    CHECK(*meeting->questionIn("hmn", "vie") == "Bà con có đến họp không?");

    CHECK(index.poll("programme") == nullptr);
    CHECK(index.poll("nothere") == nullptr);
    // The question's characters reach the font atlas.
    const std::vector<char32_t> used = reader.usedCodePoints();
    CHECK(std::find(used.begin(), used.end(), U'?') != used.end());
}

TEST_CASE("poll: 'poll: no' is the same as no poll") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: no\n");
    const pack::PackReader reader = buildAndOpen(source);
    CHECK(reader.index().poll("health") == nullptr);
}

TEST_CASE("poll: wrong poll keys are refused") {
    SUBCASE("a value other than yes or no") {
        const SourceTree source;
        source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: maybe\n");
        checkRefused(source, source.shown("vie/health.txt") + ":11: 'poll' must be yes or no, found 'maybe'");
    }
    SUBCASE("a question on a page without a poll") {
        const SourceTree source;
        source.replaceIn("vie/health.txt", "featured: yes\n",
                         "featured: yes\npoll.question: Có ích không?\n");
        checkRefused(source, source.shown("vie/health.txt") +
                                 ":11: 'poll.question' but the page has no poll: add 'poll: yes'");
    }
    SUBCASE("a question in a translation of a page without a poll") {
        const SourceTree source;
        source.replaceIn("eng/health.txt", "title: Health insurance\n",
                         "title: Health insurance\npoll.question: Was this useful?\n");
        checkRefused(source, source.shown("eng/health.txt") + ":2: 'poll.question' but the page has no poll");
    }
    SUBCASE("'poll' in a translation") {
        const SourceTree source;
        source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npoll: yes\n");
        source.replaceIn("eng/health.txt", "title: Health insurance\n",
                         "title: Health insurance\npoll: yes\n");
        checkRefused(source, source.shown("eng/health.txt") + ":2: 'poll' is a structural key");
    }
    SUBCASE("a misspelt key") {
        const SourceTree source;
        source.replaceIn("vie/health.txt", "featured: yes\n", "featured: yes\npol: yes\n");
        checkRefused(source,
                     source.shown("vie/health.txt") + ":11: unknown key 'pol' (did you mean 'poll'?)");
    }
}

TEST_CASE("poll: the reader refuses a question that is not NFC") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "featured: yes\n",
                     "featured: yes\npoll: yes\npoll.question: Có ích không?\n");
    buildAndOpen(source);
    {
        db::Database database = db::Database::open(source.output(), db::Database::Mode::ReadWriteCreate);
        // "e" followed by a combining circumflex and dot below: decomposed, which ImGui cannot draw.
        database.execute("UPDATE poll_questions SET question = 'Hie"
                         "\xcc\x82\xcc\xa3"
                         "u không?'");
    }
    CHECK_THROWS_WITH_AS(pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER),
                         doctest::Contains("poll of page 'health' (vie) question"), pack::PackError);
}

TEST_CASE("poll: answers have stable names for the statistics") {
    CHECK(std::string(pack::pollAnswerName(pack::PollAnswer::Unhappy)) == "unhappy");
    CHECK(std::string(pack::pollAnswerName(pack::PollAnswer::Neutral)) == "neutral");
    CHECK(std::string(pack::pollAnswerName(pack::PollAnswer::Happy)) == "happy");
    for (const pack::PollAnswer answer : pack::kAllPollAnswers)
        CHECK(pack::pollAnswerFromName(pack::pollAnswerName(answer)) == answer);
    CHECK(pack::pollAnswerFromName("yes") == std::nullopt);
}
