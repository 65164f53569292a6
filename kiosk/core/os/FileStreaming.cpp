#include "os/FileStreaming.hpp"

#include "os/FaultInjection.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace kiosk::os {

namespace {

// Start writing back every few megabytes while the copy goes on, so the final fsync does not
// have to push hundreds of megabytes at once (and the reads from the stick overlap the writes).
constexpr std::uint64_t kWritebackWindowBytes = 8u * 1024 * 1024;

std::string errnoText(int number) { return std::strerror(number); }

// EFBIG: the file system (or a file size limit) cannot hold a file this big; for the installer
// that is the same as a full disk.
bool isNoSpace(int number) { return number == ENOSPC || number == EDQUOT || number == EFBIG; }

FileDescriptor openSource(const std::filesystem::path& path) {
    // O_NONBLOCK: should the file have been swapped for a FIFO since it was examined, opening
    // it must not wait for a writer that never comes.
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        throw SourceReadError("cannot open " + path.string() + ": " + errnoText(errno));
    return FileDescriptor(fd);
}

std::size_t readSome(const FileDescriptor& file, std::uint8_t* buffer, std::size_t size,
                     const std::filesystem::path& path) {
    while (true) {
        const ssize_t result = ::read(file.get(), buffer, size);
        if (result >= 0)
            return static_cast<std::size_t>(result);
        if (errno == EINTR)
            continue;
        throw SourceReadError("cannot read " + path.string() + ": " + errnoText(errno));
    }
}

// Fsyncs an open file (a full disk may only show here, with delayed allocation), then its folder.
void fsyncWithDirectory(const FileDescriptor& file, const std::filesystem::path& path) {
    durableOperation("fsync", path);
    if (::fsync(file.get()) != 0) {
        if (isNoSpace(errno))
            throw NoSpaceError("no space left for " + path.string());
        throw FileError("cannot fsync " + path.string() + ": " + errnoText(errno));
    }
    const std::filesystem::path directory = path.parent_path();
    fsyncDirectory(directory.empty() ? std::filesystem::path(".") : directory);
}

// Removes a partly written destination however the copy ends, unless it completed.
class PartialFileGuard {
public:
    explicit PartialFileGuard(const std::filesystem::path& path) : path_(path) {}
    PartialFileGuard(const PartialFileGuard&) = delete;
    PartialFileGuard& operator=(const PartialFileGuard&) = delete;
    ~PartialFileGuard() {
        if (!completed_) {
            try {
                removeFileDurably(path_);
            } catch (...) {
                // Start-up cleans the staging area anyway; the original error matters more.
            }
        }
    }
    void complete() { completed_ = true; }

private:
    std::filesystem::path path_;
    bool completed_ = false;
};

// Runs CopyRequest::onChunkWritten on a helper thread, so that looking at the bytes (hashing
// them) overlaps reading and writing the next chunk instead of adding to it. Chunks are seen
// strictly in order. The copying thread alternates between two buffers and, before it refills
// one, waits until the helper is done with it (rarely: hashing is faster than copying).
class ChunkObserver {
public:
    explicit ChunkObserver(const std::function<void(std::span<const std::uint8_t>)>& observe)
        : observe_(observe), worker_([this] { work(); }) {}
    ChunkObserver(const ChunkObserver&) = delete;
    ChunkObserver& operator=(const ChunkObserver&) = delete;
    // Stops without looking at what is still queued (the copy failed) and waits for the helper,
    // so no buffer is freed while it is being read.
    ~ChunkObserver() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }

    // `bytes` must stay unchanged until waitUntilAtMost says the helper is done with it.
    void submit(std::span<const std::uint8_t> bytes) {
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(bytes);
        }
        changed_.notify_all();
    }

    // Blocks until at most `pending` submitted chunks are still queued or being looked at;
    // rethrows what onChunkWritten threw.
    void waitUntilAtMost(std::size_t pending) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return failure_ || queue_.size() <= pending; });
        if (failure_)
            std::rethrow_exception(failure_);
    }

private:
    void work() {
        std::unique_lock lock(mutex_);
        while (true) {
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_)
                return;
            // The front stays queued while it is looked at: that is what keeps its buffer busy.
            const std::span<const std::uint8_t> bytes = queue_.front();
            lock.unlock();
            try {
                observe_(bytes);
            } catch (...) {
                lock.lock();
                failure_ = std::current_exception();
                changed_.notify_all();
                return;
            }
            lock.lock();
            queue_.pop_front();
            changed_.notify_all();
        }
    }

    const std::function<void(std::span<const std::uint8_t>)>& observe_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::span<const std::uint8_t>> queue_;
    std::exception_ptr failure_;
    bool stopping_ = false;
    std::thread worker_; // last: started once everything it uses exists
};

} // namespace

void copyFileDurably(const CopyRequest& request) {
    const FileDescriptor source = openSource(request.source);
    struct stat info {};
    if (::fstat(source.get(), &info) != 0)
        throw SourceReadError("cannot examine " + request.source.string() + ": " + errnoText(errno));
    if (!S_ISREG(info.st_mode) || static_cast<std::uint64_t>(info.st_size) != request.expectedBytes)
        throw SourceReadError(request.source.string() + " changed since it was found");
    ::posix_fadvise(source.get(), 0, 0, POSIX_FADV_SEQUENTIAL);

    durableOperation("create", request.destination);
    FileDescriptor destination(
        ::open(request.destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!destination.valid()) {
        if (isNoSpace(errno))
            throw NoSpaceError("no space left for " + request.destination.string());
        throw FileError("cannot create " + request.destination.string() + ": " + errnoText(errno));
    }
    PartialFileGuard guard(request.destination);

    // Reserving the whole size first turns a full disk into an immediate, clean refusal
    // instead of a failure after minutes of copying.
    if (request.expectedBytes > 0) {
        durableOperation("reserve", request.destination);
        const int reserveResult =
            ::posix_fallocate(destination.get(), 0, static_cast<off_t>(request.expectedBytes));
        if (isNoSpace(reserveResult))
            throw NoSpaceError("no space left for " + request.destination.string());
        // Other errors (a file system without fallocate) just mean no reservation.
    }

    const std::size_t chunkBytes = std::max<std::size_t>(request.chunkBytes, 4096);
    // A second buffer only when a helper looks at the chunks: it reads one while the next is filled.
    std::vector<std::vector<std::uint8_t>> buffers(request.onChunkWritten ? 2 : 1, std::vector<std::uint8_t>(chunkBytes));
    // After the buffers, so that it is gone (its thread joined) before they are freed.
    std::optional<ChunkObserver> observer;
    if (request.onChunkWritten)
        observer.emplace(request.onChunkWritten);
    CopyProgress progress{0, request.expectedBytes};
    std::uint64_t writebackStart = 0;
    for (std::size_t chunk = 0; progress.bytesDone < request.expectedBytes; ++chunk) {
        std::vector<std::uint8_t>& buffer = buffers[chunk % buffers.size()];
        if (observer)
            observer->waitUntilAtMost(buffers.size() - 1); // the helper is done with this buffer
        const std::size_t wanted =
            static_cast<std::size_t>(std::min<std::uint64_t>(chunkBytes, request.expectedBytes - progress.bytesDone));
        std::size_t filled = 0;
        while (filled < wanted) {
            const std::size_t got = readSome(source, buffer.data() + filled, wanted - filled, request.source);
            if (got == 0)
                throw SourceReadError(request.source.string() + " ended early (was the USB stick pulled out?)");
            filled += got;
        }
        // Handed over before write(): both only read the buffer, and the hash overlaps the write.
        if (observer)
            observer->submit(std::span<const std::uint8_t>(buffer.data(), filled));
        writeAllOrThrow(destination, std::span(buffer.data(), filled), request.destination);
        progress.bytesDone += filled;
        if (progress.bytesDone - writebackStart >= kWritebackWindowBytes) {
            ::sync_file_range(destination.get(), static_cast<off_t>(writebackStart),
                              static_cast<off_t>(progress.bytesDone - writebackStart), SYNC_FILE_RANGE_WRITE);
            writebackStart = progress.bytesDone;
        }
        if (request.onProgress && !request.onProgress(progress))
            throw CopyCancelled("copy of " + request.source.string() + " cancelled");
    }

    if (request.fsyncWhenDone)
        fsyncWithDirectory(destination, request.destination);
    if (observer)
        observer->waitUntilAtMost(0); // the last chunk was looked at while the file was fsynced
    guard.complete();
}

BackgroundFsync::BackgroundFsync(std::filesystem::path file)
    : file_(std::move(file)), worker_([this] {
          try {
              FileDescriptor handle(::open(file_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
              if (!handle.valid())
                  throw FileError("cannot open " + file_.string() + " to fsync it: " + errnoText(errno));
              fsyncWithDirectory(handle, file_);
          } catch (...) {
              failure_ = std::current_exception();
          }
      }) {}

BackgroundFsync::~BackgroundFsync() {
    if (worker_.joinable())
        worker_.join();
}

void BackgroundFsync::wait() {
    if (worker_.joinable())
        worker_.join();
    if (failure_)
        std::rethrow_exception(std::exchange(failure_, nullptr));
}

void readFileInChunks(const std::filesystem::path& path, std::size_t chunkBytes,
                      const std::function<bool(std::span<const std::uint8_t>)>& onChunk) {
    const FileDescriptor file = openSource(path);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode))
        throw SourceReadError("not a regular file: " + path.string());
    ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    std::vector<std::uint8_t> buffer(std::max<std::size_t>(chunkBytes, 4096));
    while (true) {
        const std::size_t got = readSome(file, buffer.data(), buffer.size(), path);
        if (got == 0)
            return;
        if (!onChunk(std::span<const std::uint8_t>(buffer.data(), got)))
            return;
    }
}

void evictFromPageCache(const std::filesystem::path& path) {
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.valid())
        return;
    ::fdatasync(file.get()); // dirty pages cannot be dropped
    ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_DONTNEED);
}

} // namespace kiosk::os
