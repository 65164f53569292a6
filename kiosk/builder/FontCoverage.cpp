#include "FontCoverage.hpp"

#include "os/FileSystem.hpp"
#include "text/Unicode.hpp"

#include <map>
#include <set>
#include <stb_truetype.h>

namespace kiosk::builder {

namespace {

constexpr std::uint64_t kMaximumFontBytes = 64u * 1024 * 1024;
// Dear ImGui as the kiosk builds it stores characters in 16 bits.
constexpr char32_t kLastDrawableCodePoint = 0xFFFF;

std::string joined(const std::vector<std::string>& names) {
    std::string result;
    for (const std::string& name : names)
        result += (result.empty() ? "" : ", ") + name;
    return result;
}

} // namespace

// stb_truetype keeps pointers into the font bytes, so a loaded font never moves or copies.
struct FontCoverage::LoadedFont {
    std::string fileName;
    std::vector<std::uint8_t> bytes;
    stbtt_fontinfo info{};

    LoadedFont() = default;
    LoadedFont(const LoadedFont&) = delete;
    LoadedFont& operator=(const LoadedFont&) = delete;
};

FontCoverage::FontCoverage() = default;
FontCoverage::FontCoverage(FontCoverage&&) noexcept = default;
FontCoverage& FontCoverage::operator=(FontCoverage&&) noexcept = default;
FontCoverage::~FontCoverage() = default;

FontCoverage FontCoverage::load(const std::vector<std::filesystem::path>& fontFiles) {
    if (fontFiles.empty())
        throw FontError("no font given");
    FontCoverage coverage;
    for (const std::filesystem::path& path : fontFiles) {
        auto font = std::make_unique<LoadedFont>();
        font->fileName = path.filename().string();
        try {
            font->bytes = os::readWholeFile(path, kMaximumFontBytes);
        } catch (const os::FileError& error) {
            throw FontError(std::string("cannot read font: ") + error.what());
        }
        const int offset = stbtt_GetFontOffsetForIndex(font->bytes.data(), 0);
        if (font->bytes.size() < 12 || offset < 0 || !stbtt_InitFont(&font->info, font->bytes.data(), offset))
            throw FontError("not a TrueType or OpenType font: " + path.string());
        coverage.fonts_.push_back(std::move(font));
    }
    return coverage;
}

std::vector<std::string> FontCoverage::fontsMissing(char32_t codePoint) const {
    std::vector<std::string> missing;
    for (const auto& font : fonts_)
        if (stbtt_FindGlyphIndex(&font->info, static_cast<int>(codePoint)) == 0)
            missing.push_back(font->fileName);
    return missing;
}

void FontCoverage::check(const std::vector<DisplayedText>& texts, Diagnostics& diagnostics) const {
    std::map<char32_t, std::vector<std::string>> missingByCodePoint;
    for (const DisplayedText& displayed : texts) {
        std::set<char32_t> reportedOnThisLine;
        for (const char32_t codePoint : text::codePoints(displayed.text)) {
            if (!reportedOnThisLine.insert(codePoint).second)
                continue;
            if (codePoint > kLastDrawableCodePoint) {
                diagnostics.report(displayed.location,
                                   "the kiosk cannot draw " + describeCharacter(codePoint) +
                                       " (emoji and other characters beyond U+FFFF are not supported)");
                continue;
            }
            auto found = missingByCodePoint.find(codePoint);
            if (found == missingByCodePoint.end())
                found = missingByCodePoint.emplace(codePoint, fontsMissing(codePoint)).first;
            if (!found->second.empty())
                diagnostics.report(displayed.location, "the font cannot draw " +
                                                           describeCharacter(codePoint) + " (missing from " +
                                                           joined(found->second) + ")");
        }
    }
}

} // namespace kiosk::builder
