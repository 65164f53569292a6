// Decoding JPEG pictures with libjpeg-turbo, for bytes that may be hostile: a pack's pictures,
// and the builder's sources. stb_image decoded them before; its open security reports
// (CVE-2023-45661 and others) and its time on a progressive "scan bomb" (27 s for one cover)
// are why it no longer sees untrusted bytes. libjpeg-turbo is continuously fuzzed upstream
// (OSS-Fuzz) and has NEON code for the boards.
//
// Three limits make a hostile file cheap to refuse:
// - the declared size against ImageLimits, before anything is allocated for the pixels;
// - at most kMaximumJpegScans scans: a progressive file may repeat tiny refinement scans
//   without end, and each one costs a pass over the whole picture;
// - libjpeg's own memory (the whole-picture coefficient buffer of a progressive file) within
//   what a picture of the limits' size needs.
// A warning (corrupt data that libjpeg would paper over) is an error too: the builder writes
// clean baseline files, so a warning in a pack means damage.
#pragma once

#include "image/ImageCodec.hpp"

#include <cstdint>
#include <span>

namespace kiosk::image {

// Cameras and encoders write at most a few dozen scans (libjpeg's own progressive script has
// 10, mozjpeg's up to about 20); libjpeg-turbo's TurboJPEG API stops at 500 when asked to.
// A scan bomb of 100 scans at the largest allowed picture is refused in a fraction of a second
// (tests/unit/image_jpeg_decoding_tests.cpp).
inline constexpr int kMaximumJpegScans = 100;

// The header only: size and components. Throws ImageError for a file libjpeg cannot read.
ImageHeader readJpegHeader(std::span<const std::uint8_t> bytes);

// Decodes to 8-bit RGBA (alpha 255). Grayscale and YCbCr pictures are converted; CMYK ones are
// refused ("save it as RGB"). Throws ImageError.
RgbaImage decodeJpeg(std::span<const std::uint8_t> bytes, const ImageLimits& limits);

// Decodes every row as decodeJpeg does into one row's buffer, keeping no pixels: for the
// install checks. Throws ImageError where decodeJpeg would.
void checkJpegDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits);

} // namespace kiosk::image
