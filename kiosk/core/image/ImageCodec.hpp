// Decoding, resizing and encoding pictures: PNG decoding with libspng (image/PngDecoding),
// JPEG decoding with libjpeg-turbo (image/JpegDecoding), resizing and encoding (the builder's
// and the screenshots', on the project's own pixels) with stb. Decoding checks the declared size before
// allocating, so a hostile file cannot make the kiosk allocate gigabytes.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::image {

class ImageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file made to cost far more to decode than a picture of its size: a JPEG with more scans
// than any encoder writes, or one that asks for more memory than its pixels need. The install
// reports it as a decompression bomb, not as damage.
class ImageTooCostlyError : public ImageError {
  public:
    using ImageError::ImageError;
};

struct ImageLimits {
    int maximumSide = 4096;
    std::uint64_t maximumPixels = 4096ull * 4096ull;
};

struct ImageHeader {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::string mime; // "image/png" or "image/jpeg"
};

// Always 8-bit RGBA, rows top to bottom, no padding.
struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// Reads only the header. Throws ImageError for anything but a PNG or JPEG within `limits`.
ImageHeader probeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits);
RgbaImage decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits);
// Throws ImageError where decodeImage would, without keeping the pixels (decoded row by row
// into one row's memory).
void checkImageDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits);
// Scales down (never up) so that the longer side is at most `maximumSide`.
RgbaImage fitWithin(const RgbaImage& image, int maximumSide);
std::vector<std::uint8_t> encodePng(const RgbaImage& image);
std::vector<std::uint8_t> encodeJpeg(const RgbaImage& image, int quality);

} // namespace kiosk::image
