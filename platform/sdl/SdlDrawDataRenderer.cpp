#include "SdlDrawDataRenderer.hpp"

#include "OpaqueRectSplitter.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kiosk::platform {

namespace {

// SDL_RenderGeometryRaw checks every vertex it is given (its UVs are in range) whatever the
// indices use, and ImGui's lists share one vertex buffer among all their commands: given the
// rest of the buffer, as ImGui's own SDL renderer backend does, a frame costs commands x
// vertices. The longest page drew its first frame in 600 ms that way (bench-page-layout). So
// each call gets only the vertices its indices reach, with the indices rebased onto them.
void drawTriangles(SDL_Renderer* renderer, const ImDrawList& list, const ImDrawCmd& command,
                   unsigned firstIndex, unsigned indexCount, std::vector<int>& rebasedIndices) {
    if (indexCount == 0)
        return;
    const ImDrawIdx* indices = list.IdxBuffer.Data + command.IdxOffset + firstIndex;
    const auto [lowest, highest] = std::minmax_element(indices, indices + indexCount);
    rebasedIndices.resize(indexCount);
    for (unsigned index = 0; index < indexCount; ++index)
        rebasedIndices[index] = static_cast<int>(indices[index]) - static_cast<int>(*lowest);
    const ImDrawVert* vertices = list.VtxBuffer.Data + command.VtxOffset + *lowest;
    constexpr int stride = sizeof(ImDrawVert);
    // ImDrawVert's colour is R, G, B, A in memory: an SDL_Color.
    SDL_RenderGeometryRaw(
        renderer, static_cast<SDL_Texture*>(command.GetTexID()),
        reinterpret_cast<const float*>(reinterpret_cast<const char*>(vertices) + offsetof(ImDrawVert, pos)),
        stride,
        reinterpret_cast<const SDL_Color*>(reinterpret_cast<const char*>(vertices) +
                                           offsetof(ImDrawVert, col)),
        stride,
        reinterpret_cast<const float*>(reinterpret_cast<const char*>(vertices) + offsetof(ImDrawVert, uv)),
        stride, static_cast<int>(*highest - *lowest) + 1, rebasedIndices.data(), static_cast<int>(indexCount),
        sizeof(int));
}

void fillUnblended(SDL_Renderer* renderer, const DrawPiece& rect) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    // ImU32 colours are 0xAABBGGRR.
    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(rect.colour), static_cast<Uint8>(rect.colour >> 8),
                           static_cast<Uint8>(rect.colour >> 16), 255);
    const SDL_FRect area{rect.minimum.x, rect.minimum.y, rect.maximum.x - rect.minimum.x,
                         rect.maximum.y - rect.minimum.y};
    SDL_RenderFillRectF(renderer, &area);
}

} // namespace

void renderDrawData(SDL_Renderer* renderer, const ImDrawData& drawData, OpaqueRects opaqueRects) {
    const int width = static_cast<int>(drawData.DisplaySize.x * drawData.FramebufferScale.x);
    const int height = static_cast<int>(drawData.DisplaySize.y * drawData.FramebufferScale.y);
    if (width <= 0 || height <= 0)
        return;
    SDL_BlendMode blendMode = SDL_BLENDMODE_BLEND;
    SDL_GetRenderDrawBlendMode(renderer, &blendMode);
    SDL_RenderSetViewport(renderer, nullptr);
    const ImVec2 whitePixel = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const ImTextureID fontTexture = ImGui::GetIO().Fonts->TexID;
    std::vector<DrawPiece> pieces;
    std::vector<int> rebasedIndices; // drawTriangles' scratch, kept for the frame

    for (int listIndex = 0; listIndex < drawData.CmdListsCount; ++listIndex) {
        const ImDrawList& list = *drawData.CmdLists[listIndex];
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback) {
                if (command.UserCallback != ImDrawCallback_ResetRenderState)
                    command.UserCallback(&list, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels, inside the screen.
            const ImVec2 scale = drawData.FramebufferScale;
            const float left = std::max(0.0f, (command.ClipRect.x - drawData.DisplayPos.x) * scale.x);
            const float top = std::max(0.0f, (command.ClipRect.y - drawData.DisplayPos.y) * scale.y);
            const float right =
                std::min(static_cast<float>(width), (command.ClipRect.z - drawData.DisplayPos.x) * scale.x);
            const float bottom =
                std::min(static_cast<float>(height), (command.ClipRect.w - drawData.DisplayPos.y) * scale.y);
            if (right <= left || bottom <= top)
                continue;
            const SDL_Rect clip{static_cast<int>(left), static_cast<int>(top), static_cast<int>(right - left),
                                static_cast<int>(bottom - top)};
            SDL_RenderSetClipRect(renderer, &clip);

            if (opaqueRects == OpaqueRects::AsGeometry || command.GetTexID() != fontTexture) {
                drawTriangles(renderer, list, command, 0, command.ElemCount, rebasedIndices);
                continue;
            }
            splitOpaqueRects(list.VtxBuffer.Data + command.VtxOffset, list.IdxBuffer.Data + command.IdxOffset,
                             command.ElemCount, whitePixel, pieces);
            for (const DrawPiece& piece : pieces) {
                if (piece.kind == DrawPiece::Kind::OpaqueRect)
                    fillUnblended(renderer, piece);
                else
                    drawTriangles(renderer, list, command, piece.firstIndex, piece.indexCount,
                                  rebasedIndices);
            }
        }
    }
    SDL_RenderSetClipRect(renderer, nullptr);
    SDL_SetRenderDrawBlendMode(renderer, blendMode);
}

} // namespace kiosk::platform
