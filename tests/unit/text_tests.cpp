#include "text/CharacterList.hpp"
#include "text/UiStrings.hpp"
#include "text/Unicode.hpp"

#include <cstdio>
#include <stdexcept>

#include <doctest/doctest.h>

using namespace kiosk::text;

TEST_CASE("NFC: decomposed Vietnamese is detected and composed") {
    const std::string composed = "Vi\xE1\xBB\x87t";        // Việt, ệ precomposed (U+1EC7)
    const std::string decomposed = "Vie\xCC\xA3\xCC\x82t"; // e + dot below + circumflex
    CHECK(isNfc(composed));
    CHECK_FALSE(isNfc(decomposed));
    CHECK(toNfc(decomposed).value() == composed);
    CHECK(packTextProblem(decomposed).value().find("NFC") != std::string::npos);
    CHECK_FALSE(packTextProblem(composed).has_value());
}

TEST_CASE("invalid UTF-8 and control characters are refused") {
    CHECK_FALSE(isValidUtf8("abc\xC3"));
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80")); // a UTF-16 surrogate encoded in UTF-8
    CHECK_FALSE(toNfc("\xFF").has_value());
    CHECK(packTextProblem("a\x01").value().find("control") != std::string::npos);
    CHECK_FALSE(packTextProblem("two\nlines").has_value());
}

TEST_CASE("code points round trip through UTF-8") {
    const auto points = codePoints("Hà Nội");
    REQUIRE(points.size() == 6);
    CHECK(points[1] == U'à');
    CHECK(points[4] == U'ộ');
    CHECK(encodeUtf8(U'ộ') == "ộ");
}

TEST_CASE("UI strings: lookup with fallback, placeholders and errors with line numbers") {
    const UiStrings strings =
        UiStrings::parse("key\tvie\teng\nhome\tTrang chủ\tHome\nonly_english\t\tOnly\n", "ui.tsv");
    CHECK(strings.get("home", "vie") == "Trang chủ");
    CHECK(strings.get("home", "hmn") == "Home"); // no Hmong: English
    CHECK(strings.get("only_english", "vie") == "Only");
    CHECK(strings.get("missing", "vie") == "missing");
    CHECK(strings.has("home", "vie"));
    CHECK_FALSE(strings.has("only_english", "vie"));
    CHECK(fillPlaceholder("{count} trang, {count}", "count", "3") == "3 trang, 3");
    CHECK_THROWS_WITH_AS(UiStrings::parse("key\tvie\nhome\ta\tb\n", "ui.tsv"), doctest::Contains("ui.tsv:2"),
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(UiStrings::parse("home\tx\n", "ui.tsv"), doctest::Contains("header"),
                         std::runtime_error);
}

TEST_CASE("the shipped UI strings are complete in Vietnamese and English") {
    const std::string path = std::string(KIOSK_TEST_SOURCE_DIR) + "/assets/strings/ui.tsv";
    FILE* file = std::fopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    std::string content;
    char buffer[4096];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
        content.append(buffer, read);
    std::fclose(file);
    const UiStrings strings = UiStrings::parse(content, path);
    for (const char* key :
         {"home", "back", "touch_to_start", "when", "where", "organiser", "provinces", "period", "partners",
          "source", "pictures", "close", "translation_missing", "pages_count", "welcome"}) {
        CAPTURE(key);
        CHECK(strings.has(key, "vie"));
        CHECK(strings.has(key, "eng"));
    }
}

TEST_CASE("character list: runs become ranges and read back as written") {
    const std::vector<char32_t> characters = {0x20, 0x21, 0x22, 0x41, 0xE0, 0xE1, 0x1EA1, 0x1F600};
    const std::string list = formatCharacterList(characters);
    CHECK(list == "20-22 41 e0-e1 1ea1 1f600");
    CHECK(parseCharacterList(list) == characters);
    CHECK(formatCharacterList({}).empty());
    CHECK(parseCharacterList("").empty());
}

TEST_CASE("character list: anything the builder would not write is refused") {
    const char* const refused[] = {
        "41 20",             // out of order
        "41 42",             // touching items: the builder writes them as one range
        "42-41",             // a range that does not ascend
        "41-41",             // a range of one
        "41  42",            // an empty item
        " 41",               // a leading space
        "41 ",               // a trailing space
        "0041",              // leading zeros
        "4A",                // upper case
        "x",                 // not hexadecimal
        "-41",               // a range without a start
        "41-",               // a range without an end
        "110000",            // beyond Unicode
        "d800",              // a surrogate
        "d7ff-e000",         // a range over the surrogates
        "0-d7ff e000-1ffff", // far more characters than any font holds
        "1234567",           // too many digits
    };
    for (const char* list : refused) {
        CAPTURE(list);
        CHECK_THROWS_AS(parseCharacterList(list), CharacterListError);
    }
}

TEST_CASE("text: names from a stick are made safe for a log line, Vietnamese kept") {
    using kiosk::text::printableForLog;
    CHECK(printableForLog("1.csv") == "1.csv");
    CHECK(printableForLog("xã-an-phú.kpack") == "xã-an-phú.kpack");
    CHECK(printableForLog("a\nkiosk: forged line") == "a\\x0akiosk: forged line");
    CHECK(printableForLog("\x1b[2J") == "\\x1b[2J");
    CHECK(printableForLog("evil\xe2\x80\xaegpj.kpack") == "evil\\xe2\\x80\\xaegpj.kpack"); // a bidi override
    CHECK(printableForLog("bad\xff") == "bad\\xff");
    CHECK(printableForLog(std::string(500, 'a'), 10) == std::string(10, 'a') + "...");
    const std::string once = printableForLog("a\nb\x01");
    CHECK(printableForLog(once) == once);
}
