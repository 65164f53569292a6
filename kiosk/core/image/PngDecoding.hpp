// Decoding PNG pictures with libspng. stb_image inflates with its own decoder, builds the whole
// compressed stream and the whole filtered image in buffers it grows by copying, and copies the
// result once more; libspng inflates with zlib row by row straight into the caller's buffer.
// That matters twice: in the install checks, which decode every picture of a pack, and in the
// kiosk's picture worker on the boards. JPEG goes to libjpeg-turbo (image/JpegDecoding).
#pragma once

#include "image/ImageCodec.hpp"

#include <cstdint>
#include <span>

namespace kiosk::image {

// The header only: size and channels. Throws ImageError for a file libspng cannot read.
ImageHeader readPngHeader(std::span<const std::uint8_t> bytes);

// Decodes a PNG to 8-bit RGBA (transparency from tRNS applied, no gamma correction: as stb).
// The header's size is checked against `limits` before anything is allocated for the pixels,
// and libspng is given the same limits and bounds on chunk sizes, so neither a huge header nor
// a stream that inflates to more than the header promises makes it allocate more than
// `limits` allow. Throws ImageError.
RgbaImage decodePng(std::span<const std::uint8_t> bytes, const ImageLimits& limits);

// Decodes every row exactly as decodePng does, into one row's buffer that each row overwrites:
// for the install checks, which must know that every picture decodes but keep none of them,
// and so need neither the memory of a whole picture (15 MB at 1920x1920) nor the time to fill
// it. Throws ImageError where decodePng would.
void checkPngDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits);

} // namespace kiosk::image
