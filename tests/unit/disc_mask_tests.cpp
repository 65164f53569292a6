// The corner masks that round the kiosk's cards, buttons and circles (image/DiscMask.hpp).
#include "image/DiscMask.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace {

using kiosk::image::DiscMaskSide;
using kiosk::image::RgbaImage;

int alphaAt(const RgbaImage& mask, int column, int row) {
    return mask.pixels[(static_cast<std::size_t>(row) * static_cast<std::size_t>(mask.width) +
                        static_cast<std::size_t>(column)) *
                           4 +
                       3];
}

double coveredArea(const RgbaImage& mask) {
    double area = 0;
    for (int row = 0; row < mask.height; ++row)
        for (int column = 0; column < mask.width; ++column)
            area += alphaAt(mask, column, row) / 255.0;
    return area;
}

} // namespace

TEST_CASE("a disc mask is a white disc as wide as twice its radius, opaque inside and clear outside") {
    for (const int radius : {1, 6, 18, 44, 130}) {
        CAPTURE(radius);
        const RgbaImage mask = kiosk::image::discMask(radius, DiscMaskSide::Inside);
        REQUIRE(mask.width == 2 * radius);
        REQUIRE(mask.height == 2 * radius);
        // Every pixel is white: the colour comes from the vertex colour it is drawn with.
        for (std::size_t pixel = 0; pixel < mask.pixels.size(); pixel += 4)
            REQUIRE((mask.pixels[pixel] == 255 && mask.pixels[pixel + 1] == 255 &&
                     mask.pixels[pixel + 2] == 255));
        // Its coverage is the circle's area, to within the width of its edge.
        const double circle = 3.14159265358979 * radius * radius;
        CHECK(std::abs(coveredArea(mask) - circle) < 0.01 * circle + 1);
        // Beyond a disc of a pixel or two, the corners are clear and the centre solid.
        if (radius > 2) {
            CHECK(alphaAt(mask, 0, 0) == 0);
            CHECK(alphaAt(mask, mask.width - 1, mask.height - 1) == 0);
            CHECK(alphaAt(mask, radius, radius) == 255);
        }
    }
}

TEST_CASE("a disc mask's edge is anti-aliased: partial coverage where the circle crosses a pixel") {
    const int radius = 18;
    const RgbaImage mask = kiosk::image::discMask(radius, DiscMaskSide::Inside);
    int partial = 0;
    for (int row = 0; row < mask.height; ++row)
        for (int column = 0; column < mask.width; ++column) {
            const int alpha = alphaAt(mask, column, row);
            if (alpha > 0 && alpha < 255) {
                ++partial;
                // Only pixels the circle passes through are partial.
                const double distance = std::hypot(column + 0.5 - radius, row + 0.5 - radius);
                CHECK(std::abs(distance - radius) < 1.0);
            }
        }
    // The circumference is about 113 pixels long; each of them is partly covered.
    CHECK(partial > 80);
}

TEST_CASE("the outside mask is the inside mask's complement") {
    const RgbaImage inside = kiosk::image::discMask(12, DiscMaskSide::Inside);
    const RgbaImage outside = kiosk::image::discMask(12, DiscMaskSide::Outside);
    REQUIRE(inside.pixels.size() == outside.pixels.size());
    for (int row = 0; row < inside.height; ++row)
        for (int column = 0; column < inside.width; ++column)
            REQUIRE(alphaAt(inside, column, row) + alphaAt(outside, column, row) == 255);
}

TEST_CASE("a disc mask refuses radii it cannot or should not make") {
    CHECK_THROWS_AS(kiosk::image::discMask(0, DiscMaskSide::Inside), kiosk::image::ImageError);
    CHECK_THROWS_AS(kiosk::image::discMask(-3, DiscMaskSide::Outside), kiosk::image::ImageError);
    CHECK_THROWS_AS(kiosk::image::discMask(kiosk::image::kMaximumDiscMaskRadius + 1, DiscMaskSide::Inside),
                    kiosk::image::ImageError);
}
