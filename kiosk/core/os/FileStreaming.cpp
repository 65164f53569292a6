#include "os/FileStreaming.hpp"

#include "os/FaultInjection.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
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

void writeChunk(const FileDescriptor& file, std::span<const std::uint8_t> bytes, const std::filesystem::path& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        durableOperation("write", path);
        const ssize_t result = ::write(file.get(), bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR)
                continue;
            if (isNoSpace(errno))
                throw NoSpaceError("no space left for " + path.string());
            throw FileError("cannot write " + path.string() + ": " + errnoText(errno));
        }
        written += static_cast<std::size_t>(result);
    }
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
    std::vector<std::uint8_t> buffer(chunkBytes);
    CopyProgress progress{0, request.expectedBytes};
    std::uint64_t writebackStart = 0;
    while (progress.bytesDone < request.expectedBytes) {
        const std::size_t wanted =
            static_cast<std::size_t>(std::min<std::uint64_t>(chunkBytes, request.expectedBytes - progress.bytesDone));
        std::size_t filled = 0;
        while (filled < wanted) {
            const std::size_t got = readSome(source, buffer.data() + filled, wanted - filled, request.source);
            if (got == 0)
                throw SourceReadError(request.source.string() + " ended early (was the USB stick pulled out?)");
            filled += got;
        }
        writeChunk(destination, std::span(buffer.data(), filled), request.destination);
        progress.bytesDone += filled;
        if (progress.bytesDone - writebackStart >= kWritebackWindowBytes) {
            ::sync_file_range(destination.get(), static_cast<off_t>(writebackStart),
                              static_cast<off_t>(progress.bytesDone - writebackStart), SYNC_FILE_RANGE_WRITE);
            writebackStart = progress.bytesDone;
        }
        if (request.onProgress && !request.onProgress(progress))
            throw CopyCancelled("copy of " + request.source.string() + " cancelled");
    }

    durableOperation("fsync", request.destination);
    if (::fsync(destination.get()) != 0) {
        if (isNoSpace(errno))
            throw NoSpaceError("no space left for " + request.destination.string());
        throw FileError("cannot fsync " + request.destination.string() + ": " + errnoText(errno));
    }
    const std::filesystem::path directory = request.destination.parent_path();
    fsyncDirectory(directory.empty() ? std::filesystem::path(".") : directory);
    guard.complete();
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
