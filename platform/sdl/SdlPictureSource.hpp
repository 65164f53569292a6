// ui::PictureSource over SDL_Renderer textures: decodes pack pictures and icon PNGs with the
// core's limits and keeps the textures for reuse.
#pragma once

#include "PictureSource.hpp"
#include "SdlHandles.hpp"
#include "pack/PackReader.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace kiosk::platform {

class SdlPictureSource final : public ui::PictureSource {
public:
    SdlPictureSource(SDL_Renderer* renderer, const pack::PackReader& pack, std::filesystem::path iconDirectory);

    ui::Picture packPicture(std::int64_t imageId, pack::ImageSize size) override;
    ui::Picture icon(const std::string& name) override;

private:
    struct Entry {
        SdlTexture texture;
        float width = 0;
        float height = 0;
    };
    ui::Picture upload(Entry& entry, const std::vector<std::uint8_t>& encoded, const std::string& what);
    static ui::Picture pictureOf(const Entry& entry);

    SDL_Renderer* renderer_;
    const pack::PackReader& pack_;
    std::filesystem::path iconDirectory_;
    std::map<std::pair<std::int64_t, pack::ImageSize>, Entry> pictures_;
    std::map<std::string, Entry> icons_;
};

} // namespace kiosk::platform
