#include "PrefetchGuess.hpp"

#include <algorithm>

namespace kiosk::platform {

namespace {

// The pictures beside `imageId` in `sequence`, the following one first.
void addNeighbours(const std::vector<std::int64_t>& sequence, std::int64_t imageId, bool wrapAround,
                   std::vector<std::int64_t>& guesses) {
    const auto found = std::find(sequence.begin(), sequence.end(), imageId);
    if (found == sequence.end() || sequence.size() < 2)
        return;
    const auto index = static_cast<std::size_t>(found - sequence.begin());
    if (index + 1 < sequence.size())
        guesses.push_back(sequence[index + 1]);
    else if (wrapAround)
        guesses.push_back(sequence.front());
    if (!wrapAround && index > 0)
        guesses.push_back(sequence[index - 1]);
}

} // namespace

void PrefetchGuess::startFrame(std::int64_t frame) {
    if (frame == frame_)
        return;
    frame_ = frame;
    if (!currentThumbnailRow_.empty())
        lastThumbnailRow_ = std::move(currentThumbnailRow_);
    currentThumbnailRow_.clear();
}

void PrefetchGuess::thumbnailDrawn(std::int64_t imageId, std::int64_t frame) {
    startFrame(frame);
    if (std::find(currentThumbnailRow_.begin(), currentThumbnailRow_.end(), imageId) == currentThumbnailRow_.end())
        currentThumbnailRow_.push_back(imageId);
}

std::vector<std::int64_t> PrefetchGuess::fullPictureShown(std::int64_t imageId, std::int64_t frame) {
    startFrame(frame);
    std::vector<std::int64_t> guesses;
    // Thumbnails in this frame: a page (its cover is full size), not the viewer.
    if (!currentThumbnailRow_.empty())
        return guesses;
    addNeighbours(lastThumbnailRow_, imageId, false, guesses);
    addNeighbours(featured_, imageId, true, guesses);
    guesses.erase(std::remove(guesses.begin(), guesses.end(), imageId), guesses.end());
    return guesses;
}

} // namespace kiosk::platform
