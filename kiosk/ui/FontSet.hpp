// The fonts the kiosk draws with, rasterised once for the screen size and holding only the
// glyphs that the UI strings and the installed pack use (so the atlas stays small).
#pragma once

#include "Theme.hpp"

#include <cstdint>
#include <filesystem>
#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui {

struct FontSet {
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;
};

// Every font the UI may choose from: the standard sizes, and the same fonts kLargeTextScale
// times larger for large-text mode. Rasterised, not scaled at draw time: scaled glyphs blur.
struct FontLibrary {
    FontSet standard;
    FontSet large;
    // False when the larger fonts were not asked for or did not fit the GPU's texture: `large`
    // is then `standard`, and large-text mode keeps the standard sizes rather than failing.
    bool hasLarge = false;
};

// Most visitors never choose large text, so the kiosk starts without those fonts (half the
// atlas: less start-up time and memory) and adds them when someone does.
enum class LargeFonts { Omit, Include };

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// An atlas of the kiosk's own, with the glyph ranges it points at until it is built. It is
// not ImGui's: it can be built before any ImGui context exists (on a thread at start-up, as
// ImGui's allocator counts into the current context) and is then shared with the context.
struct FontAtlas {
    // The font files, read once for all sizes (ImGui would read a file again for each);
    // the atlas reads them when it is built, again when large text is added.
    FontFiles loadedFiles;
    std::vector<std::uint8_t> regularFont;
    std::vector<std::uint8_t> boldFont;
    ImFontAtlas atlas;
    ImVector<ImWchar> glyphRanges;
};

// The last atlas the kiosk built, kept between starts (FontAtlasSnapshot.hpp says why).
struct AtlasCache {
    std::vector<std::uint8_t> saved;  // in: what was kept, possibly for other fonts or text, or nothing
    std::string fontFilesIdentity;    // in: see fontAtlasKey
    bool restored = false;            // out: the atlas came from `saved`
    std::vector<std::uint8_t> toSave; // out: the atlas was built; these bytes can be kept for next time
};

// Puts the fonts into `target` (anything there before goes) and builds it; throws
// std::runtime_error if a font file is missing. `codePoints` are every character the kiosk
// may draw. The atlas is one texture, so it must fit `maximumTextureSide` (the GPU's limit;
// 0 = no limit): if it does not, it is built again without the large fonts, and a
// std::runtime_error says so if even that is too big. Touches no ImGui context. With `cache`,
// the atlas is restored from it when it was made for the same fonts, sizes and characters.
FontLibrary loadFonts(FontAtlas& target, const FontFiles& files, const Metrics& metrics,
                      const std::vector<char32_t>& codePoints, int maximumTextureSide = 0,
                      LargeFonts large = LargeFonts::Include, AtlasCache* cache = nullptr);

// Whether a built atlas fits a texture side limit (0 = no limit).
bool atlasFits(const ImFontAtlas& atlas, int maximumTextureSide);

} // namespace kiosk::ui
