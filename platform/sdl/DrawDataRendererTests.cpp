// The draw-data renderer's fast path for software rendering: opaque one-colour rectangles
// filled without blending must paint exactly what SDL's blended path paints.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "OpaqueRectSplitter.hpp"
#include "SdlDrawDataRenderer.hpp"
#include "SdlHandles.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace {

using kiosk::platform::DrawPiece;

// An ImGui context with a built font atlas and one draw list, without a window.
class DrawListFixture {
  public:
    DrawListFixture() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(320, 200);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~DrawListFixture() { ImGui::DestroyContext(); }
    DrawListFixture(const DrawListFixture&) = delete;
    DrawListFixture& operator=(const DrawListFixture&) = delete;

    // Starts the frame; `fontTexture` is what the draw data names as the atlas.
    void begin(ImTextureID fontTexture = reinterpret_cast<ImTextureID>(1)) {
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->SetTexID(fontTexture);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    }

    ImDrawList* drawList() { return ImGui::GetWindowDrawList(); }
    // Ends the frame; the draw data is ImGui::GetDrawData().
    void render() {
        ImGui::End();
        ImGui::Render();
    }
    static std::vector<DrawPiece> piecesOfFirstCommand() {
        const ImDrawList& list = *ImGui::GetDrawData()->CmdLists[0];
        const ImDrawCmd& command = list.CmdBuffer[0];
        std::vector<DrawPiece> pieces;
        kiosk::platform::splitOpaqueRects(list.VtxBuffer.Data + command.VtxOffset,
                                          list.IdxBuffer.Data + command.IdxOffset, command.ElemCount,
                                          ImGui::GetIO().Fonts->TexUvWhitePixel, pieces);
        return pieces;
    }
};

} // namespace

TEST_CASE("opaque one-colour rectangles are found, in drawing order, between other shapes") {
    DrawListFixture fixture;
    fixture.begin();
    ImDrawList* drawList = fixture.drawList();
    drawList->AddRectFilled(ImVec2(10, 10), ImVec2(100, 50), IM_COL32(200, 30, 30, 255));  // opaque
    drawList->AddRectFilled(ImVec2(20, 20), ImVec2(60, 90), IM_COL32(0, 0, 0, 100));       // translucent
    drawList->AddCircleFilled(ImVec2(150, 100), 30, IM_COL32(0, 128, 0, 255));             // not a rectangle
    drawList->AddRectFilled(ImVec2(200, 10), ImVec2(300, 190), IM_COL32(10, 20, 30, 255)); // opaque
    fixture.render();

    const std::vector<DrawPiece> pieces = DrawListFixture::piecesOfFirstCommand();
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0].kind == DrawPiece::Kind::OpaqueRect);
    CHECK(pieces[0].minimum.x == 10);
    CHECK(pieces[0].maximum.y == 50);
    CHECK(pieces[0].colour == IM_COL32(200, 30, 30, 255));
    // The translucent rectangle and the circle stay triangles, together and in place.
    CHECK(pieces[1].kind == DrawPiece::Kind::Triangles);
    CHECK(pieces[1].firstIndex == 6);
    CHECK(pieces[2].kind == DrawPiece::Kind::OpaqueRect);
    CHECK(pieces[2].colour == IM_COL32(10, 20, 30, 255));
    const ImDrawCmd& command = ImGui::GetDrawData()->CmdLists[0]->CmdBuffer[0];
    CHECK(pieces[1].firstIndex + pieces[1].indexCount == command.ElemCount - 6);
}

TEST_CASE("text and textured quads are never taken for opaque rectangles") {
    DrawListFixture fixture;
    fixture.begin();
    fixture.drawList()->AddText(ImVec2(10, 10), IM_COL32(0, 0, 0, 255), "Xin chao");
    fixture.render();
    for (const DrawPiece& piece : DrawListFixture::piecesOfFirstCommand())
        CHECK(piece.kind == DrawPiece::Kind::Triangles);
}

TEST_CASE("the software renderer paints the same pixels with opaque rectangles filled unblended") {
    const auto paint = [](kiosk::platform::OpaqueRects opaqueRects) {
        DrawListFixture fixture;
        const std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> surface(
            SDL_CreateRGBSurfaceWithFormat(0, 320, 200, 32, SDL_PIXELFORMAT_ARGB8888), SDL_FreeSurface);
        REQUIRE(surface);
        const kiosk::platform::SdlRenderer renderer(SDL_CreateSoftwareRenderer(surface.get()));
        REQUIRE(renderer);
        // The font atlas as a texture, as Dear ImGui's SDL_Renderer backend makes it.
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        const kiosk::platform::SdlTexture atlas(SDL_CreateTexture(renderer.get(), SDL_PIXELFORMAT_RGBA32,
                                                                  SDL_TEXTUREACCESS_STATIC, width, height));
        REQUIRE(atlas);
        SDL_UpdateTexture(atlas.get(), nullptr, pixels, width * 4);
        SDL_SetTextureBlendMode(atlas.get(), SDL_BLENDMODE_BLEND);
        fixture.begin(atlas.get());

        ImDrawList* drawList = fixture.drawList();
        drawList->AddRectFilled(ImVec2(0, 0), ImVec2(320, 200), IM_COL32(250, 245, 235, 255));
        drawList->AddRectFilled(ImVec2(10.4f, 10.6f), ImVec2(150.5f, 80.2f), IM_COL32(200, 30, 30, 255));
        drawList->AddRectFilled(ImVec2(40, 40), ImVec2(200, 120), IM_COL32(0, 0, 90, 120));
        drawList->AddCircleFilled(ImVec2(240, 140), 40, IM_COL32(0, 128, 0, 255));
        drawList->AddRectFilled(ImVec2(230, 130), ImVec2(300, 190), IM_COL32(10, 20, 30, 255));
        drawList->AddText(ImVec2(12, 150), IM_COL32(255, 255, 255, 255), "Thong tin cho ba con");
        fixture.render();
        SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
        SDL_RenderClear(renderer.get());
        kiosk::platform::renderDrawData(renderer.get(), *ImGui::GetDrawData(), opaqueRects);
        SDL_RenderPresent(renderer.get());
        const auto* begin = static_cast<const Uint32*>(surface->pixels);
        return std::vector<Uint32>(begin, begin + 320 * 200);
    };
    const std::vector<Uint32> blended = paint(kiosk::platform::OpaqueRects::AsGeometry);
    const std::vector<Uint32> filled = paint(kiosk::platform::OpaqueRects::FilledUnblended);
    REQUIRE(blended.size() == filled.size());
    int differing = 0;
    for (std::size_t pixel = 0; pixel < blended.size(); ++pixel)
        if (blended[pixel] != filled[pixel]) {
            // Blending at full opacity rounds, so a channel may be one step off.
            for (const int shift : {0, 8, 16}) {
                const int difference = static_cast<int>((blended[pixel] >> shift) & 0xFF) -
                                       static_cast<int>((filled[pixel] >> shift) & 0xFF);
                CHECK(std::abs(difference) <= 1);
            }
            ++differing;
        }
    MESSAGE(differing << " of " << blended.size() << " pixels differ by one step");
    // The picture was drawn: the red rectangle and the green circle are there.
    const auto at = [&](int x, int y) {
        return filled[static_cast<std::size_t>(y) * 320 + static_cast<std::size_t>(x)];
    };
    CHECK((at(20, 20) & 0xFFFFFF) == 0xC81E1E);
    CHECK(((at(240, 110) >> 8) & 0xFF) == 128);
}
