#include "DiscMask.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::image {

namespace {

// Coverage by supersampling, but only where the edge passes: a pixel whose centre is more than
// a pixel's diagonal from the circle is wholly in or out.
float insideShare(float x, float y, float radius) {
    const float distance = std::hypot(x, y);
    if (distance <= radius - 0.75f)
        return 1;
    if (distance >= radius + 0.75f)
        return 0;
    constexpr int kSamples = 8;
    int inside = 0;
    for (int row = 0; row < kSamples; ++row)
        for (int column = 0; column < kSamples; ++column) {
            const float sampleX = x - 0.5f + (static_cast<float>(column) + 0.5f) / kSamples;
            const float sampleY = y - 0.5f + (static_cast<float>(row) + 0.5f) / kSamples;
            if (sampleX * sampleX + sampleY * sampleY <= radius * radius)
                ++inside;
        }
    return static_cast<float>(inside) / (kSamples * kSamples);
}

} // namespace

RgbaImage discMask(int radius, DiscMaskSide side) {
    if (radius < 1 || radius > kMaximumDiscMaskRadius)
        throw ImageError("a disc mask needs a radius of 1 to " + std::to_string(kMaximumDiscMaskRadius) +
                         " pixels, not " + std::to_string(radius));
    RgbaImage mask;
    mask.width = mask.height = 2 * radius;
    mask.pixels.resize(static_cast<std::size_t>(mask.width) * static_cast<std::size_t>(mask.height) * 4);
    const auto size = static_cast<float>(radius);
    for (int row = 0; row < mask.height; ++row)
        for (int column = 0; column < mask.width; ++column) {
            // Pixel centres, measured from the centre of the disc.
            const float share = insideShare(static_cast<float>(column) + 0.5f - size,
                                            static_cast<float>(row) + 0.5f - size, size);
            const float alpha = side == DiscMaskSide::Inside ? share : 1 - share;
            std::uint8_t* pixel =
                &mask.pixels[(static_cast<std::size_t>(row) * static_cast<std::size_t>(mask.width) +
                              static_cast<std::size_t>(column)) *
                             4];
            pixel[0] = pixel[1] = pixel[2] = 255;
            pixel[3] = static_cast<std::uint8_t>(std::lround(alpha * 255));
        }
    return mask;
}

} // namespace kiosk::image
