#include "FuzzEntry.hpp"

#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "install/PackInspection.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <set>

namespace kiosk::install::fuzz {

namespace {

void decodeWithinLimits(const pack::PackReader& reader, std::int64_t imageId) {
    for (const pack::ImageSize size : {pack::ImageSize::Thumbnail, pack::ImageSize::Full}) {
        try {
            const pack::EncodedImage encoded = reader.loadImage(imageId, size);
            const int side = size == pack::ImageSize::Full ? pack::kMaximumImageSide : pack::kThumbnailSide;
            image::decodeImage(encoded.bytes, image::ImageLimits{side, static_cast<std::uint64_t>(side) * side});
        } catch (const pack::PackError&) {
        } catch (const image::ImageError&) {
        }
    }
}

} // namespace

void explorePackBytes(std::span<const std::uint8_t> bytes) {
    if (bytes.empty())
        return;
    try {
        InspectionRequest request;
        request.pack = bytes;
        inspectPack(request);
    } catch (const Refusal&) {
    }
    try {
        const pack::PackReader reader = pack::PackReader::openMemory(bytes, KIOSK_VERSION_NUMBER);
        std::set<std::int64_t> imageIds;
        for (const pack::Category& category : reader.index().categories)
            imageIds.insert(category.imageId);
        for (const pack::PageSummary& page : reader.index().pages) {
            imageIds.insert(page.coverImageId);
            for (const pack::Language& language : reader.index().languages) {
                try {
                    const pack::PageContent content = reader.loadPage(page.id, language.code);
                    for (const pack::GalleryPicture& picture : content.gallery)
                        imageIds.insert(picture.imageId);
                } catch (const pack::PackError&) {
                }
            }
        }
        for (const std::int64_t imageId : imageIds)
            decodeWithinLimits(reader, imageId);
        reader.usedCodePoints();
    } catch (const pack::PackError&) {
    } catch (const db::DatabaseError&) {
    }
}

} // namespace kiosk::install::fuzz
