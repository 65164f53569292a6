#include "SdlFontTexture.hpp"

#include <algorithm>

namespace kiosk::platform {

FontTexturePixels fontTexturePixels(ImFontAtlas& atlas) {
    unsigned char* alpha = nullptr;
    FontTexturePixels pixels;
    atlas.GetTexDataAsAlpha8(&alpha, &pixels.width, &pixels.height);
    const auto rowBytes = static_cast<std::size_t>(pixels.width);
    int lastUsedRow = -1;
    for (int row = pixels.height - 1; row >= 0 && lastUsedRow < 0; --row) {
        const unsigned char* start = alpha + static_cast<std::size_t>(row) * rowBytes;
        if (std::any_of(start, start + rowBytes, [](unsigned char value) { return value != 0; }))
            lastUsedRow = row;
    }
    // One empty row more: a filtering GPU sampling at a glyph's lower edge reads zeros, as it
    // would from the whole atlas.
    pixels.usedRows = std::min(pixels.height, lastUsedRow + 2);
    pixels.rgba.resize(static_cast<std::size_t>(pixels.usedRows) * rowBytes * 4);
    std::uint8_t* out = pixels.rgba.data();
    for (std::size_t index = 0; index < static_cast<std::size_t>(pixels.usedRows) * rowBytes; ++index) {
        *out++ = 255;
        *out++ = 255;
        *out++ = 255;
        *out++ = alpha[index];
    }
    return pixels;
}

SdlTexture makeFontTexture(SDL_Renderer* renderer, const FontTexturePixels& pixels) {
    // RGBA32: R, G, B, A in memory whatever the byte order, as written above.
    SdlTexture texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                         pixels.width, pixels.height));
    if (!texture)
        throw SdlError("cannot make the font texture");
    if (pixels.usedRows > 0) {
        const SDL_Rect used{0, 0, pixels.width, pixels.usedRows};
        if (SDL_UpdateTexture(texture.get(), &used, pixels.rgba.data(), pixels.width * 4) != 0)
            throw SdlError("cannot fill the font texture");
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return texture;
}

} // namespace kiosk::platform
