// What the renderer can take: the GPU's largest texture (2048 on a Pi 3, 4096 on a Pi 4).
#pragma once

#include <SDL.h>

namespace kiosk::platform {

// The largest texture side `renderer` accepts, capped by `configured` when that is above 0
// (to try a Pi 3's limit on another machine). 0 when there is no limit at all.
int largestTextureSide(SDL_Renderer* renderer, int configured);

} // namespace kiosk::platform
