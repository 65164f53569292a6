#include "builder/FontCoverage.hpp"
#include "builder/PackBuilder.hpp"

#include <doctest/doctest.h>

using namespace kiosk::builder;

TEST_CASE("font coverage: Noto Sans draws Vietnamese but not Thai") {
    const FontCoverage coverage = FontCoverage::load(defaultFontFiles());
    for (const char32_t codePoint : std::u32string(U"AaĐđẠạẾếỆệỮữỳ ,.–“”•"))
        CHECK(coverage.fontsMissing(codePoint).empty());
    CHECK(coverage.fontsMissing(U'ก') ==
          std::vector<std::string>{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"});
}

TEST_CASE("font coverage: reports each undrawable character once per line, with its location") {
    const FontCoverage coverage = FontCoverage::load(defaultFontFiles());
    Diagnostics diagnostics;
    coverage.check({DisplayedText{SourceLocation{"a.txt", 3}, "Việt ก ก"},
                    DisplayedText{SourceLocation{"a.txt", 4}, "fine"},
                    DisplayedText{SourceLocation{"b.txt", 1}, "ก \xF0\x9F\x98\x80"}},
                   diagnostics);
    const std::vector<std::string> lines = diagnostics.formattedInOrder();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "a.txt:3: the font cannot draw U+0E01 'ก' (missing from NotoSans-Regular.ttf, "
                      "NotoSans-Bold.ttf)");
    CHECK(lines[1].starts_with("b.txt:1: the font cannot draw U+0E01 'ก'"));
    CHECK(lines[2].starts_with("b.txt:1: the kiosk cannot draw U+1F600 '\xF0\x9F\x98\x80'"));
}

TEST_CASE("font coverage: fonts that cannot be read are refused") {
    CHECK_THROWS_AS(FontCoverage::load({}), FontError);
    CHECK_THROWS_AS(FontCoverage::load({"/nonexistent/font.ttf"}), FontError);
}

TEST_CASE("describeCharacter names invisible characters by code point only") {
    CHECK(describeCharacter(U'ệ') == "U+1EC7 'ệ'");
    CHECK(describeCharacter(0x200B) == "U+200B");
    CHECK(describeCharacter(0x07) == "U+0007");
}
