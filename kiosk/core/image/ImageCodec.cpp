#include "image/ImageCodec.hpp"

#include "image/JpegDecoding.hpp"
#include "image/PngDecoding.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stb_image_resize.h>
#include <stb_image_write.h>

namespace kiosk::image {

namespace {

bool startsWith(std::span<const std::uint8_t> bytes, std::initializer_list<std::uint8_t> magic) {
    return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

void appendToVector(void* context, void* data, int size) {
    auto* output = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    output->insert(output->end(), bytes, bytes + size);
}

} // namespace

ImageHeader probeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    // Only the two formats the format allows, each read by its own decoder.
    ImageHeader header;
    if (startsWith(bytes, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
        header = readPngHeader(bytes);
    else if (startsWith(bytes, {0xFF, 0xD8, 0xFF}))
        header = readJpegHeader(bytes);
    else
        throw ImageError("not a PNG or JPEG picture");
    if (header.width <= 0 || header.height <= 0 || header.width > limits.maximumSide ||
        header.height > limits.maximumSide ||
        static_cast<std::uint64_t>(header.width) * static_cast<std::uint64_t>(header.height) >
            limits.maximumPixels)
        throw ImageError("picture is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                         ", larger than the limit of " + std::to_string(limits.maximumSide) +
                         " pixels a side");
    return header;
}

RgbaImage decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (probeImage(bytes, limits).mime == "image/png")
        return decodePng(bytes, limits);
    return decodeJpeg(bytes, limits);
}

void checkImageDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (probeImage(bytes, limits).mime == "image/png")
        checkPngDecodes(bytes, limits);
    else
        checkJpegDecodes(bytes, limits);
}

RgbaImage fitWithin(const RgbaImage& image, int maximumSide) {
    const int longest = std::max(image.width, image.height);
    if (longest <= maximumSide)
        return image;
    const double scale = static_cast<double>(maximumSide) / longest;
    RgbaImage result;
    result.width = std::max(1, static_cast<int>(image.width * scale + 0.5));
    result.height = std::max(1, static_cast<int>(image.height * scale + 0.5));
    result.pixels.resize(static_cast<std::size_t>(result.width) * static_cast<std::size_t>(result.height) *
                         4);
    if (!stbir_resize_uint8_srgb(image.pixels.data(), image.width, image.height, 0, result.pixels.data(),
                                 result.width, result.height, 0, 4, 3, 0))
        throw ImageError("cannot resize picture");
    return result;
}

std::vector<std::uint8_t> encodePng(const RgbaImage& image) {
    std::vector<std::uint8_t> output;
    if (!stbi_write_png_to_func(appendToVector, &output, image.width, image.height, 4, image.pixels.data(),
                                image.width * 4))
        throw ImageError("cannot encode PNG");
    return output;
}

std::vector<std::uint8_t> encodeJpeg(const RgbaImage& image, int quality) {
    std::vector<std::uint8_t> output;
    if (!stbi_write_jpg_to_func(appendToVector, &output, image.width, image.height, 4, image.pixels.data(),
                                quality))
        throw ImageError("cannot encode JPEG");
    return output;
}

} // namespace kiosk::image
