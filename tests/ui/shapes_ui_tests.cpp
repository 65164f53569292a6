// Rounded cards, pill buttons and badges (Shapes.hpp) are made of rectangles a software
// renderer fills or copies in one pass: no triangle fans across a whole shape.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

TEST_CASE("home's rounded shapes are rectangles and disc-mask corners, on whole pixels") {
    BuiltPack built;
    for (const ImVec2 screen : {ImVec2(1280, 800), ImVec2(800, 480)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        harness.frame();
        // Every corner of the cards and buttons and every badge is a quarter of a disc mask...
        const auto corners = harness.discMaskQuads();
        CHECK(corners.size() >= 4 * built.reader->index().categories.size());
        for (const auto& [minimum, maximum] : corners) {
            const float side = maximum.x - minimum.x;
            CHECK(side == maximum.y - minimum.y); // square, one mask pixel a screen pixel
            CHECK(side >= 1);
            CHECK(minimum.x == std::floor(minimum.x));
            CHECK(minimum.y == std::floor(minimum.y));
        }
        // ...so nothing on home is drawn as loose triangles.
        CHECK(harness.trianglesOutsideQuads().empty());
    }
}

TEST_CASE("without disc masks, rounded corners are small fans that stay inside their corner") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.pictures().provideDiscMasks = false;
    harness.frame();
    harness.frame();
    CHECK(harness.discMaskQuads().empty());
    const auto triangles = harness.trianglesOutsideQuads();
    REQUIRE_FALSE(triangles.empty());
    // A fan across a whole card or button would cost a software renderer its whole area per
    // triangle; corner fans reach at most the largest rounding (a pill's half height) plus
    // the anti-aliasing fringe.
    const float largestRounding = harness.metrics().touchTarget / 2 + 2;
    for (const auto& [minimum, maximum] : triangles) {
        CHECK(maximum.x - minimum.x <= largestRounding);
        CHECK(maximum.y - minimum.y <= largestRounding);
    }
}
