// The screens tell the picture source what comes next, so it is decoded before it is shown.
#include "UiHarness.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui::test;

namespace {

bool prefetched(const RecordingPictureSource& pictures, std::int64_t imageId) {
    for (const auto& [id, size] : pictures.prefetched)
        if (id == imageId && size == pack::ImageSize::Full)
            return true;
    return false;
}

} // namespace

TEST_CASE("the picture viewer asks ahead for the pictures a swipe would show") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("Chính sách");
    harness.tap("Bảo hiểm y tế");
    for (int swipe = 0; swipe < 3; ++swipe) // down to the gallery
        harness.drag(ImVec2(640, 700), ImVec2(640, 200));
    for (int frame = 0; frame < 60; ++frame)
        harness.frame();
    const pack::PageContent page = built.reader->loadPage("health", "vie");
    std::vector<std::int64_t> gallery;
    for (const pack::GalleryPicture& picture : page.gallery)
        gallery.push_back(picture.imageId);
    REQUIRE(gallery.size() == 2);
    // The page draws thumbnails: nothing at full size is asked for ahead yet.
    CHECK(harness.pictures().prefetched.empty());

    harness.tap("Thẻ bảo hiểm"); // the first gallery picture opens in the viewer
    CHECK(prefetched(harness.pictures(), gallery[1]));
    CHECK_FALSE(prefetched(harness.pictures(), gallery[0])); // on screen: asked for, not ahead

    harness.pictures().prefetched.clear();
    harness.drag(ImVec2(1000, 400), ImVec2(200, 400)); // swipe to the second
    for (int frame = 0; frame < 30; ++frame)
        harness.frame();
    CHECK(prefetched(harness.pictures(), gallery[0])); // a swipe back would show the first
}

TEST_CASE("the attract loop asks ahead for the next featured picture") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    CHECK(harness.pictures().prefetched.empty());
    harness.waitUntilIdle();
    REQUIRE(harness.ui().screen() == ui::ScreenKind::Attract);
    const std::vector<std::int64_t> featured = built.reader->index().featuredImageIds();
    REQUIRE_FALSE(featured.empty());
    CHECK(prefetched(harness.pictures(), featured[1 % featured.size()]));
}

TEST_CASE("the kiosk knows before the first frame which icons home shows, so they load while it starts") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.frame();
    const std::vector<std::string> asked = harness.pictures().iconsAsked();
    REQUIRE(asked.size() >= 4); // the switches and the categories
    const std::vector<std::string> listed = ui::homeScreenIcons(built.reader->index());
    for (const std::string& icon : asked) {
        CAPTURE(icon);
        CHECK(std::find(listed.begin(), listed.end(), icon) != listed.end());
    }
}
