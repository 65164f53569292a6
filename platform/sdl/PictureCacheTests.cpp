// Tests of the picture pipeline's parts that need no renderer: the decoder's threads and
// priorities, the texture cache's budget and LRU order.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "PictureDecoder.hpp"
#include "TextureCache.hpp"
#include "signing/Sha256.hpp"

#include <doctest/doctest.h>

namespace kiosk::platform {

namespace {

std::vector<std::uint8_t> pngOfSize(int width, int height) {
    image::RgbaImage picture;
    picture.width = width;
    picture.height = height;
    picture.pixels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 200);
    return image::encodePng(picture);
}

PictureKey key(std::int64_t id) {
    return PictureKey{id, pack::ImageSize::Full};
}

} // namespace

TEST_CASE("pictures larger than the GPU's largest texture are scaled down to fit") {
    DecodeRequest request{key(1), pngOfSize(1600, 1000), 512, 0, std::nullopt};
    const DecodedPicture decoded = decodePicture(request);
    REQUIRE(decoded.image);
    CHECK(decoded.image->width == 512);
    CHECK(decoded.image->height == 320);
    request.maximumSide = 0; // no limit
    CHECK(decodePicture(request).image->width == 1600);
}

TEST_CASE("a broken picture comes back with an error, not an exception") {
    const DecodedPicture decoded = decodePicture(DecodeRequest{key(1), {1, 2, 3}, 0, 0, std::nullopt});
    CHECK_FALSE(decoded.image);
    CHECK_FALSE(decoded.error.empty());
}

TEST_CASE("a pack picture whose bytes do not match the pack's SHA-256 is not decoded") {
    DecodeRequest request{key(1), pngOfSize(64, 48), 0, 0, std::nullopt};
    request.recordedSha256 = std::string(64, '0');
    const DecodedPicture refused = decodePicture(request);
    CHECK_FALSE(refused.image);
    CHECK(refused.error.find("SHA-256") != std::string::npos);
    request.recordedSha256 = signing::sha256Hex(request.encoded);
    CHECK(decodePicture(request).image);
}

TEST_CASE("the decoder's threads decode everything submitted, and waitUntilIdle waits for it") {
    PictureDecoder decoder(2);
    for (std::int64_t id = 1; id <= 8; ++id)
        decoder.submit(DecodeRequest{key(id), pngOfSize(64, 48), 0, id, std::nullopt});
    decoder.waitUntilIdle();
    const std::vector<DecodedPicture> finished = decoder.takeFinished();
    CHECK(finished.size() == 8);
    CHECK(decoder.takeFinished().empty());
}

TEST_CASE("without threads the decoder decodes at once, on the caller's thread") {
    PictureDecoder decoder(0);
    decoder.submit(DecodeRequest{key(7), pngOfSize(8, 8), 0, 0, std::nullopt});
    const std::vector<DecodedPicture> finished = decoder.takeFinished();
    REQUIRE(finished.size() == 1);
    CHECK(finished[0].key == key(7));
}

TEST_CASE("the texture cache evicts the least recently drawn pictures beyond its budget") {
    // 100x100 RGBA is 40,000 bytes; the budget holds two.
    TextureCache cache(80'000);
    cache.insert(key(1), SdlTexture(), 100, 100, 1);
    cache.insert(key(2), SdlTexture(), 100, 100, 2);
    CHECK(cache.use(key(1), 3) != nullptr); // 1 is now more recent than 2
    cache.insert(key(3), SdlTexture(), 100, 100, 4);
    CHECK(cache.contains(key(1)));
    CHECK_FALSE(cache.contains(key(2)));
    CHECK(cache.contains(key(3)));
    CHECK(cache.statistics().bytesInUse == 80'000);
    CHECK(cache.statistics().evictions == 1);
}

TEST_CASE("the texture cache never evicts what the current frame draws, even over budget") {
    TextureCache cache(50'000);
    cache.insert(key(1), SdlTexture(), 100, 100, 5);
    cache.insert(key(2), SdlTexture(), 100, 100, 5);
    CHECK(cache.contains(key(1)));
    CHECK(cache.contains(key(2)));
    CHECK(cache.statistics().bytesInUse == 80'000);
    // The next frame needs only picture 2: picture 1 goes at the next upload.
    CHECK(cache.use(key(2), 6) != nullptr);
    cache.insert(key(3), SdlTexture(), 10, 10, 6);
    CHECK_FALSE(cache.contains(key(1)));
    CHECK(cache.contains(key(2)));
}

} // namespace kiosk::platform
