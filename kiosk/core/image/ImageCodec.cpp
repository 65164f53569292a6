#include "image/ImageCodec.hpp"

#include "image/PngDecoding.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

namespace kiosk::image {

namespace {

struct StbDeleter {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

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
    ImageHeader header;
    // Only the two formats the format allows; stb would also accept GIF, BMP, PSD...
    if (startsWith(bytes, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
        header.mime = "image/png";
    else if (startsWith(bytes, {0xFF, 0xD8, 0xFF}))
        header.mime = "image/jpeg";
    else
        throw ImageError("not a PNG or JPEG picture");
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw ImageError("picture file too large");
    if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &header.width, &header.height,
                               &header.channels))
        throw ImageError(std::string("unreadable picture: ") + stbi_failure_reason());
    if (header.width <= 0 || header.height <= 0 || header.width > limits.maximumSide ||
        header.height > limits.maximumSide ||
        static_cast<std::uint64_t>(header.width) * static_cast<std::uint64_t>(header.height) > limits.maximumPixels)
        throw ImageError("picture is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                         ", larger than the limit of " + std::to_string(limits.maximumSide) + " pixels a side");
    return header;
}

RgbaImage decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    const ImageHeader header = probeImage(bytes, limits);
    if (header.mime == "image/png")
        return decodePng(bytes, limits);
    int width = 0, height = 0, channels = 0;
    const std::unique_ptr<unsigned char, StbDeleter> pixels(
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width, &height, &channels, 4));
    if (!pixels)
        throw ImageError(std::string("cannot decode picture: ") + stbi_failure_reason());
    if (width != header.width || height != header.height)
        throw ImageError("picture size changed while decoding");
    RgbaImage image;
    image.width = width;
    image.height = height;
    const std::size_t size = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    image.pixels.assign(pixels.get(), pixels.get() + size);
    return image;
}

void checkImageDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (probeImage(bytes, limits).mime == "image/png")
        checkPngDecodes(bytes, limits);
    else
        decodeImage(bytes, limits);
}

RgbaImage fitWithin(const RgbaImage& image, int maximumSide) {
    const int longest = std::max(image.width, image.height);
    if (longest <= maximumSide)
        return image;
    const double scale = static_cast<double>(maximumSide) / longest;
    RgbaImage result;
    result.width = std::max(1, static_cast<int>(image.width * scale + 0.5));
    result.height = std::max(1, static_cast<int>(image.height * scale + 0.5));
    result.pixels.resize(static_cast<std::size_t>(result.width) * static_cast<std::size_t>(result.height) * 4);
    if (!stbir_resize_uint8_srgb(image.pixels.data(), image.width, image.height, 0, result.pixels.data(), result.width,
                                 result.height, 0, 4, 3, 0))
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
    if (!stbi_write_jpg_to_func(appendToVector, &output, image.width, image.height, 4, image.pixels.data(), quality))
        throw ImageError("cannot encode JPEG");
    return output;
}

} // namespace kiosk::image
