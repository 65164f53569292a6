#include "PngCrafting.hpp"

#include <array>
#include <random>
#include <string_view>

namespace kiosk::install::test {

namespace {

const std::array<std::uint32_t, 256>& crcTable() {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> entries{};
        for (std::uint32_t index = 0; index < 256; ++index) {
            std::uint32_t value = index;
            for (int bit = 0; bit < 8; ++bit)
                value = (value & 1) ? 0xEDB88320u ^ (value >> 1) : value >> 1;
            entries[index] = value;
        }
        return entries;
    }();
    return table;
}

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void appendChunk(std::vector<std::uint8_t>& png, std::string_view type, std::span<const std::uint8_t> data) {
    appendBigEndian(png, static_cast<std::uint32_t>(data.size()));
    std::vector<std::uint8_t> typed(type.begin(), type.end());
    typed.insert(typed.end(), data.begin(), data.end());
    png.insert(png.end(), typed.begin(), typed.end());
    appendBigEndian(png, crc32(typed));
}

std::vector<std::uint8_t> header(std::uint32_t width, std::uint32_t height, std::uint8_t colourType) {
    std::vector<std::uint8_t> ihdr;
    appendBigEndian(ihdr, width);
    appendBigEndian(ihdr, height);
    ihdr.insert(ihdr.end(),
                {8, colourType, 0, 0, 0}); // 8 bits, colour type, deflate, no filter, no interlace
    return ihdr;
}

std::vector<std::uint8_t> pngFrom(std::span<const std::uint8_t> ihdr,
                                  std::span<const std::uint8_t> zlibStream) {
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    appendChunk(png, "IHDR", ihdr);
    appendChunk(png, "IDAT", zlibStream);
    appendChunk(png, "IEND", {});
    return png;
}

// Writes deflate bits least significant first, as RFC 1951 orders them.
class BitWriter {
  public:
    void write(std::uint32_t bits, int count) {
        for (int index = 0; index < count; ++index) {
            current_ |= static_cast<std::uint8_t>(((bits >> index) & 1) << used_);
            if (++used_ == 8)
                flush();
        }
    }
    // Huffman codes are sent most significant bit first.
    void writeCode(std::uint32_t code, int length) {
        for (int index = length - 1; index >= 0; --index)
            write((code >> index) & 1, 1);
    }
    std::vector<std::uint8_t> finish() {
        if (used_)
            flush();
        return std::move(bytes_);
    }

  private:
    void flush() {
        bytes_.push_back(current_);
        current_ = 0;
        used_ = 0;
    }
    std::vector<std::uint8_t> bytes_;
    std::uint8_t current_ = 0;
    int used_ = 0;
};

} // namespace

std::uint32_t crc32(std::span<const std::uint8_t> bytes) {
    std::uint32_t value = 0xFFFFFFFFu;
    for (const std::uint8_t byte : bytes)
        value = crcTable()[(value ^ byte) & 0xFF] ^ (value >> 8);
    return value ^ 0xFFFFFFFFu;
}

std::vector<std::uint8_t> storedNoisePng(int width, int height, std::uint32_t seed) {
    std::mt19937 random(seed);
    const std::size_t rowBytes = static_cast<std::size_t>(width) * 4 + 1;
    std::vector<std::uint8_t> raw(rowBytes * static_cast<std::size_t>(height));
    for (std::size_t index = 0; index < raw.size(); ++index)
        raw[index] = index % rowBytes == 0 ? 0 : static_cast<std::uint8_t>(random());
    std::vector<std::uint8_t> zlib = {0x78, 0x01};
    std::uint32_t a = 1, b = 0;
    for (const std::uint8_t byte : raw) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t start = 0; start < raw.size(); start += 65535) {
        const std::size_t length = std::min<std::size_t>(65535, raw.size() - start);
        zlib.push_back(start + length == raw.size() ? 1 : 0); // BFINAL, BTYPE = stored
        zlib.push_back(static_cast<std::uint8_t>(length));
        zlib.push_back(static_cast<std::uint8_t>(length >> 8));
        zlib.push_back(static_cast<std::uint8_t>(~length));
        zlib.push_back(static_cast<std::uint8_t>(~length >> 8));
        zlib.insert(zlib.end(), raw.begin() + static_cast<std::ptrdiff_t>(start),
                    raw.begin() + static_cast<std::ptrdiff_t>(start + length));
    }
    appendBigEndian(zlib, (b << 16) | a);
    return pngFrom(header(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height), 6), zlib);
}

std::vector<std::uint8_t> zeroBombPng(int width, int height) {
    // Every byte of the filtered image is 0 (filter type 0, black pixels): one literal 0, then
    // copies of length 258 at distance 1, in one fixed-Huffman block.
    const std::uint64_t total = (static_cast<std::uint64_t>(width) + 1) * static_cast<std::uint64_t>(height);
    BitWriter bits;
    bits.write(1, 1);        // BFINAL
    bits.write(1, 2);        // BTYPE = fixed Huffman
    bits.writeCode(0x30, 8); // literal 0
    std::uint64_t left = total - 1;
    while (left >= 258 + 3) {
        bits.writeCode(0xC5, 8); // length code 285 = 258
        bits.writeCode(0, 5);    // distance code 0 = 1
        left -= 258;
    }
    while (left-- > 0)
        bits.writeCode(0x30, 8);
    bits.writeCode(0, 7); // end of block (256)
    std::vector<std::uint8_t> zlib = {0x78, 0x01};
    const std::vector<std::uint8_t> deflate = bits.finish();
    zlib.insert(zlib.end(), deflate.begin(), deflate.end());
    const std::uint32_t a = 1;
    const std::uint32_t b = static_cast<std::uint32_t>(total % 65521);
    appendBigEndian(zlib, (b << 16) | a);
    return pngFrom(header(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height), 0), zlib);
}

std::vector<std::uint8_t> withPngSize(std::vector<std::uint8_t> png, std::uint32_t width,
                                      std::uint32_t height) {
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC follows the 13 data bytes.
    std::vector<std::uint8_t> ihdr;
    appendBigEndian(ihdr, width);
    appendBigEndian(ihdr, height);
    std::copy(ihdr.begin(), ihdr.end(), png.begin() + 16);
    const std::uint32_t crc = crc32(std::span<const std::uint8_t>(png.data() + 12, 17));
    for (int index = 0; index < 4; ++index)
        png[29 + static_cast<std::size_t>(index)] = static_cast<std::uint8_t>(crc >> (24 - 8 * index));
    return png;
}

} // namespace kiosk::install::test
