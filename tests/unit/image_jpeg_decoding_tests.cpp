// JPEG pictures are decoded with libjpeg-turbo (image/JpegDecoding): close to the pixels
// stb_image gave before (the two IDCTs round differently), and refusals for what is too large,
// damaged, or made to be slow: a progressive file of more than kMaximumJpegScans scans.
#include "JpegCrafting.hpp"
#include "image/ImageCodec.hpp"
#include "image/JpegDecoding.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <stb_image.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

const image::ImageLimits kPictureLimits{1920, 1920ull * 1920ull};

image::RgbaImage noisePicture(int width, int height, std::uint32_t seed) {
    image::RgbaImage picture;
    picture.width = width;
    picture.height = height;
    picture.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    std::mt19937 random(seed);
    for (std::size_t i = 0; i < picture.pixels.size(); ++i)
        picture.pixels[i] = i % 4 == 3 ? 255 : static_cast<std::uint8_t>(random());
    return picture;
}

std::vector<std::uint8_t> decodedByStb(const std::vector<std::uint8_t>& jpeg) {
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels =
        stbi_load_from_memory(jpeg.data(), static_cast<int>(jpeg.size()), &width, &height, &channels, 4);
    REQUIRE(pixels);
    std::vector<std::uint8_t> result(pixels, pixels + static_cast<std::size_t>(width) *
                                                          static_cast<std::size_t>(height) * 4);
    stbi_image_free(pixels);
    return result;
}

// The largest difference of one sample between two decodes of the same size.
int largestDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    REQUIRE(a.size() == b.size());
    int largest = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        largest = std::max(largest, std::abs(static_cast<int>(a[i]) - static_cast<int>(b[i])));
    return largest;
}

// The offset of the frame header (SOF0 baseline or SOF2 progressive) in a JPEG.
std::size_t frameHeaderOffset(const std::vector<std::uint8_t>& jpeg) {
    for (std::size_t i = 2; i + 9 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && (jpeg[i + 1] == 0xC0 || jpeg[i + 1] == 0xC2))
            return i;
    FAIL("no frame header");
    return 0;
}

// Rewrites the height and width in a JPEG's frame header.
std::vector<std::uint8_t> withJpegSize(std::vector<std::uint8_t> jpeg, int width, int height) {
    const std::size_t frame = frameHeaderOffset(jpeg);
    jpeg[frame + 5] = static_cast<std::uint8_t>(height >> 8);
    jpeg[frame + 6] = static_cast<std::uint8_t>(height & 0xFF);
    jpeg[frame + 7] = static_cast<std::uint8_t>(width >> 8);
    jpeg[frame + 8] = static_cast<std::uint8_t>(width & 0xFF);
    return jpeg;
}

bool decodes(const std::vector<std::uint8_t>& jpeg) {
    try {
        image::decodeImage(jpeg, kPictureLimits);
        return true;
    } catch (const image::ImageError&) {
        return false;
    }
}

bool checks(const std::vector<std::uint8_t>& jpeg) {
    try {
        image::checkImageDecodes(jpeg, kPictureLimits);
        return true;
    } catch (const image::ImageError&) {
        return false;
    }
}

} // namespace

TEST_CASE(
    "jpeg decoding: the builder's baseline files and progressive ones decode close to stb_image's pixels") {
    const std::vector<std::uint8_t> baseline = image::encodeJpeg(noisePicture(61, 37, 3), 85);
    const image::RgbaImage decoded = image::decodeImage(baseline, kPictureLimits);
    CHECK(decoded.width == 61);
    CHECK(decoded.height == 37);
    CHECK(largestDifference(decoded.pixels, decodedByStb(baseline)) <= 3);
    CHECK(image::probeImage(baseline, kPictureLimits).mime == "image/jpeg");

    const std::vector<std::uint8_t> progressive = progressiveNoiseJpeg(80, 48, 10, 4);
    const image::RgbaImage decodedProgressive = image::decodeImage(progressive, kPictureLimits);
    CHECK(decodedProgressive.width == 80);
    CHECK(largestDifference(decodedProgressive.pixels, decodedByStb(progressive)) <= 3);
    // Every pixel is opaque.
    for (std::size_t i = 3; i < decodedProgressive.pixels.size(); i += 4)
        REQUIRE(decodedProgressive.pixels[i] == 255);
}

TEST_CASE(
    "jpeg decoding: 100 scans decode, 101 are refused as too costly, by decoding and by the install check") {
    const std::vector<std::uint8_t> hundred = progressiveNoiseJpeg(64, 64, image::kMaximumJpegScans, 5);
    const std::vector<std::uint8_t> hundredAndOne =
        progressiveNoiseJpeg(64, 64, image::kMaximumJpegScans + 1, 5);
    CHECK(image::decodeImage(hundred, kPictureLimits).width == 64);
    CHECK_NOTHROW(image::checkImageDecodes(hundred, kPictureLimits));
    CHECK_THROWS_AS(image::decodeImage(hundredAndOne, kPictureLimits), image::ImageTooCostlyError);
    CHECK_THROWS_AS(image::checkImageDecodes(hundredAndOne, kPictureLimits), image::ImageTooCostlyError);
    CHECK_THROWS_WITH(
        image::decodeImage(progressiveNoiseJpeg(64, 64, kMostCraftedJpegScans, 5), kPictureLimits),
        doctest::Contains("more than 100 scans"));
    // The header alone is fine: the scans are counted while decoding.
    CHECK(image::probeImage(hundredAndOne, kPictureLimits).width == 64);
}

TEST_CASE("jpeg decoding: a picture larger than the limits is refused from its header") {
    const std::vector<std::uint8_t> jpeg = image::encodeJpeg(noisePicture(32, 32, 6), 85);
    const std::vector<std::uint8_t> huge = withJpegSize(jpeg, 60000, 60000);
    CHECK(image::readJpegHeader(huge).width == 60000);
    CHECK_THROWS_WITH_AS(image::decodeImage(huge, kPictureLimits), doctest::Contains("larger than the limit"),
                         image::ImageError);
    CHECK_THROWS_AS(image::checkImageDecodes(huge, kPictureLimits), image::ImageError);
    // Within the limits, but more rows than the file holds: refused, not filled in with grey.
    CHECK_THROWS_AS(image::decodeImage(withJpegSize(jpeg, 32, 1000), kPictureLimits), image::ImageError);
}

TEST_CASE("jpeg decoding: truncated or garbled files are refused or decode to whole pictures, never crash") {
    const std::vector<std::uint8_t> jpeg = progressiveNoiseJpeg(50, 40, 12, 7);
    for (std::size_t size = 0; size < jpeg.size(); size += 1 + jpeg.size() / 40) {
        CAPTURE(size);
        const std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(size));
        CHECK_THROWS_AS(image::decodeJpeg(cut, kPictureLimits), image::ImageError);
    }
    std::mt19937 random(13);
    for (int attempt = 0; attempt < 300; ++attempt) {
        std::vector<std::uint8_t> garbled = jpeg;
        garbled.at(2 + random() % (garbled.size() - 2)) ^= static_cast<std::uint8_t>(1 + random() % 255);
        try {
            const image::RgbaImage decoded = image::decodeJpeg(garbled, kPictureLimits);
            CHECK(decoded.pixels.size() == static_cast<std::size_t>(decoded.width) * decoded.height * 4);
        } catch (const image::ImageError&) {
        }
    }
}

TEST_CASE("jpeg decoding: checking that a picture decodes refuses exactly what decoding refuses") {
    std::vector<std::vector<std::uint8_t>> pictures = {
        image::encodeJpeg(noisePicture(50, 50, 8), 85),
        progressiveNoiseJpeg(40, 30, 20, 9),
        progressiveNoiseJpeg(40, 30, image::kMaximumJpegScans + 1, 9),
        withJpegSize(image::encodeJpeg(noisePicture(16, 16, 10), 85), 60000, 60000),
        withJpegSize(image::encodeJpeg(noisePicture(16, 16, 10), 85), 16, 500),
    };
    const std::vector<std::uint8_t> whole = pictures.front();
    for (const std::size_t size : {std::size_t{0}, std::size_t{20}, whole.size() / 2, whole.size() - 2})
        pictures.emplace_back(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(size));
    std::mt19937 random(14);
    for (int attempt = 0; attempt < 300; ++attempt) {
        std::vector<std::uint8_t> garbled = pictures[attempt % 2];
        garbled.at(2 + random() % (garbled.size() - 2)) ^= static_cast<std::uint8_t>(1 + random() % 255);
        pictures.push_back(std::move(garbled));
    }
    int accepted = 0;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        CAPTURE(i);
        const bool decoded = decodes(pictures[i]);
        CHECK(checks(pictures[i]) == decoded);
        accepted += decoded ? 1 : 0;
    }
    // Both answers occur: the comparison is not between two refusals of everything.
    CHECK(accepted >= 2);
    CHECK(accepted < static_cast<int>(pictures.size()));
}
