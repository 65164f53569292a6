// Hand-made PNG files for install tests: big incompressible pictures that are quick to make
// and to decode (stored, not compressed), and a decompression bomb whose header promises far
// more pixels than its few hundred kilobytes seem to hold.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::install::test {

std::uint32_t crc32(std::span<const std::uint8_t> bytes);

// An 8-bit RGBA PNG of random pixels whose zlib stream uses stored blocks: `width * height * 4`
// bytes of picture give a file of about that size.
std::vector<std::uint8_t> storedNoisePng(int width, int height, std::uint32_t seed);

// An 8-bit greyscale PNG of `width` x `height` zero pixels, compressed with fixed-Huffman
// runs: 10000 x 10000 is 100 MB of pixels in about 600 KB.
std::vector<std::uint8_t> zeroBombPng(int width, int height);

// Rewrites the width and height in a PNG's IHDR chunk (and its CRC).
std::vector<std::uint8_t> withPngSize(std::vector<std::uint8_t> png, std::uint32_t width,
                                      std::uint32_t height);

} // namespace kiosk::install::test
