// The font atlas as an SDL texture. Debian's ImGui backend made it from the whole atlas;
// ImGui rounds the atlas's height up to a power of two (which keeps glyph UVs exact), so
// about half of it is empty rows, and converting and uploading those was a millisecond or two
// of start-up on the way to the first frame. Here only the rows glyphs use are converted
// (on the font thread at start-up) and uploaded.
#pragma once

#include "SdlHandles.hpp"

#include <SDL.h>
#include <cstdint>
#include <imgui.h>
#include <vector>

namespace kiosk::platform {

struct FontTexturePixels {
    int width = 0;
    int height = 0;                 // the atlas's, which the UVs are relative to
    int usedRows = 0;               // rows from the top that hold anything, plus one empty row under them
    std::vector<std::uint8_t> rgba; // usedRows rows: white, the atlas's coverage as alpha
};

// From a built atlas (ImFontAtlas::Build); needs no ImGui context, so it runs on any thread.
FontTexturePixels fontTexturePixels(ImFontAtlas& atlas);

// Throws SdlError when the renderer cannot make or fill the texture.
SdlTexture makeFontTexture(SDL_Renderer* renderer, const FontTexturePixels& pixels);

} // namespace kiosk::platform
