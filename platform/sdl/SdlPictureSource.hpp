// ui::PictureSource over SDL_Renderer textures. Pack pictures are read from the pack on the
// UI thread (a quick SQLite read), decoded on PictureDecoder's worker threads, uploaded at
// the next frame no larger than the renderer's maximum texture size, and kept in a
// TextureCache within a memory budget. Until a picture is ready the UI gets a null texture
// and draws its placeholder; hasPendingPictures() tells the loop to keep drawing frames.
// Icons are tiny, few and always on screen: they are decoded at once and never evicted.
#pragma once

#include "PictureDecoder.hpp"
#include "PictureSource.hpp"
#include "SdlHandles.hpp"
#include "TextureCache.hpp"
#include "pack/PackReader.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace kiosk::platform {

struct PictureSettings {
    std::size_t textureBudgetBytes = 64u * 1024u * 1024u;
    int maximumTextureSide = 0; // 0: what the renderer reports
    int decoderThreads = -1;    // -1: two (one on a single core); 0: decode inline
};

struct PictureStatistics {
    std::size_t pending = 0; // asked for (or guessed) and not yet uploaded
    std::size_t placeholdersLastFrame = 0;
    std::uint64_t uploads = 0;
    std::uint64_t prefetches = 0;
    int maximumTextureSide = 0;
    TextureCacheStatistics cache;
};

class SdlPictureSource final : public ui::PictureSource {
  public:
    // `renderer` may be null until attachRenderer: pictures can then be asked for, and decode,
    // while the window is still being made; nothing is uploaded or drawn before it is attached.
    SdlPictureSource(SDL_Renderer* renderer, const pack::PackReader& pack,
                     std::filesystem::path iconDirectory, const PictureSettings& settings);
    void attachRenderer(SDL_Renderer* renderer);

    ui::Picture packPicture(std::int64_t imageId, pack::ImageSize size) override;
    ui::Picture icon(const std::string& name) override;
    // Also used at start for the home screen's pictures, before the first frame asks for them.
    void prefetch(std::int64_t imageId, pack::ImageSize size) override;
    ui::Picture discMask(int radius, image::DiscMaskSide side) override;

    bool hasPendingPictures() const { return !pending_.empty(); }
    // Blocks until every picture asked for so far is decoded. Returns true when the last
    // frame drew placeholders, which the next frame will replace with the pictures.
    bool waitForPictures();
    // Waits at most `longest` for the pictures asked for so far (prefetched ones too).
    void waitForPicturesFor(std::chrono::milliseconds longest) { decoder_.waitUntilIdleFor(longest); }
    PictureStatistics statistics() const;
    int maximumTextureSide() const { return maximumTextureSide_; }

  private:
    struct Icon {
        SdlTexture texture;
        float width = 0;
        float height = 0;
    };
    void startFrame();
    void request(const PictureKey& key, std::int64_t priority);
    void uploadFinished();
    SdlTexture upload(const image::RgbaImage& image, const std::string& what) const;

    SDL_Renderer* renderer_;
    const pack::PackReader& pack_;
    int configuredTextureSide_ = 0;
    std::filesystem::path iconDirectory_;
    int maximumTextureSide_ = 0;
    TextureCache cache_;
    std::set<PictureKey> pending_;
    std::set<PictureKey> broken_; // logged once, then shown as placeholders for good
    std::map<std::string, Icon> icons_;
    std::map<std::pair<int, image::DiscMaskSide>, SdlTexture> discMasks_; // a few radii: never evicted
    std::int64_t frame_ = -1;
    std::size_t placeholdersThisFrame_ = 0; // of the frame being drawn, or the last one drawn
    std::uint64_t uploads_ = 0;
    std::uint64_t prefetches_ = 0;
    PictureDecoder decoder_; // last: its threads stop before the state above goes
};

} // namespace kiosk::platform
