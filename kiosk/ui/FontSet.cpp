#include "FontSet.hpp"

#include "FontAtlasSnapshot.hpp"
#include "os/FileSystem.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kiosk::ui {

namespace {

std::vector<std::uint8_t> readFontFile(const std::filesystem::path& file) {
    constexpr std::uint64_t kLargestFont = 64 << 20; // Noto fonts are well under 1 MB; CJK ones ~20 MB
    try {
        std::vector<std::uint8_t> bytes = os::readWholeFile(file, kLargestFont);
        if (bytes.empty())
            throw std::runtime_error("empty");
        return bytes;
    } catch (const std::exception& error) {
        throw std::runtime_error("font file missing or unreadable: " + file.string() + " (" + error.what() +
                                 ")");
    }
}

ImFont* addFont(ImFontAtlas& atlas, std::vector<std::uint8_t>& file, float size, const ImWchar* ranges) {
    ImFontConfig config;
    // Glyphs snap to whole pixels, so oversampling would only blur them (ImGui's own advice),
    // double the atlas and make a software renderer scale every glyph instead of copying it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.FontDataOwnedByAtlas = false; // FontAtlas owns it
    ImFont* font =
        atlas.AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), size, &config, ranges);
    if (!font)
        throw std::runtime_error("cannot use a font file");
    return font;
}

FontSet addFontSet(FontAtlas& target, const Metrics& metrics, const ImWchar* ranges) {
    ImFontAtlas& atlas = target.atlas;
    FontSet fonts;
    fonts.body = addFont(atlas, target.regularFont, metrics.bodyFontSize, ranges);
    fonts.bodyBold = addFont(atlas, target.boldFont, metrics.bodyFontSize, ranges);
    fonts.heading = addFont(atlas, target.boldFont, metrics.headingFontSize, ranges);
    fonts.title = addFont(atlas, target.boldFont, metrics.titleFontSize, ranges);
    fonts.small = addFont(atlas, target.regularFont, metrics.smallFontSize, ranges);
    return fonts;
}

} // namespace

bool atlasFits(const ImFontAtlas& atlas, int maximumTextureSide) {
    return maximumTextureSide <= 0 ||
           (atlas.TexWidth <= maximumTextureSide && atlas.TexHeight <= maximumTextureSide);
}

FontLibrary loadFonts(FontAtlas& target, const FontFiles& files, const Metrics& metrics,
                      const std::vector<char32_t>& codePoints, int maximumTextureSide, LargeFonts large,
                      AtlasCache* cache) {
    if (target.regularFont.empty() || target.loadedFiles.regular != files.regular ||
        target.loadedFiles.bold != files.bold) {
        target.atlas.Clear(); // it may point at the old files' bytes
        target.regularFont = readFontFile(files.regular);
        target.boldFont = readFontFile(files.bold);
        target.loadedFiles = files;
    }

    ImVector<ImWchar>& ranges = target.glyphRanges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    // Printable ASCII always (numbers, codes and paths in the staff view, ImGui's '?' for a
    // missing glyph); beyond it only what is used: every glyph costs start-up time five times.
    for (ImWchar ascii = 0x20; ascii <= 0x7E; ++ascii)
        builder.AddChar(ascii);
    for (const char32_t codePoint : codePoints)
        if (codePoint <= 0xFFFF) // ImWchar is 16-bit in Debian's libimgui build
            builder.AddChar(static_cast<ImWchar>(codePoint));
    for (const ImWchar extra : {0x2022 /* • */, 0x2013 /* – */, 0x00B7 /* · */, 0x2026 /* … */})
        builder.AddChar(extra);
    builder.BuildRanges(&ranges);

    ImFontAtlas& atlas = target.atlas;
    // When the atlas would not fit the GPU (a big screen, a pack with many scripts), large
    // text goes: it is a comfort, the standard sizes a necessity.
    std::vector<bool> attempts = {false};
    if (large == LargeFonts::Include)
        attempts.insert(attempts.begin(), true);
    for (const bool withLarge : attempts) {
        atlas.Clear();
        // ImGui picks up to 4096 wide by itself; a GPU may take less (2048 on a Pi 3).
        atlas.TexDesiredWidth = maximumTextureSide > 0 ? std::min(maximumTextureSide, 4096) : 0;
        // The height stays a power of two (ImGui's default): UVs are then exact in floats, and
        // a software renderer copies glyphs pixel for pixel. With a height of, say, 600 they
        // came out a pixel off in places (found by the large-text e2e test).
        FontLibrary library;
        library.standard = addFontSet(target, metrics, ranges.Data);
        library.hasLarge = withLarge;
        library.large = withLarge ? addFontSet(target, metrics.withTextScale(kLargeTextScale), ranges.Data)
                                  : library.standard;
        const std::string key = cache ? fontAtlasKey(atlas, cache->fontFilesIdentity) : std::string();
        if (cache && restoreFontAtlas(atlas, cache->saved, key)) {
            cache->restored = true;
        } else {
            if (!atlas.Build())
                throw std::runtime_error("cannot build the font atlas");
            if (cache)
                cache->toSave = saveFontAtlas(atlas, key);
        }
        if (atlasFits(atlas, maximumTextureSide))
            return library;
    }
    throw std::runtime_error("the font atlas (" + std::to_string(atlas.TexWidth) + "x" +
                             std::to_string(atlas.TexHeight) + ") does not fit the GPU's largest texture (" +
                             std::to_string(maximumTextureSide) + ")");
}

} // namespace kiosk::ui
