// Where the UI gets its pictures. The UI never decodes or uploads anything itself: the
// platform layer implements this with whatever textures its renderer has.
#pragma once

#include "image/DiscMask.hpp"
#include "pack/PackModel.hpp"

#include <cstdint>
#include <imgui.h>
#include <string>

namespace kiosk::ui {

struct Picture {
    ImTextureID texture = nullptr; // null while not (yet) available: draw a placeholder
    float width = 0;
    float height = 0;
};

class PictureSource {
  public:
    virtual ~PictureSource() = default;
    virtual Picture packPicture(std::int64_t imageId, pack::ImageSize size) = 0;
    // A UI icon from assets/icons (white on transparent, tinted when drawn).
    virtual Picture icon(const std::string& name) = 0;
    // A picture the screen will probably show next (the next picture in the viewer, the next
    // in the attract loop): decoded ahead, after everything on screen.
    virtual void prefetch(std::int64_t imageId, pack::ImageSize size) = 0;
    // image::discMask(radius, side) as a texture: its quarters round the corners of shapes
    // and pictures (Shapes.hpp). Empty when there is none, and shapes are drawn from triangles.
    virtual Picture discMask(int radius, image::DiscMaskSide side) = 0;
};

} // namespace kiosk::ui
