// Streaming big files: copying a pack from a USB stick into the data folder with progress,
// cancellation and fsync, and reading a file chunk by chunk (for hashing). A pack may be
// gigabytes on a board with 1 GiB of memory, so nothing here holds a whole file.
#pragma once

#include "os/FileSystem.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>

namespace kiosk::os {

// The source could not be read to the end: the stick was pulled, the file vanished, shrank or
// was replaced while we copied, or the medium reports an I/O error.
class SourceReadError : public FileError {
public:
    using FileError::FileError;
};

// The destination's file system is full or cannot hold a file this big (ENOSPC, EDQUOT, EFBIG).
class NoSpaceError : public FileError {
public:
    using FileError::FileError;
};

class CopyCancelled : public FileError {
public:
    using FileError::FileError;
};

struct CopyProgress {
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
};

struct CopyRequest {
    std::filesystem::path source;
    std::filesystem::path destination; // must not exist yet
    // The size found when the file was examined; a source of any other size is refused.
    std::uint64_t expectedBytes = 0;
    std::size_t chunkBytes = 4u * 1024 * 1024;
    // Called after every chunk, from the copying thread. Returning false cancels the copy.
    std::function<bool(const CopyProgress&)> onProgress;
};

// Copies exactly `expectedBytes` from `source` (opened without following links) into a new
// `destination`, reserves the space first, fsyncs the file and its directory. On any failure
// the destination is removed and SourceReadError, NoSpaceError, CopyCancelled or FileError
// is thrown: nothing half-written stays behind (unless the process itself dies, which is
// why the data folder's staging area is emptied at every start).
void copyFileDurably(const CopyRequest& request);

// Calls `onChunk` for each successive chunk of the file; stops early when it returns false.
// Throws FileError (SourceReadError for read failures).
void readFileInChunks(const std::filesystem::path& path, std::size_t chunkBytes,
                      const std::function<bool(std::span<const std::uint8_t>)>& onChunk);

// Asks the kernel to forget the file's cached pages (posix_fadvise DONTNEED), so the next read
// comes from the disk, as from a freshly plugged stick. For benchmarks; best effort.
void evictFromPageCache(const std::filesystem::path& path);

} // namespace kiosk::os
