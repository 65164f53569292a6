#include "SdlPictureSource.hpp"

#include "Icons.hpp"
#include "RendererLimits.hpp"

#include "image/ImageCodec.hpp"
#include "os/FileSystem.hpp"
#include "os/Log.hpp"

#include <SDL.h>
#include <algorithm>
#include <thread>

namespace kiosk::platform {

namespace {

int decoderThreadCount(int configured) {
    if (configured >= 0)
        return configured;
    // Two where there are two cores or more: the boards the kiosk runs on have four, and more
    // than two decoders only fight over memory bandwidth on a Pi. Home's three thumbnails
    // are the last thing start-up waits for, so two decoders also help a two-core machine,
    // where the UI thread shares a core with one of them while pictures load.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return cores >= 2 ? 2 : 1;
}

} // namespace

SdlPictureSource::SdlPictureSource(SDL_Renderer* renderer, const pack::PackReader& pack,
                                   std::filesystem::path iconDirectory, const PictureSettings& settings)
    : renderer_(renderer), pack_(pack), configuredTextureSide_(settings.maximumTextureSide),
      iconDirectory_(std::move(iconDirectory)),
      maximumTextureSide_(renderer ? largestTextureSide(renderer, settings.maximumTextureSide)
                                   : settings.maximumTextureSide),
      cache_(settings.textureBudgetBytes), decoder_(decoderThreadCount(settings.decoderThreads)) {}

void SdlPictureSource::attachRenderer(SDL_Renderer* renderer) {
    renderer_ = renderer;
    maximumTextureSide_ = largestTextureSide(renderer, configuredTextureSide_);
}

void SdlPictureSource::startFrame() {
    // The UI asks for pictures only between ImGui::NewFrame() and ImGui::Render(), so
    // ImGui's frame count tells frames apart without a call from the runtime. At start-up
    // home's pictures are asked for before ImGui's context exists: there is no frame yet.
    if (!ImGui::GetCurrentContext())
        return;
    const std::int64_t frame = ImGui::GetFrameCount();
    if (frame == frame_)
        return;
    frame_ = frame;
    placeholdersThisFrame_ = 0;
    uploadFinished();
}

SdlTexture SdlPictureSource::upload(const image::RgbaImage& decoded, const std::string& what) const {
    // Decoded before the renderer was attached, the picture may be larger than it takes.
    const bool tooLarge =
        maximumTextureSide_ > 0 && std::max(decoded.width, decoded.height) > maximumTextureSide_;
    const image::RgbaImage fitted =
        tooLarge ? image::fitWithin(decoded, maximumTextureSide_) : image::RgbaImage{};
    const image::RgbaImage& image = tooLarge ? fitted : decoded;
    SdlTexture texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC,
                                         image.width, image.height));
    if (!texture)
        throw SdlError("cannot create a texture for " + what);
    if (SDL_UpdateTexture(texture.get(), nullptr, image.pixels.data(), image.width * 4) != 0)
        throw SdlError("cannot upload " + what);
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
    return texture;
}

void SdlPictureSource::uploadFinished() {
    for (DecodedPicture& decoded : decoder_.takeFinished()) {
        pending_.erase(decoded.key);
        const std::string what = "pack picture " + std::to_string(decoded.key.imageId);
        try {
            if (!decoded.image)
                throw image::ImageError(decoded.error);
            cache_.insert(decoded.key, upload(*decoded.image, what), decoded.image->width,
                          decoded.image->height, frame_);
            ++uploads_;
        } catch (const std::exception& error) {
            // A broken picture becomes a placeholder for good; it is logged once.
            broken_.insert(decoded.key);
            os::log(what, " not shown: ", error.what());
        }
    }
}

void SdlPictureSource::request(const PictureKey& key, std::int64_t priority) {
    if (pending_.contains(key)) {
        decoder_.raisePriority(key, priority);
        return;
    }
    if (broken_.contains(key) || cache_.contains(key))
        return;
    DecodeRequest job;
    job.key = key;
    job.maximumSide = maximumTextureSide_;
    job.priority = priority;
    try {
        pack::EncodedImage image = pack_.loadImageUnchecked(key.imageId, key.size);
        job.encoded = std::move(image.bytes);
        job.recordedSha256 = std::move(image.sha256);
    } catch (const std::exception& error) {
        broken_.insert(key);
        os::log("picture ", key.imageId, " not loaded: ", error.what());
        return;
    }
    pending_.insert(key);
    decoder_.submit(std::move(job));
}

void SdlPictureSource::prefetch(std::int64_t imageId, pack::ImageSize size) {
    startFrame();
    const PictureKey key{imageId, size};
    if (pending_.contains(key) || cache_.contains(key) || broken_.contains(key))
        return;
    // Below everything this frame asks for: a guess never delays what is on screen.
    request(key, frame_ - 1);
    ++prefetches_;
}

ui::Picture SdlPictureSource::packPicture(std::int64_t imageId, pack::ImageSize size) {
    startFrame();
    const PictureKey key{imageId, size};
    if (const CachedTexture* cached = cache_.use(key, frame_))
        return ui::Picture{reinterpret_cast<ImTextureID>(cached->texture.get()),
                           static_cast<float>(cached->width), static_cast<float>(cached->height)};
    request(key, frame_);
    if (!broken_.contains(key))
        ++placeholdersThisFrame_;
    // With the inline decoder (no threads) the picture may be ready already.
    if (decoder_.threadCount() == 0) {
        uploadFinished();
        if (const CachedTexture* cached = cache_.use(key, frame_)) {
            --placeholdersThisFrame_;
            return ui::Picture{reinterpret_cast<ImTextureID>(cached->texture.get()),
                               static_cast<float>(cached->width), static_cast<float>(cached->height)};
        }
    }
    return {};
}

ui::Picture SdlPictureSource::icon(const std::string& name) {
    if (const auto found = icons_.find(name); found != icons_.end())
        return ui::Picture{reinterpret_cast<ImTextureID>(found->second.texture.get()), found->second.width,
                           found->second.height};
    Icon& entry = icons_[name];
    // Only the kiosk's own icons: no file name is ever built from anything else.
    if (!ui::isBuiltInIcon(name)) {
        os::log("no built-in icon '", name.substr(0, 40), "'");
        return {};
    }
    const std::filesystem::path file = iconDirectory_ / (std::string(name) + ".png");
    try {
        image::ImageLimits limits;
        limits.maximumSide = 1024;
        const image::RgbaImage decoded = image::decodeImage(os::readWholeFile(file, 4 * 1024 * 1024), limits);
        entry.texture = upload(decoded, "icon " + file.string());
        entry.width = static_cast<float>(decoded.width);
        entry.height = static_cast<float>(decoded.height);
    } catch (const std::exception& error) {
        os::log("icon ", name, " missing: ", error.what());
    }
    return ui::Picture{reinterpret_cast<ImTextureID>(entry.texture.get()), entry.width, entry.height};
}

ui::Picture SdlPictureSource::discMask(int radius, image::DiscMaskSide side) {
    if (radius < 1 || radius > image::kMaximumDiscMaskRadius)
        return {};
    const auto diameter = static_cast<float>(2 * radius);
    const auto key = std::pair{radius, side};
    if (const auto found = discMasks_.find(key); found != discMasks_.end())
        return found->second
                   ? ui::Picture{reinterpret_cast<ImTextureID>(found->second.get()), diameter, diameter}
                   : ui::Picture{};
    SdlTexture& texture = discMasks_[key]; // left empty if it cannot be made, and not tried again
    try {
        texture = upload(image::discMask(radius, side), "corner mask");
    } catch (const std::exception& error) {
        // Shapes are then drawn from triangles: slower in software, the same to look at.
        os::log("no corner mask of radius ", radius, ": ", error.what());
        return {};
    }
    return ui::Picture{reinterpret_cast<ImTextureID>(texture.get()), diameter, diameter};
}

bool SdlPictureSource::waitForPictures() {
    if (pending_.empty() && placeholdersThisFrame_ == 0)
        return false;
    decoder_.waitUntilIdle();
    return true;
}

PictureStatistics SdlPictureSource::statistics() const {
    PictureStatistics result;
    result.pending = pending_.size();
    result.placeholdersLastFrame = placeholdersThisFrame_;
    result.uploads = uploads_;
    result.prefetches = prefetches_;
    result.maximumTextureSide = maximumTextureSide_;
    result.cache = cache_.statistics();
    return result;
}

} // namespace kiosk::platform
