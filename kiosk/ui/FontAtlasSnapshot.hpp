// A built font atlas saved as bytes, and restored into an atlas that has the same fonts added
// but is not built yet, without rasterising a glyph. Rasterising is most of a start-up's CPU
// (6 ms here, several times that on a Pi), and the kiosk starts again and again with the same
// fonts, sizes and pack, so it keeps the last atlas in its data folder.
//
// Restoring goes through the steps ImGui's own builder ends with (imgui_internal.h's
// ImFontAtlasBuildInit, ImFontAtlasBuildSetupFont, ImFont::AddGlyph, ImFontAtlasBuildFinish)
// and fills in what rasterising produced: the pixels, where the custom rectangles went, each
// font's ascent and descent and its glyphs. The saved glyphs are the final ones, so they are
// added with no config (no snapping or clamping applied twice). A UI test checks that a
// restored atlas equals a built one field for field, and an e2e test that the screen does.
#pragma once

#include <cstdint>
#include <imgui.h>
#include <span>
#include <string>
#include <vector>

namespace kiosk::ui {

// What the pixels depend on: ImGui's version and the atlas's settings, every font's config
// (size, oversampling, snapping, glyph ranges) and `fontFilesIdentity`, which names the font
// files' contents (the caller's choice: paths, sizes and modification times will do).
std::string fontAtlasKey(const ImFontAtlas& atlas, const std::string& fontFilesIdentity);

// `atlas` must be built. The bytes carry `key` and a digest of themselves.
std::vector<std::uint8_t> saveFontAtlas(const ImFontAtlas& atlas, const std::string& key);

// `atlas` has its fonts added, not built. True when `saved` was made for `key` and is whole:
// the atlas is then built from it. False otherwise, and the atlas is left to be built the
// usual way.
bool restoreFontAtlas(ImFontAtlas& atlas, std::span<const std::uint8_t> saved, const std::string& key);

} // namespace kiosk::ui
