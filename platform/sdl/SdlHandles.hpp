// RAII owners for SDL objects: every SDL handle the kiosk creates is destroyed exactly once.
#pragma once

#include <SDL.h>
#include <memory>
#include <stdexcept>
#include <string>

namespace kiosk::platform {

struct SdlWindowDestroyer {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct SdlRendererDestroyer {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
struct SdlTextureDestroyer {
    void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};

using SdlWindow = std::unique_ptr<SDL_Window, SdlWindowDestroyer>;
using SdlRenderer = std::unique_ptr<SDL_Renderer, SdlRendererDestroyer>;
using SdlTexture = std::unique_ptr<SDL_Texture, SdlTextureDestroyer>;

class SdlError : public std::runtime_error {
  public:
    explicit SdlError(const std::string& what) : std::runtime_error(what + ": " + SDL_GetError()) {}
};

// SDL_Init in the constructor, SDL_Quit in the destructor.
class SdlLibrary {
  public:
    explicit SdlLibrary(Uint32 subsystems) {
        if (SDL_Init(subsystems) != 0)
            throw SdlError("cannot start SDL");
    }
    SdlLibrary(const SdlLibrary&) = delete;
    SdlLibrary& operator=(const SdlLibrary&) = delete;
    ~SdlLibrary() { SDL_Quit(); }
};

} // namespace kiosk::platform
