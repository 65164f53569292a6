// Hand-made JPEG files for the decoding and install tests, written with libjpeg's own
// compressor: a progressive file with as many scans as asked for, which is how a "scan bomb"
// is made (each scan is one more pass over the whole picture for the decoder).
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk::install::test {

// The most scans progressiveNoiseJpeg can write: one DC scan, then one scan per AC coefficient
// of each of the three colour components.
inline constexpr int kMostCraftedJpegScans = 1 + 3 * 63;

// A colour (YCbCr, 4:4:4) progressive JPEG of random pixels in exactly `scans` scans, from 4
// to kMostCraftedJpegScans: one DC scan for all components, then the 63 AC coefficients of
// each component split into bands, one band per scan.
std::vector<std::uint8_t> progressiveNoiseJpeg(int width, int height, int scans, std::uint32_t seed);

} // namespace kiosk::install::test
