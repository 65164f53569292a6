// Decodes pack pictures on worker threads, so that a page of photos never stalls a frame.
// The UI thread submits the encoded bytes (read from the pack, which is not shared between
// threads) and collects decoded RGBA images at its next frame; uploading them as textures
// stays on the UI thread, where the renderer lives.
//
// Jobs run most urgent first: the priority is the frame that last asked for the picture, so
// after a tap the new page's pictures overtake whatever the old page still had queued.
#pragma once

#include "PictureKey.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackModel.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::platform {

struct DecodeRequest {
    PictureKey key;
    std::vector<std::uint8_t> encoded;
    int maximumSide = 0;       // the renderer's largest texture: bigger pictures are scaled down
    std::int64_t priority = 0; // higher runs first
    // The SHA-256 the pack records for the bytes (PackReader::loadImageUnchecked): checked
    // here, before decoding. Pictures from the pack always have one.
    std::optional<std::string> recordedSha256;
};

struct DecodedPicture {
    PictureKey key;
    std::optional<image::RgbaImage> image; // empty when the picture could not be decoded
    std::string error;
};

// Decoding alone, without threads: what each worker does with one job.
DecodedPicture decodePicture(const DecodeRequest& request);

class PictureDecoder {
  public:
    // threadCount 0 decodes inside submit(), on the caller's thread (a baseline for the
    // benchmarks, and a fallback where threads cannot be had).
    explicit PictureDecoder(int threadCount);
    ~PictureDecoder();
    PictureDecoder(const PictureDecoder&) = delete;
    PictureDecoder& operator=(const PictureDecoder&) = delete;

    void submit(DecodeRequest request);
    // A job still queued runs no later than jobs of `priority`; no effect once it started.
    void raisePriority(const PictureKey& key, std::int64_t priority);
    // Everything decoded since the last call, in the order it finished.
    std::vector<DecodedPicture> takeFinished();
    // Blocks until no job is queued or running (finished ones may wait to be taken).
    void waitUntilIdle();
    // The same, but for no longer than `longest`; false when that ran out.
    bool waitUntilIdleFor(std::chrono::milliseconds longest);
    int threadCount() const { return static_cast<int>(workers_.size()); }

  private:
    struct QueuedJob {
        DecodeRequest request;
        std::uint64_t sequence = 0; // first come, first served among equal priorities
    };

    void work(std::stop_token stop);
    std::optional<QueuedJob> takeMostUrgent();                      // mutex_ held
    bool isIdle() const { return queue_.empty() && running_ == 0; } // mutex_ held

    std::mutex mutex_;
    std::condition_variable_any jobsChanged_;
    std::condition_variable idle_;
    std::vector<QueuedJob> queue_;
    std::vector<DecodedPicture> finished_;
    int running_ = 0;
    std::uint64_t nextSequence_ = 0;
    std::vector<std::jthread> workers_; // last member: joined before the state above goes
};

} // namespace kiosk::platform
