#include "image/PngDecoding.hpp"

#include <algorithm>
#include <memory>
#include <spng.h>
#include <string>

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

} // namespace

RgbaImage decodePng(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    // Chunk CRCs and zlib's Adler-32 are not computed: they only catch accidental damage,
    // which the pack's SHA-256 hashes catch (the signed one of the whole file at install, the
    // picture's own otherwise), and computing them took as long as the rest of the decode.
    // stb_image, which decoded PNG before, never checked them either. Every length, the
    // header, the filters and the amount of data are still checked.
    const std::unique_ptr<spng_ctx, ContextFreer> context(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32));
    if (!context)
        throw ImageError("cannot decode picture: out of memory");
    spng_ctx* png = context.get();
    check(spng_set_crc_action(png, SPNG_CRC_USE, SPNG_CRC_USE), "options");
    const auto side = static_cast<std::uint32_t>(std::max(limits.maximumSide, 1));
    check(spng_set_image_limits(png, side, side), "limits");
    check(spng_set_chunk_limits(png, kChunkBytesLimit, kChunkCacheLimit), "limits");
    check(spng_set_png_buffer(png, bytes.data(), bytes.size()), "reading");

    // The header first: refused here, nothing has been allocated for the pixels.
    spng_ihdr header{};
    check(spng_get_ihdr(png, &header), "header");
    if (header.width == 0 || header.height == 0 || header.width > side || header.height > side ||
        static_cast<std::uint64_t>(header.width) * header.height > limits.maximumPixels)
        throw ImageError("picture is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                         ", larger than the limit of " + std::to_string(limits.maximumSide) + " pixels a side");

    std::size_t size = 0;
    check(spng_decoded_image_size(png, SPNG_FMT_RGBA8, &size), "size");
    if (size != static_cast<std::size_t>(header.width) * header.height * 4)
        throw ImageError("cannot decode picture: unexpected decoded size");
    RgbaImage image;
    image.width = static_cast<int>(header.width);
    image.height = static_cast<int>(header.height);
    image.pixels.resize(size);
    // libspng inflates into one row at a time and then into `image`: a stream that inflates to
    // more than the header promises cannot make it allocate more.
    check(spng_decode_image(png, image.pixels.data(), size, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS), "pixels");
    return image;
}

} // namespace kiosk::image
