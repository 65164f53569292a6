#include "image/PngDecoding.hpp"

#include <algorithm>
#include <memory>
#include <spng.h>
#include <string>
#include <vector>

namespace kiosk::image {

namespace {

struct ContextFreer {
    void operator()(spng_ctx* context) const { spng_ctx_free(context); }
};

// A PNG's ancillary chunks (text, colour profile, ...) are kept in memory by libspng while it
// reads; a pack's pictures need none of them. These bound what a hostile file can make it keep:
// no single chunk over 1 MiB (IDAT is streamed, not kept), at most 4 MiB of them in all.
constexpr std::size_t kChunkBytesLimit = 1024 * 1024;
constexpr std::size_t kChunkCacheLimit = 4 * 1024 * 1024;

void check(int result, const char* action) {
    if (result != 0)
        throw ImageError(std::string("cannot decode picture: ") + action + ": " + spng_strerror(result));
}

// A decoder set up for `bytes`, its header already checked against `limits`.
struct OpenedPng {
    std::unique_ptr<spng_ctx, ContextFreer> context;
    spng_ihdr header{};
    std::size_t decodedBytes = 0; // as 8-bit RGBA
};

OpenedPng openPng(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    // Chunk CRCs and zlib's Adler-32 are not computed: they only catch accidental damage,
    // which the pack's hashes catch (the signed one of the whole file at install, the
    // picture's own otherwise), and computing them took as long as the rest of the decode.
    // stb_image, which decoded PNG before, never checked them either. Every length, the
    // header, the filters and the amount of data are still checked.
    OpenedPng opened{std::unique_ptr<spng_ctx, ContextFreer>(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32))};
    if (!opened.context)
        throw ImageError("cannot decode picture: out of memory");
    spng_ctx* png = opened.context.get();
    check(spng_set_crc_action(png, SPNG_CRC_USE, SPNG_CRC_USE), "options");
    const auto side = static_cast<std::uint32_t>(std::max(limits.maximumSide, 1));
    check(spng_set_image_limits(png, side, side), "limits");
    check(spng_set_chunk_limits(png, kChunkBytesLimit, kChunkCacheLimit), "limits");
    check(spng_set_png_buffer(png, bytes.data(), bytes.size()), "reading");

    // The header first: refused here, nothing has been allocated for the pixels.
    spng_ihdr& header = opened.header;
    check(spng_get_ihdr(png, &header), "header");
    if (header.width == 0 || header.height == 0 || header.width > side || header.height > side ||
        static_cast<std::uint64_t>(header.width) * header.height > limits.maximumPixels)
        throw ImageError("picture is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                         ", larger than the limit of " + std::to_string(limits.maximumSide) +
                         " pixels a side");
    check(spng_decoded_image_size(png, SPNG_FMT_RGBA8, &opened.decodedBytes), "size");
    if (opened.decodedBytes != static_cast<std::size_t>(header.width) * header.height * 4)
        throw ImageError("cannot decode picture: unexpected decoded size");
    return opened;
}

} // namespace

ImageHeader readPngHeader(std::span<const std::uint8_t> bytes) {
    const std::unique_ptr<spng_ctx, ContextFreer> context(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32));
    if (!context)
        throw ImageError("cannot read picture: out of memory");
    check(spng_set_png_buffer(context.get(), bytes.data(), bytes.size()), "reading");
    spng_ihdr header{};
    check(spng_get_ihdr(context.get(), &header), "header");
    ImageHeader result;
    // libspng refuses sides over 2^31 - 1, as the PNG specification does.
    result.width = static_cast<int>(header.width);
    result.height = static_cast<int>(header.height);
    switch (header.color_type) {
    case SPNG_COLOR_TYPE_GRAYSCALE:
        result.channels = 1;
        break;
    case SPNG_COLOR_TYPE_GRAYSCALE_ALPHA:
        result.channels = 2;
        break;
    case SPNG_COLOR_TYPE_TRUECOLOR_ALPHA:
        result.channels = 4;
        break;
    default:
        result.channels = 3;
        break; // truecolour, or a palette of colours
    }
    result.mime = "image/png";
    return result;
}

RgbaImage decodePng(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    const OpenedPng png = openPng(bytes, limits);
    RgbaImage image;
    image.width = static_cast<int>(png.header.width);
    image.height = static_cast<int>(png.header.height);
    image.pixels.resize(png.decodedBytes);
    // libspng inflates into one row at a time and then into `image`: a stream that inflates to
    // more than the header promises cannot make it allocate more.
    check(spng_decode_image(png.context.get(), image.pixels.data(), png.decodedBytes, SPNG_FMT_RGBA8,
                            SPNG_DECODE_TRNS),
          "pixels");
    return image;
}

void checkPngDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    const OpenedPng png = openPng(bytes, limits);
    spng_ctx* context = png.context.get();
    check(spng_decode_image(context, nullptr, 0, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS | SPNG_DECODE_PROGRESSIVE),
          "pixels");
    // An interlaced picture's rows come once per pass, each written into its place in a row.
    std::vector<std::uint8_t> row(png.decodedBytes / png.header.height);
    int result = 0;
    do {
        spng_row_info info{};
        result = spng_get_row_info(context, &info);
        if (result == 0)
            result = spng_decode_row(context, row.data(), row.size());
    } while (result == 0);
    if (result != SPNG_EOI)
        check(result, "pixels");
}

} // namespace kiosk::image
