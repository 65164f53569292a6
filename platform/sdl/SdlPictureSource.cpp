#include "SdlPictureSource.hpp"

#include "image/ImageCodec.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackSchema.hpp"

#include <SDL.h>

namespace kiosk::platform {

SdlPictureSource::SdlPictureSource(SDL_Renderer* renderer, const pack::PackReader& pack,
                                   std::filesystem::path iconDirectory)
    : renderer_(renderer), pack_(pack), iconDirectory_(std::move(iconDirectory)) {}

ui::Picture SdlPictureSource::pictureOf(const Entry& entry) {
    return ui::Picture{reinterpret_cast<ImTextureID>(entry.texture.get()), entry.width, entry.height};
}

ui::Picture SdlPictureSource::upload(Entry& entry, const std::vector<std::uint8_t>& encoded, const std::string& what) {
    try {
        image::ImageLimits limits;
        limits.maximumSide = pack::kMaximumImageSide;
        const image::RgbaImage decoded = image::decodeImage(encoded, limits);
        SdlTexture texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC,
                                             decoded.width, decoded.height));
        if (!texture)
            throw SdlError("cannot create a texture for " + what);
        SDL_UpdateTexture(texture.get(), nullptr, decoded.pixels.data(), decoded.width * 4);
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
        entry.texture = std::move(texture);
        entry.width = static_cast<float>(decoded.width);
        entry.height = static_cast<float>(decoded.height);
    } catch (const std::exception& error) {
        // A broken picture becomes a placeholder; it is logged once, since the entry stays.
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: %s", what.c_str(), error.what());
    }
    return pictureOf(entry);
}

ui::Picture SdlPictureSource::packPicture(std::int64_t imageId, pack::ImageSize size) {
    const auto key = std::make_pair(imageId, size);
    if (const auto found = pictures_.find(key); found != pictures_.end())
        return pictureOf(found->second);
    Entry& entry = pictures_[key];
    std::vector<std::uint8_t> encoded;
    try {
        encoded = pack_.loadImage(imageId, size).bytes;
    } catch (const std::exception& error) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %lld not loaded: %s", static_cast<long long>(imageId),
                    error.what());
        return pictureOf(entry);
    }
    return upload(entry, encoded, "pack picture " + std::to_string(imageId));
}

ui::Picture SdlPictureSource::icon(const std::string& name) {
    if (const auto found = icons_.find(name); found != icons_.end())
        return pictureOf(found->second);
    Entry& entry = icons_[name];
    const std::filesystem::path file = iconDirectory_ / (name + ".png");
    try {
        return upload(entry, os::readWholeFile(file, 4 * 1024 * 1024), "icon " + file.string());
    } catch (const std::exception& error) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "icon %s missing: %s", name.c_str(), error.what());
        return pictureOf(entry);
    }
}

} // namespace kiosk::platform
