// PNG pictures are decoded with libspng (image/PngDecoding): the same pixels as stb_image, which
// decoded them before, for every colour type the format allows, and the same refusals of
// pictures too large or damaged, before any pixel memory is allocated.
#include "PngCrafting.hpp"
#include "image/ImageCodec.hpp"
#include "image/PngDecoding.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <spng.h>
#include <stb_image.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

struct EncoderFreer {
    void operator()(spng_ctx* context) const { spng_ctx_free(context); }
};
struct BufferFreer {
    void operator()(void* buffer) const { std::free(buffer); }
};

struct PngShape {
    std::uint8_t colourType;
    std::uint8_t bitDepth;
    std::uint8_t interlace;
    bool transparentPaletteEntries;
};

std::size_t samplesPerPixel(std::uint8_t colourType) {
    switch (colourType) {
    case SPNG_COLOR_TYPE_GRAYSCALE:
        return 1;
    case SPNG_COLOR_TYPE_TRUECOLOR:
        return 3;
    case SPNG_COLOR_TYPE_INDEXED:
        return 1;
    case SPNG_COLOR_TYPE_GRAYSCALE_ALPHA:
        return 2;
    default:
        return 4;
    }
}

// A `width` x `height` PNG of random samples in the given shape, encoded by libspng.
std::vector<std::uint8_t> randomPng(const PngShape& shape, std::uint32_t width, std::uint32_t height) {
    const std::unique_ptr<spng_ctx, EncoderFreer> encoder(spng_ctx_new(SPNG_CTX_ENCODER));
    REQUIRE(encoder);
    spng_ctx* png = encoder.get();
    REQUIRE(spng_set_option(png, SPNG_ENCODE_TO_BUFFER, 1) == 0);
    spng_ihdr header{width, height, shape.bitDepth, shape.colourType, 0, 0, shape.interlace};
    REQUIRE(spng_set_ihdr(png, &header) == 0);
    std::mt19937 random(width * 31 + shape.colourType);
    if (shape.colourType == SPNG_COLOR_TYPE_INDEXED) {
        spng_plte palette{};
        palette.n_entries = 256;
        for (spng_plte_entry& entry : palette.entries)
            entry = spng_plte_entry{static_cast<std::uint8_t>(random()), static_cast<std::uint8_t>(random()),
                                    static_cast<std::uint8_t>(random()), 255};
        REQUIRE(spng_set_plte(png, &palette) == 0);
        if (shape.transparentPaletteEntries) {
            spng_trns transparency{};
            transparency.n_type3_entries = 16;
            for (std::uint32_t index = 0; index < 16; ++index)
                transparency.type3_alpha[index] = static_cast<std::uint8_t>(index * 16);
            REQUIRE(spng_set_trns(png, &transparency) == 0);
        }
    }
    const std::size_t rowBytes = (width * samplesPerPixel(shape.colourType) * shape.bitDepth + 7) / 8;
    std::vector<std::uint8_t> pixels(rowBytes * height);
    for (std::uint8_t& byte : pixels)
        byte = static_cast<std::uint8_t>(random());
    REQUIRE(spng_encode_image(png, pixels.data(), pixels.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE) == 0);
    std::size_t size = 0;
    int error = 0;
    const std::unique_ptr<void, BufferFreer> buffer(spng_get_png_buffer(png, &size, &error));
    REQUIRE(error == 0);
    const auto* bytes = static_cast<const std::uint8_t*>(buffer.get());
    return std::vector<std::uint8_t>(bytes, bytes + size);
}

std::vector<std::uint8_t> decodedByStb(const std::vector<std::uint8_t>& png) {
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels =
        stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &width, &height, &channels, 4);
    REQUIRE(pixels);
    std::vector<std::uint8_t> result(pixels, pixels + static_cast<std::size_t>(width) *
                                                          static_cast<std::size_t>(height) * 4);
    stbi_image_free(pixels);
    return result;
}

const image::ImageLimits kPictureLimits{1920, 1920ull * 1920ull};

} // namespace

TEST_CASE("png decoding: the same pixels as stb_image for every colour type and bit depth") {
    const std::vector<PngShape> shapes = {
        {SPNG_COLOR_TYPE_GRAYSCALE, 8, 0, false},       {SPNG_COLOR_TYPE_GRAYSCALE, 1, 0, false},
        {SPNG_COLOR_TYPE_GRAYSCALE, 16, 0, false},      {SPNG_COLOR_TYPE_TRUECOLOR, 8, 0, false},
        {SPNG_COLOR_TYPE_TRUECOLOR, 16, 0, false},      {SPNG_COLOR_TYPE_INDEXED, 8, 0, false},
        {SPNG_COLOR_TYPE_INDEXED, 8, 0, true},          {SPNG_COLOR_TYPE_GRAYSCALE_ALPHA, 8, 0, false},
        {SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, 8, 0, false}, {SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, 16, 0, false},
        {SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, 8, 1, false}, {SPNG_COLOR_TYPE_TRUECOLOR, 8, 1, false},
    };
    for (const PngShape& shape : shapes) {
        CAPTURE(static_cast<int>(shape.colourType));
        CAPTURE(static_cast<int>(shape.bitDepth));
        CAPTURE(static_cast<int>(shape.interlace));
        const std::vector<std::uint8_t> png = randomPng(shape, 37, 23);
        const image::RgbaImage decoded = image::decodeImage(png, kPictureLimits);
        CHECK(decoded.width == 37);
        CHECK(decoded.height == 23);
        CHECK(decoded.pixels == decodedByStb(png));
    }
}

TEST_CASE("png decoding: the kiosk's own PNGs and the install tests' stored ones round-trip") {
    image::RgbaImage picture;
    picture.width = 64;
    picture.height = 40;
    picture.pixels.resize(64 * 40 * 4);
    std::mt19937 random(5);
    for (std::uint8_t& byte : picture.pixels)
        byte = static_cast<std::uint8_t>(random());
    CHECK(image::decodeImage(image::encodePng(picture), kPictureLimits).pixels == picture.pixels);
    const std::vector<std::uint8_t> stored = storedNoisePng(300, 200, 9);
    CHECK(image::decodeImage(stored, kPictureLimits).pixels == decodedByStb(stored));
}

TEST_CASE("png decoding: a decompression bomb is refused from its header, without decoding it") {
    // 10000 x 10000 pixels in about 600 KB.
    const std::vector<std::uint8_t> bomb = zeroBombPng(10000, 10000);
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(image::decodePng(bomb, kPictureLimits), image::ImageError);
    CHECK_THROWS_AS(image::decodeImage(bomb, kPictureLimits), image::ImageError);
    // Limits wide in pixels a side but not in pixels: still refused before allocating.
    CHECK_THROWS_AS(image::decodePng(bomb, image::ImageLimits{20000, 1920ull * 1920ull}), image::ImageError);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
}

TEST_CASE("png decoding: a picture claiming 60000 x 60000 is refused") {
    const std::vector<std::uint8_t> png = withPngSize(storedNoisePng(16, 16, 3), 60000, 60000);
    CHECK_THROWS_AS(image::decodePng(png, kPictureLimits), image::ImageError);
    CHECK_THROWS_AS(image::decodeImage(png, kPictureLimits), image::ImageError);
}

TEST_CASE("png decoding: a stream that holds more or fewer pixels than its header says is never read past "
          "its size") {
    // The header says 100 x 100; the zlib stream holds 1000 x 1000 zero pixels.
    const std::vector<std::uint8_t> longer = withPngSize(zeroBombPng(1000, 1000), 100, 100);
    try {
        const image::RgbaImage decoded = image::decodePng(longer, kPictureLimits);
        CHECK(decoded.width == 100);
        CHECK(decoded.pixels.size() == 100u * 100u * 4u);
    } catch (const image::ImageError&) {
        // Refusing the extra data is just as good.
    }
    // The header says 1000 x 1000; the stream ends after 100 x 100.
    const std::vector<std::uint8_t> shorter = withPngSize(zeroBombPng(100, 100), 1000, 1000);
    CHECK_THROWS_AS(image::decodePng(shorter, kPictureLimits), image::ImageError);
}

TEST_CASE("png decoding: truncated or garbled files are refused, never crash") {
    const std::vector<std::uint8_t> png = randomPng({SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, 8, 0, false}, 50, 50);
    for (const std::size_t size : {std::size_t{0}, std::size_t{8}, std::size_t{20}, std::size_t{33},
                                   png.size() / 2, png.size() - 40}) {
        CAPTURE(size);
        const std::vector<std::uint8_t> cut(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(size));
        CHECK_THROWS_AS(image::decodePng(cut, kPictureLimits), image::ImageError);
    }
    std::mt19937 random(11);
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::vector<std::uint8_t> garbled = png;
        garbled.at(8 + random() % (garbled.size() - 8)) ^= static_cast<std::uint8_t>(1 + random() % 255);
        try {
            const image::RgbaImage decoded = image::decodePng(garbled, kPictureLimits);
            CHECK(decoded.pixels.size() == static_cast<std::size_t>(decoded.width) * decoded.height * 4);
        } catch (const image::ImageError&) {
        }
    }
}

TEST_CASE("png decoding: checking that a picture decodes refuses exactly what decoding refuses") {
    // The install checks keep no pixels (checkImageDecodes); they must not let through a
    // picture the kiosk's picture worker would then fail on, nor refuse one it can show.
    const auto accepts = [](void (*decode)(std::span<const std::uint8_t>, const image::ImageLimits&),
                            const std::vector<std::uint8_t>& bytes) {
        try {
            decode(bytes, kPictureLimits);
            return true;
        } catch (const image::ImageError&) {
            return false;
        }
    };
    const auto decodes = [&](const std::vector<std::uint8_t>& bytes) {
        return accepts([](std::span<const std::uint8_t> picture,
                          const image::ImageLimits& limits) { image::decodeImage(picture, limits); },
                       bytes);
    };
    const auto checks = [&](const std::vector<std::uint8_t>& bytes) {
        return accepts(image::checkImageDecodes, bytes);
    };
    std::vector<std::vector<std::uint8_t>> pictures = {
        randomPng({SPNG_COLOR_TYPE_TRUECOLOR_ALPHA, 8, 0, false}, 50, 50),
        randomPng({SPNG_COLOR_TYPE_TRUECOLOR, 8, 1, false}, 37, 23), // interlaced
        randomPng({SPNG_COLOR_TYPE_INDEXED, 8, 0, true}, 40, 30),
        storedNoisePng(300, 200, 9),
        zeroBombPng(10000, 10000),
        withPngSize(storedNoisePng(16, 16, 3), 60000, 60000),
        withPngSize(zeroBombPng(100, 100), 1000, 1000),
        withPngSize(zeroBombPng(1000, 1000), 100, 100),
    };
    const std::vector<std::uint8_t> whole = pictures.front();
    for (const std::size_t size : {std::size_t{0}, std::size_t{20}, whole.size() / 2, whole.size() - 40})
        pictures.emplace_back(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(size));
    std::mt19937 random(12);
    for (int attempt = 0; attempt < 300; ++attempt) {
        std::vector<std::uint8_t> garbled = pictures[attempt % 2];
        garbled.at(8 + random() % (garbled.size() - 8)) ^= static_cast<std::uint8_t>(1 + random() % 255);
        pictures.push_back(std::move(garbled));
    }
    int accepted = 0;
    for (std::size_t index = 0; index < pictures.size(); ++index) {
        CAPTURE(index);
        CHECK(checks(pictures[index]) == decodes(pictures[index]));
        accepted += decodes(pictures[index]) ? 1 : 0;
    }
    // Both outcomes occur, so the comparison means something: the bomb, the oversized and the
    // short picture and the four cut ones at least are refused (without CRCs, most flipped
    // bytes only change pixels).
    CHECK(accepted >= 4);
    CHECK(static_cast<int>(pictures.size()) - accepted >= 7);
}
