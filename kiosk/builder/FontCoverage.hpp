// Checks that the kiosk's fonts can draw every character a pack shows. A character missing
// from the font comes out as an empty box on the kiosk screen, which villagers cannot read and
// staff rarely notice; the builder refuses such a pack instead. The glyph lookup itself lives
// in the core (text::GlyphCoverage), where the kiosk uses it to check packs from USB sticks.
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"
#include "text/GlyphCoverage.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::builder {

class FontError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class FontCoverage {
  public:
    // Every font must draw every character: the kiosk draws body text with one and headings
    // with another, and any text may end up in either. Throws FontError for unreadable fonts.
    static FontCoverage load(const std::vector<std::filesystem::path>& fontFiles);

    // The file names of the fonts without a glyph for `codePoint`; empty when all have one.
    std::vector<std::string> fontsMissing(char32_t codePoint) const;
    // Reports each character of each text that cannot be drawn, once per line.
    void check(const std::vector<DisplayedText>& texts, Diagnostics& diagnostics) const;
    // Reports each story card text that does not fit its card on the smallest screen
    // (pack/StoryCardText.hpp), in any language.
    void checkCardTexts(const std::vector<PageSource>& pages, Diagnostics& diagnostics) const;

  private:
    explicit FontCoverage(text::GlyphCoverage glyphs) : glyphs_(std::move(glyphs)) {}

    text::GlyphCoverage glyphs_;
};

} // namespace kiosk::builder
