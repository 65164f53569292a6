#include "ImageProcessing.hpp"

#include "pack/PackSchema.hpp"

#include <sodium.h>

namespace kiosk::builder {

namespace {

StoredPicture encodeStored(const image::RgbaImage& picture, const std::string& mime) {
    StoredPicture stored;
    stored.mime = mime;
    stored.width = picture.width;
    stored.height = picture.height;
    stored.bytes = mime == "image/png" ? image::encodePng(picture) : image::encodeJpeg(picture, kJpegQuality);
    if (stored.bytes.size() > pack::kMaximumImageBytes)
        throw image::ImageError("picture is still " + std::to_string(stored.bytes.size()) +
                                " bytes after scaling down, more than a pack may hold; save it as JPEG");
    stored.sha256 = sha256Hex(stored.bytes);
    return stored;
}

} // namespace

ProcessedImage processImage(std::span<const std::uint8_t> sourceBytes) {
    const image::ImageHeader header = image::probeImage(sourceBytes, kSourceImageLimits);
    const image::RgbaImage source = image::decodeImage(sourceBytes, kSourceImageLimits);
    ProcessedImage processed;
    processed.full = encodeStored(image::fitWithin(source, pack::kMaximumImageSide), header.mime);
    // Scaled from the source rather than from the full picture: one resampling step, not two.
    processed.thumbnail = encodeStored(image::fitWithin(source, pack::kThumbnailSide), header.mime);
    return processed;
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes.data(), bytes.size());
    static constexpr char hexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(sizeof digest * 2);
    for (const unsigned char byte : digest) {
        hex += hexDigits[byte >> 4];
        hex += hexDigits[byte & 15];
    }
    return hex;
}

} // namespace kiosk::builder
