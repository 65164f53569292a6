#include "os/FileStreaming.hpp"

#include "os/FaultInjection.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
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

std::string errnoText(int number) {
    return std::strerror(number);
}

// EFBIG: the file system (or a file size limit) cannot hold a file this big; for the installer
// that is the same as a full disk.
bool isNoSpace(int number) {
    return number == ENOSPC || number == EDQUOT || number == EFBIG;
}

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

// Moves the next bytes of the copy inside the kernel (copy_file_range, within one file system,
// as cp does): they never pass through this process. Nothing when the kernel cannot copy
// between these two files (another file system: EXDEV); read() and write() then take over
// from the same file positions.
std::optional<std::size_t> copyInKernel(const FileDescriptor& source, const FileDescriptor& destination,
                                        std::size_t size, const CopyRequest& request) {
    while (true) {
        const ssize_t result = ::copy_file_range(source.get(), nullptr, destination.get(), nullptr, size, 0);
        if (result >= 0)
            return static_cast<std::size_t>(result);
        switch (errno) {
        case EINTR:
            continue;
        case EXDEV:
        case EINVAL:
        case ENOSYS:
        case EOPNOTSUPP:
        case EPERM:
        case ETXTBSY:
            return std::nullopt;
        default:
            break;
        }
        if (isNoSpace(errno))
            throw NoSpaceError("no space left for " + request.destination.string());
        // The kernel does not say which side failed; a stick being pulled is the likely one.
        throw SourceReadError("cannot copy " + request.source.string() + ": " + errnoText(errno));
    }
}

} // namespace

FileDescriptor openRegularFileForReading(const std::filesystem::path& path) {
    FileDescriptor file = openSource(path);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode))
        throw SourceReadError("not a regular file: " + path.string());
    return file;
}

void readExactlyAt(const FileDescriptor& file, std::uint64_t offset, std::span<std::uint8_t> buffer,
                   const std::filesystem::path& path) {
    std::size_t filled = 0;
    while (filled < buffer.size()) {
        const ssize_t result = ::pread(file.get(), buffer.data() + filled, buffer.size() - filled,
                                       static_cast<off_t>(offset + filled));
        if (result < 0) {
            if (errno == EINTR)
                continue;
            throw SourceReadError("cannot read " + path.string() + ": " + errnoText(errno));
        }
        if (result == 0)
            throw SourceReadError(path.string() + " ended early");
        filled += static_cast<std::size_t>(result);
    }
}

void copyFileDurably(const CopyRequest& request) {
    const FileDescriptor source = openSource(request.source);
    struct stat sourceInfo {};
    if (::fstat(source.get(), &sourceInfo) != 0)
        throw SourceReadError("cannot examine " + request.source.string() + ": " + errnoText(errno));
    if (!S_ISREG(sourceInfo.st_mode) ||
        static_cast<std::uint64_t>(sourceInfo.st_size) != request.expectedBytes)
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

    // Writing back while copying overlaps the stick's reads with the data disk's writes. When
    // both files are on one device the two compete instead: early writes only slow the reads
    // down, and the final fsync (beside the installer's checks) is the better time for them.
    struct stat destinationInfo {};
    const bool writeBackWhileCopying =
        ::fstat(destination.get(), &destinationInfo) != 0 || destinationInfo.st_dev != sourceInfo.st_dev;

    const std::size_t chunkBytes = std::max<std::size_t>(request.chunkBytes, 4096);
    bool kernelCopies = true;
    std::vector<std::uint8_t> buffer; // only once the kernel cannot copy
    CopyProgress progress{0, request.expectedBytes};
    std::uint64_t writebackStart = 0;
    while (progress.bytesDone < request.expectedBytes) {
        const std::size_t wanted = static_cast<std::size_t>(
            std::min<std::uint64_t>(chunkBytes, request.expectedBytes - progress.bytesDone));
        std::size_t moved = 0;
        while (moved < wanted) {
            std::optional<std::size_t> got;
            if (kernelCopies) {
                durableOperation("write", request.destination);
                got = copyInKernel(source, destination, wanted - moved, request);
                kernelCopies = got.has_value();
            }
            if (!got) {
                buffer.resize(chunkBytes);
                got = readSome(source, buffer.data(), wanted - moved, request.source);
                writeAllOrThrow(destination, std::span(buffer.data(), *got), request.destination);
            }
            if (*got == 0)
                throw SourceReadError(request.source.string() +
                                      " ended early (was the USB stick pulled out?)");
            moved += *got;
        }
        progress.bytesDone += moved;
        if (writeBackWhileCopying && progress.bytesDone - writebackStart >= kWritebackWindowBytes) {
            ::sync_file_range(destination.get(), static_cast<off_t>(writebackStart),
                              static_cast<off_t>(progress.bytesDone - writebackStart), SYNC_FILE_RANGE_WRITE);
            writebackStart = progress.bytesDone;
        }
        if (request.onProgress && !request.onProgress(progress))
            throw CopyCancelled("copy of " + request.source.string() + " cancelled");
    }

    if (request.fsyncWhenDone)
        fsyncWithDirectory(destination, request.destination);
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

void evictFromPageCache(const std::filesystem::path& path) {
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.valid())
        return;
    ::fdatasync(file.get()); // dirty pages cannot be dropped
    ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_DONTNEED);
}

} // namespace kiosk::os
