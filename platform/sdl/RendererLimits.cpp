#include "RendererLimits.hpp"

#include <algorithm>

namespace kiosk::platform {

int largestTextureSide(SDL_Renderer* renderer, int configured) {
    SDL_RendererInfo info{};
    int side = 0;
    // The software renderer reports 0: no limit but memory.
    if (SDL_GetRendererInfo(renderer, &info) == 0 && info.max_texture_width > 0 &&
        info.max_texture_height > 0)
        side = std::min(info.max_texture_width, info.max_texture_height);
    if (configured > 0)
        side = side > 0 ? std::min(side, configured) : configured;
    return side;
}

} // namespace kiosk::platform
