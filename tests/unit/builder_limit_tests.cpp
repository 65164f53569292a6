// The format's limits (pack/PackLimits.hpp) as the builder applies them: a source over one is
// refused at the line to change, with the limit in words, and nothing is written. The same
// limits are checked by the reader and the install check (pack_limit_tests.cpp, the corpus).
#include "audio_test_support.hpp"
#include "builder_test_source_tree.hpp"

#include "pack/PackLimits.hpp"
#include "pack/PackSchema.hpp"
#include "text/GlyphCoverage.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

void checkRefused(const SourceTree& source, const std::string& expectedStart) {
    const builder::BuildResult result = source.build();
    const std::string problems = builder::test::joinedProblems(result);
    INFO("expected: " << expectedStart);
    INFO("problems:\n" << problems);
    CHECK_FALSE(result.succeeded);
    CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                      [&](const std::string& problem) { return problem.starts_with(expectedStart); }));
    CHECK(std::filesystem::is_empty(source.outputFolder()));
}

std::string repeated(const std::string& word, std::size_t times) {
    std::string text;
    for (std::size_t index = 0; index < times; ++index)
        text += (index ? " " : "") + word;
    return text;
}

} // namespace

TEST_CASE("builder limits: a pack title, a category title and a page title over their lengths") {
    const SourceTree source;
    source.replaceIn("pack.txt", "title.vie: Thông tin xã", "title.vie: " + repeated("Thông tin xã", 10));
    source.replaceIn("categories.txt", "title.vie: Chính sách", "title.vie: " + repeated("Chính sách", 10));
    source.replaceIn("vie/health.txt", "title: Bảo hiểm y tế", "title: " + repeated("Bảo hiểm y tế", 20));
    const builder::BuildResult result = source.build();
    const std::string problems = builder::test::joinedProblems(result);
    INFO(problems);
    CHECK_FALSE(result.succeeded);
    CHECK(problems.find(source.shown("pack.txt") +
                        ":10: 'title.vie' is a pack title longer than 60 characters (129)") !=
          std::string::npos);
    CHECK(problems.find(source.shown("categories.txt") +
                        ":4: 'title.vie' is a category title longer than 60 characters (109)") !=
          std::string::npos);
    CHECK(problems.find(source.shown("vie/health.txt") +
                        ":1: 'title' is a page title longer than 200 characters") != std::string::npos);
}

TEST_CASE("builder limits: the exact limit is allowed") {
    const SourceTree source;
    source.replaceIn("categories.txt", "title.vie: Chính sách",
                     "title.vie: " +
                         std::string(pack::maximumCharacters(pack::TextField::CategoryTitle), 'a'));
    const builder::BuildResult result = source.build();
    INFO(builder::test::joinedProblems(result));
    CHECK(result.succeeded);
}

TEST_CASE("builder limits: a paragraph too long, and a word that cannot wrap, at the line they start on") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", repeated("Tại trạm y tế xã.", 1000));
    source.replaceIn("vie/health.txt", "sống ở vùng khó khăn.", "sống ở " + std::string(150, 'x') + ".");
    checkRefused(source,
                 source.shown("vie/health.txt") + ":22: this is a paragraph longer than 4000 characters");
    checkRefused(source, source.shown("vie/health.txt") +
                             ":14: this is a paragraph with a word of more than 120 characters and no space");
}

TEST_CASE("builder limits: too much text on one page, and too many blocks") {
    SUBCASE("characters") {
        const SourceTree source;
        std::string body;
        for (int paragraph = 0; paragraph < 7; ++paragraph)
            body += repeated("Người dân tộc thiểu số", 150) + "\n\n";
        source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", body);
        checkRefused(source, source.shown("vie/health.txt") + ":");
        CHECK(builder::test::joinedProblems(source.build())
                  .find("more than 20000 characters of text on one page") != std::string::npos);
    }
    SUBCASE("blocks") {
        const SourceTree source;
        std::string body;
        for (int bullet = 0; bullet < 301; ++bullet)
            body += "- Hộ nghèo\n";
        source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", body);
        checkRefused(source, source.shown("vie/health.txt") + ":");
        CHECK(builder::test::joinedProblems(source.build())
                  .find("more than 300 headings, paragraphs and bullet points on one page (30") !=
              std::string::npos);
    }
}

TEST_CASE("builder limits: too many languages, categories and pages") {
    SUBCASE("languages") {
        const SourceTree source;
        std::string extra;
        for (const char* code : {"aaa", "bbb", "ccc"})
            extra += std::string(", ") + code;
        source.replaceIn("pack.txt", "languages: vie, eng", "languages: vie, eng" + extra);
        checkRefused(source, source.shown("pack.txt") + ":7: the pack has more than 4 languages (5)");
    }
    SUBCASE("categories") {
        const SourceTree source;
        std::string extra;
        for (int index = 0; index < 10; ++index)
            extra +=
                "\nid: extra-" + std::to_string(index) + "\nimage: category-policies.png\ntitle.vie: Mục\n";
        source.replaceIn("categories.txt", "title.vie: Cuộc họp\n", "title.vie: Cuộc họp\n" + extra);
        checkRefused(source, source.shown("categories.txt") + ":");
        CHECK(
            builder::test::joinedProblems(source.build()).find("the pack has more than 12 categories (13)") !=
            std::string::npos);
    }
    SUBCASE("pages") {
        const SourceTree source;
        for (int index = 0; index <= pack::kMaximumPages; ++index)
            source.writeText("vie/extra-" + std::to_string(index) + ".txt",
                             "title: Trang\ncategory: policies\ncover: cover.png\n---\nChữ.\n");
        checkRefused(source, source.shown("vie") + ": the pack has more than 1000 pages (1004): split it");
    }
}

TEST_CASE("builder limits: more different characters than the font atlas can hold") {
    const SourceTree source;
    // Characters the kiosk's fonts draw (so only the count is wrong), many to a line.
    const text::GlyphCoverage coverage = text::GlyphCoverage::load(builder::defaultFontFiles());
    std::string lines;
    int added = 0;
    for (char32_t codePoint = 0xA1; added <= pack::kMaximumCharacters && codePoint < 0x2000; ++codePoint) {
        if (!coverage.canDraw(codePoint) || !text::isNfc(text::encodeUtf8(codePoint)) ||
            text::packTextProblem(text::encodeUtf8(codePoint)))
            continue;
        lines += text::encodeUtf8(codePoint) + ((++added % 20) ? " " : "\n\n");
    }
    source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", lines);
    checkRefused(source, source.shown("vie/health.txt") + ":");
    CHECK(builder::test::joinedProblems(source.build()).find("more than 800 different characters") !=
          std::string::npos);
}

TEST_CASE("builder limits: more text in all than the format allows, counted on what would be written") {
    const SourceTree source;
    std::string body;
    for (int paragraph = 0; paragraph < pack::kMaximumBlocksPerPage; ++paragraph)
        body += std::string(66, 'a').replace(10, 1, " ").replace(40, 1, " ") + "\n\n";
    const int pages = pack::kMaximumTextCharacters / (66 * pack::kMaximumBlocksPerPage) + 10;
    for (int index = 0; index < pages; ++index)
        source.writeText("vie/extra-" + std::to_string(index) + ".txt",
                         "title: Trang\ncategory: policies\ncover: cover.png\n---\n" + body);
    checkRefused(source,
                 source.root().string() + ": the pack has more than 10000000 characters of text in all (");
}

TEST_CASE("builder limits: more minutes of recordings than the install check may decode") {
    const SourceTree source;
    // 17 narrations of 15 minutes (the longest one recording may be): 255 minutes in all.
    // 8 kHz mono at the lowest quality, the cheapest sound to encode and decode.
    const std::vector<std::uint8_t> recording = audio::test::encodeOggVorbis(
        audio::test::makeTone(1, 8000, pack::kAudioLimits.maximumDurationMilliseconds), -1);
    constexpr int kNarrations = 17;
    static_assert(kNarrations * 15 > pack::kMaximumRecordingMinutes);
    source.writeBytes("vie/health.ogg", recording);
    for (int index = 1; index < kNarrations; ++index) {
        const std::string page = "extra-" + std::to_string(index);
        source.writeText("vie/" + page + ".txt",
                         "title: Trang\ncategory: policies\ncover: cover.png\n---\nChữ.\n");
        source.writeBytes("vie/" + page + ".ogg", recording);
    }
    checkRefused(source,
                 source.root().string() + ": the pack has more than 240 minutes of recordings in all (255)");
}
