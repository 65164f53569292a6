// A page's source link as a QR code: drawn from ImGui rectangles, whole pixels per module,
// with its white quiet zone, and module for module the code of the link.
#include "UiHarness.hpp"
#include "qr/QrCode.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

const ImVec2 kTallScreen(1280, 3200);

std::vector<DrawnRect> rectsOfColour(const std::vector<DrawnRect>& rects, ImU32 colour) {
    std::vector<DrawnRect> matching;
    std::copy_if(rects.begin(), rects.end(), std::back_inserter(matching),
                 [colour](const DrawnRect& rect) { return rect.colour == colour; });
    return matching;
}

} // namespace

TEST_CASE("a page with a source link draws the link's QR code, crisp, with its quiet zone and caption") {
    BuiltPack built;
    UiHarness harness(*built.reader, kTallScreen);
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    CHECK(harness.shows("Quét mã"));
    CHECK(harness.shows("https://example.org/bhyt"));

    const std::vector<DrawnRect> rects = harness.drawnRects();
    const std::vector<DrawnRect> dark = rectsOfColour(rects, IM_COL32_BLACK);
    REQUIRE(dark.size() > 50);
    float module = FLT_MAX;
    for (const DrawnRect& rect : dark)
        module = std::min(module, rect.maximum.y - rect.minimum.y);
    CHECK(module >= 4);
    CHECK(module == static_cast<float>(static_cast<int>(module))); // whole pixels

    const qr::QrMatrix expected = qr::encodeQr("https://example.org/bhyt");
    const float side = module * static_cast<float>(expected.sizeWithQuietZone());
    const auto quietZone = std::find_if(rects.begin(), rects.end(), [&](const DrawnRect& rect) {
        return rect.colour == IM_COL32_WHITE && rect.maximum.x - rect.minimum.x == side &&
               rect.maximum.y - rect.minimum.y == side;
    });
    REQUIRE(quietZone != rects.end());
    CHECK(quietZone->minimum.x == static_cast<float>(static_cast<int>(quietZone->minimum.x)));
    CHECK(quietZone->minimum.y == static_cast<float>(static_cast<int>(quietZone->minimum.y)));

    // Read the drawing back, module by module: it is the code of the link.
    const float originX = quietZone->minimum.x + module * static_cast<float>(expected.quietZone);
    const float originY = quietZone->minimum.y + module * static_cast<float>(expected.quietZone);
    std::vector<std::uint8_t> drawn(expected.modules.size(), 0);
    for (const DrawnRect& rect : dark) {
        const int row = static_cast<int>((rect.minimum.y - originY) / module);
        const int first = static_cast<int>((rect.minimum.x - originX) / module);
        const int last = static_cast<int>((rect.maximum.x - originX) / module);
        REQUIRE(row >= 0);
        REQUIRE(row < expected.size);
        for (int column = first; column < last; ++column) {
            REQUIRE(column >= 0);
            REQUIRE(column < expected.size);
            drawn[static_cast<std::size_t>(row * expected.size + column)] = 1;
        }
    }
    CHECK(drawn == expected.modules);
}

TEST_CASE("a page without a source link has no QR code") {
    BuiltPack built;
    UiHarness harness(*built.reader, kTallScreen);
    harness.frame();
    harness.tap("Cuộc họp");
    harness.tap("Họp dân tháng 6");
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK_FALSE(harness.shows("Quét mã"));
    CHECK(rectsOfColour(harness.drawnRects(), IM_COL32_BLACK).empty());
}
