#include "builder/HeaderFields.hpp"
#include "builder/MarkdownBlocks.hpp"
#include "builder/SourceText.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::builder;

namespace {

std::vector<SourceLine> linesOf(const std::string& content) {
    Diagnostics diagnostics;
    const std::optional<SourceText> text = splitSourceText(content, "test.txt", diagnostics);
    REQUIRE(text.has_value());
    return text->lines;
}

} // namespace

TEST_CASE("source text: line numbers, byte-order mark, CRLF, tabs and NFC") {
    const std::vector<SourceLine> lines = linesOf("\xEF\xBB\xBF"
                                                  "first\r\n\nthi\trd\nVie\xCC\xA3\xCC\x82t");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].number == 1);
    CHECK(lines[0].text == "first");
    CHECK(lines[1].text.empty());
    CHECK(lines[2].text == "thi rd");
    CHECK(lines[3].number == 4);
    CHECK(lines[3].text == "Việt");
}

TEST_CASE("source text: every invalid line is reported and the file is refused") {
    Diagnostics diagnostics;
    CHECK_FALSE(splitSourceText("good\nbad \xC3\x28\nfine\n\xFF\n", "x.txt", diagnostics).has_value());
    const std::vector<std::string> problems = diagnostics.formattedInOrder();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].starts_with("x.txt:2: invalid UTF-8"));
    CHECK(problems[1].starts_with("x.txt:4: invalid UTF-8"));
}

TEST_CASE("source text: control characters are refused, a carriage return alone too") {
    Diagnostics diagnostics;
    CHECK_FALSE(splitSourceText("a\rb\n", "x.txt", diagnostics).has_value());
    CHECK(diagnostics.formattedInOrder() == std::vector<std::string>{"x.txt:1: control character U+000D"});
}

TEST_CASE("header fields: keys, values, comments, duplicates") {
    Diagnostics diagnostics;
    const std::vector<SourceLine> lines = linesOf(
        "# a comment\ntitle:  Họp dân  \n\nsource: https://a.example/x\nempty:\ntitle: again\nNo key here\n");
    const HeaderFields fields = HeaderFields::parse(lines, "p.txt", 1, diagnostics);
    REQUIRE(fields.find("title") != nullptr);
    CHECK(fields.find("title")->value == "Họp dân");
    CHECK(fields.find("title")->line == 2);
    CHECK(fields.find("source")->value == "https://a.example/x");
    CHECK(fields.find("empty") != nullptr);
    CHECK(fields.optional("empty") == nullptr);
    CHECK(fields.required("missing", diagnostics) == nullptr);
    CHECK(fields.required("empty", diagnostics) == nullptr);
    CHECK(diagnostics.formattedInOrder() ==
          std::vector<std::string>{
              "p.txt:1: missing required key 'missing'", "p.txt:5: 'empty' is empty",
              "p.txt:6: 'title' is given twice (first on line 2)",
              "p.txt:7: expected 'key: value' (keys are lowercase, like 'title'), found 'No key "
              "here'"});
}

TEST_CASE("header fields: unknown keys suggest near misses only") {
    const std::vector<std::string> known = {"title", "summary", "category"};
    CHECK(unknownKeyMessage("titel", known) == "unknown key 'titel' (did you mean 'title'?)");
    CHECK(unknownKeyMessage("catgory", known) == "unknown key 'catgory' (did you mean 'category'?)");
    CHECK(unknownKeyMessage("colour", known) == "unknown key 'colour'");
}

TEST_CASE("markdown blocks: headings, paragraphs, bullets and continuation lines") {
    const std::vector<pack::TextBlock> blocks = parseMarkdownBlocks(linesOf("# Title\n"
                                                                            "first line\n"
                                                                            "  second line  \n"
                                                                            "\n"
                                                                            "\n"
                                                                            "- one\n"
                                                                            "  continued\n"
                                                                            "* two\n"
                                                                            "• three\n"
                                                                            "-\n"
                                                                            "###   Deep heading\n"
                                                                            "-5 degrees is cold\n"
                                                                            "**not a bullet**\n"
                                                                            "#\n"));
    using pack::BlockKind;
    const std::vector<std::pair<BlockKind, std::string>> expected = {
        {BlockKind::Heading, "Title"},
        {BlockKind::Paragraph, "first line second line"},
        {BlockKind::Bullet, "one continued"},
        {BlockKind::Bullet, "two"},
        {BlockKind::Bullet, "three"},
        {BlockKind::Heading, "Deep heading"},
        {BlockKind::Paragraph, "-5 degrees is cold **not a bullet**"},
    };
    REQUIRE(blocks.size() == expected.size());
    for (std::size_t index = 0; index < expected.size(); ++index) {
        CAPTURE(index);
        CHECK(blocks[index].kind == expected[index].first);
        CHECK(blocks[index].text == expected[index].second);
    }
}

TEST_CASE("markdown blocks: a heading directly after a paragraph ends it") {
    std::vector<int> startLines;
    const std::vector<pack::TextBlock> blocks =
        parseMarkdownBlocks(linesOf("text\n# Heading\nmore\n"), &startLines);
    REQUIRE(blocks.size() == 3);
    CHECK(startLines == std::vector<int>{1, 2, 3});
    CHECK(blocks[0].text == "text");
    CHECK(blocks[1].kind == pack::BlockKind::Heading);
    CHECK(blocks[2].text == "more");
    CHECK(parseMarkdownBlocks({}).empty());
}
