// Guesses which full-size picture the villager will want next, from what the UI asks for:
// the UI (kiosk/ui) tells the picture source nothing but "draw this picture now".
//
// The page screen draws its gallery as a row of thumbnails, in gallery order, and the
// picture viewer draws one full-size picture and no thumbnails. So when a frame without
// thumbnails asks for picture X at full size and X was in the last row of thumbnails, the
// neighbours of X in that row are the next and previous gallery pictures. The attract loop
// shows the pack's featured pictures in order, so the one after X there comes next too.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace kiosk::platform {

class PrefetchGuess {
public:
    explicit PrefetchGuess(std::vector<std::int64_t> featuredImageIds) : featured_(std::move(featuredImageIds)) {}

    void thumbnailDrawn(std::int64_t imageId, std::int64_t frame);
    // Full-size pictures worth decoding now because `imageId` is on screen at full size.
    std::vector<std::int64_t> fullPictureShown(std::int64_t imageId, std::int64_t frame);

private:
    void startFrame(std::int64_t frame);

    std::vector<std::int64_t> featured_;
    std::vector<std::int64_t> lastThumbnailRow_;    // the last frame that drew thumbnails
    std::vector<std::int64_t> currentThumbnailRow_; // this frame's, so far
    std::int64_t frame_ = -1;
};

} // namespace kiosk::platform
