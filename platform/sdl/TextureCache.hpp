// Pack pictures as textures, within a memory budget: when an upload takes the total over
// the budget, the pictures used longest ago go first. A picture drawn in the current frame
// is never evicted (its texture is already in ImGui's draw list), so a single frame that
// needs more than the budget briefly exceeds it rather than showing holes.
#pragma once

#include "PictureKey.hpp"
#include "SdlHandles.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>

namespace kiosk::platform {

struct CachedTexture {
    SdlTexture texture;
    int width = 0;
    int height = 0;
    std::size_t bytes = 0;
    std::int64_t lastUsedFrame = 0;
};

struct TextureCacheStatistics {
    std::size_t bytesInUse = 0;
    std::size_t textures = 0;
    std::uint64_t evictions = 0;
    std::size_t peakBytes = 0;
};

class TextureCache {
  public:
    explicit TextureCache(std::size_t budgetBytes) : budgetBytes_(budgetBytes) {}

    // The texture for `key`, marked as used in `frame`; null when it is not cached.
    const CachedTexture* use(const PictureKey& key, std::int64_t frame);
    // Takes the texture, then evicts down to the budget (sparing what `frame` uses).
    const CachedTexture& insert(const PictureKey& key, SdlTexture texture, int width, int height,
                                std::int64_t frame);
    bool contains(const PictureKey& key) const { return entries_.contains(key); }
    std::size_t budgetBytes() const { return budgetBytes_; }
    const TextureCacheStatistics& statistics() const { return statistics_; }

  private:
    struct Slot {
        CachedTexture texture;
        std::list<PictureKey>::iterator recency;
    };
    void evictDownToBudget(std::int64_t frame);

    std::size_t budgetBytes_;
    std::map<PictureKey, Slot> entries_;
    std::list<PictureKey> recency_; // most recently used first
    TextureCacheStatistics statistics_;
};

} // namespace kiosk::platform
