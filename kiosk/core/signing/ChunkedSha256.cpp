#include "signing/ChunkedSha256.hpp"

#include "os/FileStatus.hpp"
#include "os/FileStreaming.hpp"
#include "signing/Hex.hpp"
#include "signing/Sha256.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::signing {

namespace {

// More helpers than this only wait for the copy (or the disk) on the boards the kiosk runs on.
constexpr unsigned kMaximumThreads = 4;

std::string hashOfDigests(std::span<const std::array<std::uint8_t, 32>> digests) {
    Sha256 hasher;
    for (const std::array<std::uint8_t, 32>& digest : digests)
        hasher.update(digest);
    return hasher.finishHex();
}

} // namespace

std::string chunkedSha256Hex(std::span<const std::uint8_t> bytes) {
    std::vector<std::array<std::uint8_t, 32>> digests;
    for (std::size_t offset = 0; offset < bytes.size(); offset += kPackHashChunkBytes) {
        Sha256 chunk;
        chunk.update(bytes.subspan(offset, std::min(kPackHashChunkBytes, bytes.size() - offset)));
        digests.push_back(chunk.finish());
    }
    return hashOfDigests(digests);
}

ChunkedFileHasher::ChunkedFileHasher(std::filesystem::path path, std::uint64_t totalBytes, unsigned threads)
    : path_(std::move(path)), totalBytes_(totalBytes),
      chunkCount_((totalBytes + kPackHashChunkBytes - 1) / kPackHashChunkBytes), digests_(chunkCount_) {
    if (threads == 0)
        threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMaximumThreads);
    threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, chunkCount_));
    for (unsigned index = 0; index < threads; ++index)
        workers_.emplace_back([this] { work(); });
}

ChunkedFileHasher::~ChunkedFileHasher() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (std::thread& worker : workers_)
        worker.join();
}

std::uint64_t ChunkedFileHasher::chunkEnd(std::uint64_t chunk) const {
    return std::min<std::uint64_t>((chunk + 1) * kPackHashChunkBytes, totalBytes_);
}

void ChunkedFileHasher::bytesWritten(std::uint64_t bytes) {
    // Opened by the writer's thread before any helper may read: the helpers only look at
    // file_ once bytesWritten_ says there is something to read, which is set under the lock.
    if (!file_.valid() && bytes > 0) {
        try {
            file_ = os::openRegularFileForReading(path_);
        } catch (const os::FileError& error) {
            // Not a SourceReadError: the writer's file, not its source, is missing.
            throw os::FileError(std::string("cannot hash what was written: ") + error.what());
        }
    }
    {
        const std::lock_guard lock(mutex_);
        bytesWritten_ = std::max(bytesWritten_, std::min(bytes, totalBytes_));
    }
    changed_.notify_all();
}

void ChunkedFileHasher::work() {
    std::vector<std::uint8_t> buffer(kPackHashChunkBytes);
    std::unique_lock lock(mutex_);
    while (true) {
        // Chunks are handed out in order, each once its last byte is written.
        changed_.wait(lock, [&] {
            return stopping_ || failure_ || nextChunk_ >= chunkCount_ ||
                   bytesWritten_ >= chunkEnd(nextChunk_);
        });
        if (stopping_ || failure_ || nextChunk_ >= chunkCount_)
            return;
        const std::uint64_t chunk = nextChunk_++;
        lock.unlock();
        const std::uint64_t start = chunk * kPackHashChunkBytes;
        const std::span<std::uint8_t> bytes(buffer.data(), static_cast<std::size_t>(chunkEnd(chunk) - start));
        try {
            os::readExactlyAt(file_, start, bytes, path_);
            Sha256 hasher;
            hasher.update(bytes);
            digests_[chunk] = hasher.finish(); // each helper writes only its own chunks
        } catch (...) {
            lock.lock();
            failure_ = std::current_exception();
            changed_.notify_all();
            return;
        }
        lock.lock();
        bytesHashed_ += bytes.size();
        changed_.notify_all();
    }
}

std::string ChunkedFileHasher::finishHex(const std::function<bool(std::uint64_t bytesHashed)>& onProgress) {
    std::unique_lock lock(mutex_);
    std::uint64_t reported = 0;
    while (true) {
        changed_.wait(lock,
                      [&] { return failure_ || bytesHashed_ == totalBytes_ || bytesHashed_ != reported; });
        if (failure_)
            std::rethrow_exception(failure_);
        if (bytesHashed_ != reported) {
            reported = bytesHashed_;
            if (onProgress) {
                lock.unlock();
                const bool goOn = onProgress(reported);
                lock.lock();
                if (!goOn)
                    throw os::CopyCancelled("hashing " + path_.string() + " cancelled");
            }
        }
        if (bytesHashed_ == totalBytes_)
            break;
    }
    // Every helper has finished its last chunk (bytesHashed_ counts them under the lock).
    return hashOfDigests(digests_);
}

std::string chunkedSha256HexOfFile(const std::filesystem::path& path,
                                   const std::function<bool(std::uint64_t bytesHashed)>& onProgress) {
    const std::optional<os::FileStatus> status = os::linkStatus(path);
    if (!status || status->type != os::FileType::Regular)
        throw os::SourceReadError("not a regular file: " + path.string());
    ChunkedFileHasher hasher(path, status->size);
    hasher.bytesWritten(status->size);
    return hasher.finishHex(onProgress);
}

} // namespace kiosk::signing
