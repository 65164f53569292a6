// Turns a source picture into what a pack stores: a picture scaled down to the kiosk's screen
// and a thumbnail for tiles, both re-encoded. Re-encoding every picture, even a small one,
// also drops whatever else the file carried (camera EXIF data with GPS positions, comments).
#pragma once

#include "image/ImageCodec.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kiosk::builder {

// Source pictures may be straight from a phone camera; this bounds the memory a decode takes.
inline constexpr image::ImageLimits kSourceImageLimits{8192, 8192ull * 6144ull};
inline constexpr int kJpegQuality = 85;

struct StoredPicture {
    std::string mime;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bytes;
    std::string sha256; // lowercase hex of `bytes`
};

struct ProcessedImage {
    StoredPicture full;      // longest side at most pack::kMaximumImageSide
    StoredPicture thumbnail; // longest side at most pack::kThumbnailSide
};

// PNG stays PNG (it may be a drawing with sharp edges or transparency), JPEG stays JPEG.
// Throws image::ImageError for anything but a decodable PNG or JPEG within the limits.
ProcessedImage processImage(std::span<const std::uint8_t> sourceBytes);

std::string sha256Hex(std::span<const std::uint8_t> bytes);

} // namespace kiosk::builder
