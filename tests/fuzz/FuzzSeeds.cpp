#include "FuzzSeeds.hpp"

#include "JpegCrafting.hpp"
#include "PngCrafting.hpp"
#include "audio_test_support.hpp"
#include "image/ImageCodec.hpp"
#include "ogg_crafting.hpp"

namespace kiosk::install::fuzz {

namespace {

// A gradient with a stripe: a few colours and edges, so every decoder stage has work to do.
image::RgbaImage gradient(int width, int height) {
    image::RgbaImage picture;
    picture.width = width;
    picture.height = height;
    picture.pixels.resize(static_cast<std::size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* pixel = &picture.pixels[(static_cast<std::size_t>(y) * width + x) * 4];
            pixel[0] = static_cast<std::uint8_t>(x * 255 / std::max(1, width - 1));
            pixel[1] = static_cast<std::uint8_t>(y * 255 / std::max(1, height - 1));
            pixel[2] = (x + y) % 12 < 6 ? 200 : 40;
            pixel[3] = static_cast<std::uint8_t>(255 - x % 64);
        }
    return picture;
}

} // namespace

std::vector<SeedInput> pictureSeeds() {
    const image::RgbaImage small = gradient(40, 30);
    return {
        {"gradient.png", image::encodePng(small)},
        {"stored-noise.png", test::storedNoisePng(24, 16, 7)},
        {"claims-60000x60000.png", test::withPngSize(image::encodePng(small), 60000, 60000)},
        {"baseline.jpg", image::encodeJpeg(small, 85)},
        {"progressive-10-scans.jpg", test::progressiveNoiseJpeg(32, 24, 10, 3)},
        {"progressive-120-scans.jpg", test::progressiveNoiseJpeg(16, 16, 120, 4)},
    };
}

std::vector<SeedInput> recordingSeeds() {
    const std::vector<std::uint8_t> mono =
        audio::test::encodeOggVorbis(audio::test::makeTone(1, 8000, 400, 300.0), -1);
    return {
        {"mono-8khz.ogg", mono},
        {"stereo-22khz.ogg", audio::test::encodeOggVorbis(audio::test::makeTone(2, 22050, 250), 0)},
        {"vendor-length-overflow.ogg", audio::test::withVendorLength(mono, 0xFFFFFFFFu)},
        {"codebook-bomb.ogg", audio::test::withCodebookBomb(mono, 4)},
    };
}

} // namespace kiosk::install::fuzz
