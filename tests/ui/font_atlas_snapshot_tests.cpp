// The kept font atlas (FontAtlasSnapshot): restored from its bytes, it must be the atlas a
// build makes, field for field, or text would be drawn wrong on every later start.
#include "FontAtlasSnapshot.hpp"
#include "FontSet.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

FontFiles testFonts() {
    const std::filesystem::path fonts = KIOSK_FONT_DIR;
    return {fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"};
}

std::vector<char32_t> testCharacters() {
    std::vector<char32_t> characters =
        text::codePoints("Thông tin cho bà con — Dự án giảm nghèo, người dân tộc thiểu số");
    std::sort(characters.begin(), characters.end());
    characters.erase(std::unique(characters.begin(), characters.end()), characters.end());
    return characters;
}

FontLibrary load(FontAtlas& atlas, AtlasCache& cache,
                 const std::vector<char32_t>& characters = testCharacters()) {
    return loadFonts(atlas, testFonts(), Metrics(ImVec2(1280, 800)), characters, 0, LargeFonts::Include,
                     &cache);
}

void checkSameGlyph(const ImFontGlyph& built, const ImFontGlyph& restored) {
    CAPTURE(built.Codepoint);
    CHECK(restored.Codepoint == built.Codepoint);
    CHECK(restored.Visible == built.Visible);
    CHECK(restored.Colored == built.Colored);
    CHECK(restored.AdvanceX == built.AdvanceX);
    CHECK(restored.X0 == built.X0);
    CHECK(restored.Y0 == built.Y0);
    CHECK(restored.X1 == built.X1);
    CHECK(restored.Y1 == built.Y1);
    CHECK(restored.U0 == built.U0);
    CHECK(restored.V0 == built.V0);
    CHECK(restored.U1 == built.U1);
    CHECK(restored.V1 == built.V1);
}

void checkSameAtlas(const ImFontAtlas& built, const ImFontAtlas& restored) {
    REQUIRE(restored.IsBuilt());
    REQUIRE(restored.TexWidth == built.TexWidth);
    REQUIRE(restored.TexHeight == built.TexHeight);
    CHECK(std::memcmp(restored.TexPixelsAlpha8, built.TexPixelsAlpha8,
                      static_cast<std::size_t>(built.TexWidth) * built.TexHeight) == 0);
    CHECK(restored.TexUvScale.x == built.TexUvScale.x);
    CHECK(restored.TexUvScale.y == built.TexUvScale.y);
    CHECK(restored.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
    CHECK(restored.TexUvWhitePixel.y == built.TexUvWhitePixel.y);
    for (int width = 0; width <= IM_DRAWLIST_TEX_LINES_WIDTH_MAX; ++width) {
        CHECK(restored.TexUvLines[width].x == built.TexUvLines[width].x);
        CHECK(restored.TexUvLines[width].w == built.TexUvLines[width].w);
    }
    REQUIRE(restored.Fonts.Size == built.Fonts.Size);
    for (int index = 0; index < built.Fonts.Size; ++index) {
        const ImFont& a = *built.Fonts[index];
        const ImFont& b = *restored.Fonts[index];
        CAPTURE(index);
        CHECK(b.FontSize == a.FontSize);
        CHECK(b.Ascent == a.Ascent);
        CHECK(b.Descent == a.Descent);
        CHECK(b.FallbackChar == a.FallbackChar);
        CHECK(b.EllipsisChar == a.EllipsisChar);
        CHECK(b.DotChar == a.DotChar);
        CHECK(b.FallbackAdvanceX == a.FallbackAdvanceX);
        CHECK(b.MetricsTotalSurface == a.MetricsTotalSurface);
        CHECK(b.ContainerAtlas == &restored);
        CHECK(std::memcmp(b.Used4kPagesMap, a.Used4kPagesMap, sizeof a.Used4kPagesMap) == 0);
        REQUIRE(b.Glyphs.Size == a.Glyphs.Size);
        for (int glyph = 0; glyph < a.Glyphs.Size; ++glyph)
            checkSameGlyph(a.Glyphs[glyph], b.Glyphs[glyph]);
        REQUIRE(b.IndexLookup.Size == a.IndexLookup.Size);
        CHECK(std::memcmp(b.IndexLookup.Data, a.IndexLookup.Data, sizeof(ImWchar) * a.IndexLookup.Size) == 0);
        REQUIRE(b.IndexAdvanceX.Size == a.IndexAdvanceX.Size);
        CHECK(std::memcmp(b.IndexAdvanceX.Data, a.IndexAdvanceX.Data, sizeof(float) * a.IndexAdvanceX.Size) ==
              0);
        REQUIRE(b.FallbackGlyph);
        CHECK(b.FallbackGlyph->Codepoint == a.FallbackGlyph->Codepoint);
        CHECK(b.CalcTextSizeA(b.FontSize, 500, 200, "Dự án giảm nghèo, người dân tộc").x ==
              a.CalcTextSizeA(a.FontSize, 500, 200, "Dự án giảm nghèo, người dân tộc").x);
    }
}

} // namespace

TEST_CASE("font atlas: restored from the bytes a build kept, it equals the built atlas field for field") {
    FontAtlas built;
    AtlasCache first;
    first.fontFilesIdentity = "test fonts";
    load(built, first);
    CHECK_FALSE(first.restored);
    REQUIRE(first.toSave.size() > 100'000);

    FontAtlas restored;
    AtlasCache second;
    second.fontFilesIdentity = "test fonts";
    second.saved = first.toSave;
    load(restored, second);
    CHECK(second.restored);
    CHECK(second.toSave.empty());
    checkSameAtlas(built.atlas, restored.atlas);
}

TEST_CASE(
    "font atlas: kept bytes for other fonts, other text or damaged are not used, and the atlas is built") {
    FontAtlas built;
    AtlasCache first;
    first.fontFilesIdentity = "test fonts";
    load(built, first);
    REQUIRE_FALSE(first.toSave.empty());

    SUBCASE("other font files") {
        FontAtlas other;
        AtlasCache cache{first.toSave, "other fonts", false, {}};
        load(other, cache);
        CHECK_FALSE(cache.restored);
        CHECK_FALSE(cache.toSave.empty()); // built, and kept under its own key
        checkSameAtlas(built.atlas, other.atlas);
    }
    SUBCASE("other characters") {
        FontAtlas other;
        AtlasCache cache{first.toSave, "test fonts", false, {}};
        std::vector<char32_t> more = testCharacters();
        more.push_back(U'ỹ');
        load(other, cache, more);
        CHECK_FALSE(cache.restored);
        CHECK_FALSE(cache.toSave.empty());
    }
    SUBCASE("a flipped byte anywhere") {
        for (const std::size_t at :
             {std::size_t{5}, std::size_t{40}, first.toSave.size() / 2, first.toSave.size() - 1}) {
            CAPTURE(at);
            FontAtlas other;
            AtlasCache cache{first.toSave, "test fonts", false, {}};
            cache.saved[at] ^= 0x10;
            load(other, cache);
            CHECK_FALSE(cache.restored);
            checkSameAtlas(built.atlas, other.atlas);
        }
    }
    SUBCASE("cut short, or nothing") {
        for (const std::size_t size : {std::size_t{0}, std::size_t{10}, first.toSave.size() - 1}) {
            FontAtlas other;
            AtlasCache cache{std::vector<std::uint8_t>(first.toSave.begin(),
                                                       first.toSave.begin() + static_cast<long>(size)),
                             "test fonts",
                             false,
                             {}};
            load(other, cache);
            CHECK_FALSE(cache.restored);
        }
    }
}
