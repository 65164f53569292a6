#include "PictureDecoder.hpp"

#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::platform {

DecodedPicture decodePicture(const DecodeRequest& request) {
    DecodedPicture result;
    result.key = request.key;
    try {
        if (request.recordedSha256 && !pack::matchesRecordedHash(request.encoded, *request.recordedSha256))
            throw pack::PackError("the picture does not match its SHA-256: the pack is damaged");
        image::ImageLimits limits;
        limits.maximumSide = pack::kMaximumImageSide;
        image::RgbaImage decoded = image::decodeImage(request.encoded, limits);
        // A texture larger than the GPU allows would not be created at all (2048 on a Pi 3):
        // scale it down here, off the UI thread, rather than show nothing. 0: no limit.
        if (request.maximumSide > 0 && std::max(decoded.width, decoded.height) > request.maximumSide)
            decoded = image::fitWithin(decoded, request.maximumSide);
        result.image = std::move(decoded);
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    return result;
}

PictureDecoder::PictureDecoder(int threadCount) {
    for (int index = 0; index < threadCount; ++index)
        workers_.emplace_back([this](std::stop_token stop) { work(stop); });
}

PictureDecoder::~PictureDecoder() {
    for (std::jthread& worker : workers_)
        worker.request_stop();
    jobsChanged_.notify_all();
    workers_.clear(); // joins
}

void PictureDecoder::submit(DecodeRequest request) {
    if (workers_.empty()) {
        DecodedPicture decoded = decodePicture(request);
        const std::scoped_lock lock(mutex_);
        finished_.push_back(std::move(decoded));
        return;
    }
    {
        const std::scoped_lock lock(mutex_);
        queue_.push_back(QueuedJob{std::move(request), nextSequence_++});
    }
    jobsChanged_.notify_one();
}

void PictureDecoder::raisePriority(const PictureKey& key, std::int64_t priority) {
    const std::scoped_lock lock(mutex_);
    for (QueuedJob& job : queue_)
        if (job.request.key == key)
            job.request.priority = std::max(job.request.priority, priority);
}

std::vector<DecodedPicture> PictureDecoder::takeFinished() {
    const std::scoped_lock lock(mutex_);
    return std::exchange(finished_, {});
}

void PictureDecoder::waitUntilIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return isIdle(); });
}

bool PictureDecoder::waitUntilIdleFor(std::chrono::milliseconds longest) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, longest, [this] { return isIdle(); });
}

std::optional<PictureDecoder::QueuedJob> PictureDecoder::takeMostUrgent() {
    if (queue_.empty())
        return std::nullopt;
    const auto mostUrgent =
        std::max_element(queue_.begin(), queue_.end(), [](const QueuedJob& a, const QueuedJob& b) {
            if (a.request.priority != b.request.priority)
                return a.request.priority < b.request.priority;
            return a.sequence > b.sequence;
        });
    QueuedJob job = std::move(*mostUrgent);
    queue_.erase(mostUrgent);
    return job;
}

void PictureDecoder::work(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (true) {
        if (!jobsChanged_.wait(lock, stop, [this] { return !queue_.empty(); }))
            return; // asked to stop
        std::optional<QueuedJob> job = takeMostUrgent();
        ++running_;
        lock.unlock();
        DecodedPicture decoded = decodePicture(job->request);
        lock.lock();
        --running_;
        finished_.push_back(std::move(decoded));
        if (isIdle())
            idle_.notify_all();
    }
}

} // namespace kiosk::platform
