// Draws Dear ImGui's draw data with an SDL_Renderer: what ImGui_ImplSDLRenderer_RenderDrawData
// does (the font texture is SdlFontTexture's), plus, on a software renderer,
// opaque rectangles filled without blending (OpaqueRectSplitter.hpp says why).
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace kiosk::platform {

enum class OpaqueRects { AsGeometry, FilledUnblended };

void renderDrawData(SDL_Renderer* renderer, const ImDrawData& drawData, OpaqueRects opaqueRects);

} // namespace kiosk::platform
