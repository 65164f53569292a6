#include "text/GlyphCoverage.hpp"

#include "os/FileSystem.hpp"

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

} // namespace kiosk::text
