#include "FuzzEntry.hpp"

#include "audio/VorbisDecoding.hpp"
#include "audio/VorbisStream.hpp"
#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "install/PackInspection.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

namespace kiosk::install::fuzz {

namespace {

void decodeWithinLimits(const pack::PackReader& reader, std::int64_t imageId) {
    for (const pack::ImageSize size : {pack::ImageSize::Thumbnail, pack::ImageSize::Full}) {
        try {
            const pack::EncodedImage encoded = reader.loadImage(imageId, size);
            const int side = size == pack::ImageSize::Full ? pack::kMaximumImageSide : pack::kThumbnailSide;
            image::decodeImage(encoded.bytes,
                               image::ImageLimits{side, static_cast<std::uint64_t>(side) * side});
        } catch (const pack::PackError&) {
        } catch (const image::ImageError&) {
        }
    }
}

// A broken promise between two checks: libFuzzer keeps the input as a crash.
[[noreturn]] void brokenPromise(const char* what) {
    std::fprintf(stderr, "fuzz: %s\n", what);
    std::abort();
}

const image::ImageLimits kFullPictureLimits{
    pack::kMaximumImageSide, static_cast<std::uint64_t>(pack::kMaximumImageSide) * pack::kMaximumImageSide};

} // namespace

void explorePictureBytes(std::span<const std::uint8_t> bytes) {
    std::optional<image::ImageHeader> header;
    try {
        header = image::probeImage(bytes, kFullPictureLimits);
    } catch (const image::ImageError&) {
    }
    bool checked = false;
    try {
        image::checkImageDecodes(bytes, kFullPictureLimits);
        checked = true;
    } catch (const image::ImageError&) {
    }
    try {
        const image::RgbaImage picture = image::decodeImage(bytes, kFullPictureLimits);
        if (!checked)
            brokenPromise("decodeImage took a picture that checkImageDecodes refused");
        if (!header || picture.width != header->width || picture.height != header->height)
            brokenPromise("the decoded picture's size is not its header's");
        if (picture.pixels.size() != static_cast<std::size_t>(picture.width) * picture.height * 4)
            brokenPromise("the decoded picture's pixels are not width x height x 4 bytes");
    } catch (const image::ImageError&) {
        if (checked)
            brokenPromise("checkImageDecodes took a picture that decodeImage refused");
    }
}

void exploreRecordingBytes(std::span<const std::uint8_t> bytes) {
    try {
        audio::probeVorbis(bytes, pack::kAudioLimits);
    } catch (const audio::AudioError&) {
    }
    std::optional<audio::AudioFormat> scanned;
    try {
        scanned = audio::scanVorbis(bytes, pack::kAudioLimits);
    } catch (const audio::AudioError&) {
    }
    try {
        const audio::DecodedAudio decoded = audio::decodeVorbis(bytes, pack::kAudioLimits);
        if (!scanned)
            brokenPromise("decodeVorbis took a recording that scanVorbis refused");
        if (decoded.frames() != scanned->frames || decoded.channels != scanned->channels ||
            decoded.sampleRate != scanned->sampleRate)
            brokenPromise("decodeVorbis and scanVorbis disagree on the recording's format or length");
    } catch (const audio::AudioError&) {
        if (scanned)
            brokenPromise("scanVorbis took a recording that decodeVorbis refused");
    }
    try {
        // As the player reads it: small blocks, then from the start again (a replay).
        audio::VorbisStream stream(bytes, pack::kAudioLimits);
        std::array<std::int16_t, 512> block{};
        for (int pass = 0; pass < 2; ++pass) {
            while (stream.read(block) > 0) {
            }
            stream.rewind();
        }
    } catch (const audio::AudioError&) {
    }
}

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
                    for (const pack::StoryCard& card : content.cards)
                        imageIds.insert(card.imageId);
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
