// Which characters the kiosk's fonts can draw. A character missing from the font comes out as
// an empty box on the kiosk screen, so the builder refuses such a pack, and the kiosk checks a
// pack from a USB stick the same way before installing it.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

// Dear ImGui as the kiosk builds it stores characters in 16 bits.
inline constexpr char32_t kLastDrawableCodePoint = 0xFFFF;

class GlyphCoverageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class GlyphCoverage {
  public:
    // Every font must draw every character: the kiosk draws body text with one and headings
    // with another. Throws GlyphCoverageError for no font or an unreadable one.
    static GlyphCoverage load(const std::vector<std::filesystem::path>& fontFiles);

    GlyphCoverage(GlyphCoverage&&) noexcept;
    GlyphCoverage& operator=(GlyphCoverage&&) noexcept;
    ~GlyphCoverage();

    // The file names of the fonts without a glyph for `codePoint`; empty when all have one.
    std::vector<std::string> fontsMissing(char32_t codePoint) const;
    // True when the kiosk can draw `codePoint`: within 16 bits and in every font.
    bool canDraw(char32_t codePoint) const;
    // How many lines `text` takes when wrapped at spaces into `width` pixels with glyphs
    // `pixelHeight` high, as Dear ImGui wraps it (advances without kerning, scaled for pixel
    // height), in the widest of the fonts: any of them may draw it.
    int wrappedLineCount(std::string_view text, float pixelHeight, float width) const;

  private:
    struct LoadedFont;
    GlyphCoverage();

    std::vector<std::unique_ptr<LoadedFont>> fonts_;
};

} // namespace kiosk::text
