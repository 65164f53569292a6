#include "text/GlyphCoverage.hpp"

#include "os/FileSystem.hpp"
#include "text/Unicode.hpp"

#include <algorithm>

#include <stb_truetype.h>

namespace kiosk::text {

namespace {

constexpr std::uint64_t kMaximumFontBytes = 64u * 1024 * 1024;

} // namespace

// stb_truetype keeps pointers into the font bytes, so a loaded font never moves or copies.
struct GlyphCoverage::LoadedFont {
    std::string fileName;
    std::vector<std::uint8_t> bytes;
    stbtt_fontinfo info{};

    LoadedFont() = default;
    LoadedFont(const LoadedFont&) = delete;
    LoadedFont& operator=(const LoadedFont&) = delete;
};

GlyphCoverage::GlyphCoverage() = default;
GlyphCoverage::GlyphCoverage(GlyphCoverage&&) noexcept = default;
GlyphCoverage& GlyphCoverage::operator=(GlyphCoverage&&) noexcept = default;
GlyphCoverage::~GlyphCoverage() = default;

GlyphCoverage GlyphCoverage::load(const std::vector<std::filesystem::path>& fontFiles) {
    if (fontFiles.empty())
        throw GlyphCoverageError("no font given");
    GlyphCoverage coverage;
    for (const std::filesystem::path& path : fontFiles) {
        auto font = std::make_unique<LoadedFont>();
        font->fileName = path.filename().string();
        try {
            font->bytes = os::readWholeFile(path, kMaximumFontBytes);
        } catch (const os::FileError& error) {
            throw GlyphCoverageError(std::string("cannot read font: ") + error.what());
        }
        const int offset = font->bytes.size() < 12 ? -1 : stbtt_GetFontOffsetForIndex(font->bytes.data(), 0);
        if (offset < 0 || !stbtt_InitFont(&font->info, font->bytes.data(), offset))
            throw GlyphCoverageError("not a TrueType or OpenType font: " + path.string());
        coverage.fonts_.push_back(std::move(font));
    }
    return coverage;
}

std::vector<std::string> GlyphCoverage::fontsMissing(char32_t codePoint) const {
    std::vector<std::string> missing;
    for (const auto& font : fonts_)
        if (stbtt_FindGlyphIndex(&font->info, static_cast<int>(codePoint)) == 0)
            missing.push_back(font->fileName);
    return missing;
}

bool GlyphCoverage::canDraw(char32_t codePoint) const {
    if (codePoint > kLastDrawableCodePoint)
        return false;
    for (const auto& font : fonts_)
        if (stbtt_FindGlyphIndex(&font->info, static_cast<int>(codePoint)) == 0)
            return false;
    return true;
}

namespace {

// Greedy wrapping at spaces, a word wider than the line broken where it overflows: the way
// ImGui's CalcWordWrapPositionA lays out text, closely enough to tell whether it fits.
int linesIn(const stbtt_fontinfo& font, const std::vector<char32_t>& text, float scale, float width) {
    auto advance = [&](char32_t codePoint) {
        int advanceWidth = 0;
        stbtt_GetCodepointHMetrics(&font, static_cast<int>(codePoint), &advanceWidth, nullptr);
        return static_cast<float>(advanceWidth) * scale;
    };
    const float space = advance(U' ');
    int lines = 1;
    float line = 0; // the width of the words on the current line
    std::size_t index = 0;
    while (index < text.size()) {
        if (text[index] == U' ') {
            ++index;
            continue;
        }
        float word = 0;
        std::size_t end = index;
        for (; end < text.size() && text[end] != U' '; ++end)
            word += advance(text[end]);
        const float withSpace = line > 0 ? line + space + word : word;
        if (withSpace <= width) {
            line = withSpace;
        } else if (word <= width) {
            ++lines;
            line = word;
        } else {
            // A word longer than a line: broken at the character that overflows.
            if (line > 0)
                ++lines;
            line = 0;
            for (std::size_t character = index; character < end; ++character) {
                const float glyph = advance(text[character]);
                if (line + glyph > width && line > 0) {
                    ++lines;
                    line = 0;
                }
                line += glyph;
            }
        }
        index = end;
    }
    return lines;
}

} // namespace

int GlyphCoverage::wrappedLineCount(std::string_view text, float pixelHeight, float width) const {
    const std::vector<char32_t> characters = codePoints(text);
    int lines = 0;
    for (const auto& font : fonts_)
        lines = std::max(lines, linesIn(font->info, characters,
                                        stbtt_ScaleForPixelHeight(&font->info, pixelHeight), width));
    return lines;
}

} // namespace kiosk::text
