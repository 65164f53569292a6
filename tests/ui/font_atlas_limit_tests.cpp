// The measurement behind pack::kMaximumCharacters. The font atlas is built by kiosk_ui (Dear
// ImGui), which the install check in kiosk_core cannot use, so the install check counts the
// pack's characters instead. This test shows the count is safe: the kiosk's own UI strings
// plus kMaximumCharacters of the largest glyphs the kiosk's fonts have, at the largest
// supported screen, give an atlas within the Raspberry Pi 3's 2048 px texture limit.
#include "FontSet.hpp"
#include "pack/PackLimits.hpp"
#include "text/GlyphCoverage.hpp"
#include "text/UiStrings.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>
#include <stb_truetype.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

constexpr int kPi3TextureSide = 2048;
const ImVec2 kLargestScreen(1920, 1080);

FontFiles kioskFonts() {
    const std::filesystem::path fonts = KIOSK_FONT_DIR;
    return {fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"};
}

std::vector<char32_t> uiStringCharacters() {
    std::ifstream file(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets" / "strings" / "ui.tsv");
    std::stringstream text;
    text << file.rdbuf();
    const text::UiStrings strings = text::UiStrings::parse(text.str(), "ui.tsv");
    const std::vector<char32_t> all = text::codePoints(strings.allText());
    const std::set<char32_t> distinct(all.begin(), all.end());
    return {distinct.begin(), distinct.end()};
}

// Every character both fonts draw, the largest glyphs first (by their box in the bold font,
// the one headings and titles use): the worst characters a pack could list.
std::vector<char32_t> largestGlyphsFirst() {
    const FontFiles files = kioskFonts();
    const text::GlyphCoverage coverage = text::GlyphCoverage::load({files.regular, files.bold});
    std::ifstream file(files.bold, std::ios::binary);
    const std::vector<unsigned char> bold((std::istreambuf_iterator<char>(file)),
                                          std::istreambuf_iterator<char>());
    stbtt_fontinfo font{};
    REQUIRE(stbtt_InitFont(&font, bold.data(), stbtt_GetFontOffsetForIndex(bold.data(), 0)));
    std::vector<std::pair<long, char32_t>> glyphs;
    for (char32_t codePoint = 0x20; codePoint <= text::kLastDrawableCodePoint; ++codePoint) {
        if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || !coverage.canDraw(codePoint))
            continue;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBox(&font, static_cast<int>(codePoint), &x0, &y0, &x1, &y1);
        glyphs.emplace_back(static_cast<long>(x1 - x0 + 64) * (y1 - y0 + 64), codePoint);
    }
    std::sort(glyphs.begin(), glyphs.end(), std::greater<>());
    std::vector<char32_t> characters;
    for (const auto& glyph : glyphs)
        characters.push_back(glyph.second);
    return characters;
}

// The atlas of the UI strings and the first `count` of `worst`, as the kiosk would build it on
// a Pi 3 at the largest screen (large text only if it fits too, as loadFonts decides).
struct Outcome {
    bool fits = false;
    bool hasLarge = false;
    int width = 0;
    int height = 0;
};

Outcome buildAtlas(const std::vector<char32_t>& worst, std::size_t count) {
    std::vector<char32_t> characters = uiStringCharacters();
    characters.insert(characters.end(), worst.begin(), worst.begin() + static_cast<std::ptrdiff_t>(count));
    FontAtlas atlas;
    try {
        const FontLibrary library = loadFonts(atlas, kioskFonts(), Metrics(kLargestScreen), characters,
                                              kPi3TextureSide, LargeFonts::Include);
        return {true, library.hasLarge, atlas.atlas.TexWidth, atlas.atlas.TexHeight};
    } catch (const std::runtime_error&) {
        return {false, false, atlas.atlas.TexWidth, atlas.atlas.TexHeight};
    }
}

} // namespace

TEST_CASE("font atlas: kMaximumCharacters of the largest glyphs fit a Pi 3's 2048 px texture at 1920x1080") {
    const std::vector<char32_t> worst = largestGlyphsFirst();
    REQUIRE(worst.size() > static_cast<std::size_t>(pack::kMaximumCharacters));
    const Outcome atLimit = buildAtlas(worst, static_cast<std::size_t>(pack::kMaximumCharacters));
    const std::string summary = "UI strings + " + std::to_string(pack::kMaximumCharacters) +
                                " largest glyphs: atlas " + std::to_string(atLimit.width) + "x" +
                                std::to_string(atLimit.height) + (atLimit.hasLarge ? ", with" : ", without") +
                                " large text";
    MESSAGE(summary);
    CHECK(atLimit.fits);
    // Every character the fonts can draw, as a hostile character list would ask: too many.
    CHECK_FALSE(buildAtlas(worst, worst.size()).fits);
}

// The measurement itself, by hand (kiosk-ui-tests --no-skip -tc="font atlas: the most*"):
// the largest number of the largest glyphs whose atlas still fits.
TEST_CASE("font atlas: the most of the largest glyphs that fit, measured" * doctest::skip(true)) {
    const std::vector<char32_t> worst = largestGlyphsFirst();
    MESSAGE("drawable characters: " << worst.size());
    std::size_t low = 0, high = worst.size();
    while (low < high) {
        const std::size_t middle = (low + high + 1) / 2;
        const Outcome outcome = buildAtlas(worst, middle);
        MESSAGE(middle << " glyphs: " << outcome.width << "x" << outcome.height
                       << (outcome.fits ? ", fits" : ""));
        if (outcome.fits)
            low = middle;
        else
            high = middle - 1;
    }
    MESSAGE("largest count that fits: " << low);
}
