// Where the UI gets its pictures. The UI never decodes or uploads anything itself: the
// platform layer implements this with whatever textures its renderer has.
#pragma once

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
};

} // namespace kiosk::ui
