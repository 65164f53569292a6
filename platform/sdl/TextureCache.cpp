#include "TextureCache.hpp"

#include <algorithm>

namespace kiosk::platform {

const CachedTexture* TextureCache::use(const PictureKey& key, std::int64_t frame) {
    const auto found = entries_.find(key);
    if (found == entries_.end())
        return nullptr;
    Slot& slot = found->second;
    slot.texture.lastUsedFrame = frame;
    recency_.splice(recency_.begin(), recency_, slot.recency);
    return &slot.texture;
}

const CachedTexture& TextureCache::insert(const PictureKey& key, SdlTexture texture, int width, int height,
                                          std::int64_t frame) {
    if (const auto existing = entries_.find(key); existing != entries_.end()) {
        statistics_.bytesInUse -= existing->second.texture.bytes;
        recency_.erase(existing->second.recency);
        entries_.erase(existing);
    }
    CachedTexture cached;
    cached.texture = std::move(texture);
    cached.width = width;
    cached.height = height;
    // What the driver keeps for an RGBA texture; mipmaps and padding are not counted.
    cached.bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    cached.lastUsedFrame = frame;
    recency_.push_front(key);
    Slot& slot = entries_[key];
    slot.texture = std::move(cached);
    slot.recency = recency_.begin();
    statistics_.bytesInUse += slot.texture.bytes;
    statistics_.peakBytes = std::max(statistics_.peakBytes, statistics_.bytesInUse);
    evictDownToBudget(frame);
    statistics_.textures = entries_.size();
    return entries_.at(key).texture;
}

void TextureCache::evictDownToBudget(std::int64_t frame) {
    while (statistics_.bytesInUse > budgetBytes_ && !recency_.empty()) {
        const PictureKey oldest = recency_.back();
        Slot& slot = entries_.at(oldest);
        if (slot.texture.lastUsedFrame >= frame)
            return; // everything left is on screen now
        statistics_.bytesInUse -= slot.texture.bytes;
        recency_.pop_back();
        entries_.erase(oldest);
        ++statistics_.evictions;
    }
}

} // namespace kiosk::platform
