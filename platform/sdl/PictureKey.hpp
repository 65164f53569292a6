// Which pack picture, at which of the pack's sizes: the key of the decoder's jobs and of the
// texture cache.
#pragma once

#include "pack/PackModel.hpp"

#include <compare>
#include <cstdint>

namespace kiosk::platform {

struct PictureKey {
    std::int64_t imageId = 0;
    pack::ImageSize size = pack::ImageSize::Thumbnail;

    auto operator<=>(const PictureKey&) const = default;
};

} // namespace kiosk::platform
