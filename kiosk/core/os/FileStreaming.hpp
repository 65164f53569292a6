// Streaming big files: copying a pack from a USB stick into the data folder with progress,
// cancellation and fsync, and reading a file at any offset (for hashing). A pack may be
// gigabytes on a board with 1 GiB of memory, so nothing here holds a whole file.
#pragma once

#include "os/FileSystem.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <span>
#include <thread>

namespace kiosk::os {

// The source could not be read to the end: the stick was pulled, the file vanished, shrank or
// was replaced while we copied, or the medium reports an I/O error.
class SourceReadError : public FileError {
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
    // Called after every chunk, from the copying thread, once the chunk is in the destination
    // (readable there by anyone, e.g. a hasher following the copy). Returning false cancels the copy.
    std::function<bool(const CopyProgress&)> onProgress;
    // false: the copy is complete but not yet durable; the caller must make it so (BackgroundFsync)
    // before relying on it surviving a power cut, e.g. before renaming it into place.
    bool fsyncWhenDone = true;
};

// Copies exactly `expectedBytes` from `source` (opened without following links) into a new
// `destination`, reserves the space first, fsyncs the file and its directory. Within one file
// system the kernel copies (copy_file_range, as cp does); between file systems, a USB stick
// and the data disk, read() and write() do. On any failure the destination is removed and
// SourceReadError, NoSpaceError, CopyCancelled or FileError is thrown: nothing half-written
// stays behind (unless the process itself dies, which is why the data folder's staging area
// is emptied at every start).
void copyFileDurably(const CopyRequest& request);

// Fsyncs a file, then its directory, on a helper thread, so that the caller can go on meanwhile:
// the installer checks its staged copy while the copy goes to the disk (reading it needs no
// fsync, the page cache holds the same bytes; renaming it into place does). The file must not
// be removed or renamed before wait() returned.
class BackgroundFsync {
  public:
    explicit BackgroundFsync(std::filesystem::path file);
    BackgroundFsync(const BackgroundFsync&) = delete;
    BackgroundFsync& operator=(const BackgroundFsync&) = delete;
    // Waits for the helper; a failure nobody asked about is dropped (the caller is already
    // failing for another reason).
    ~BackgroundFsync();
    // Returns once the file and its directory are durable; throws NoSpaceError or FileError.
    void wait();

  private:
    std::filesystem::path file_;
    std::exception_ptr failure_;
    std::thread worker_; // last: started once everything it uses exists
};

// A regular file opened for reading, without following a link and without blocking on a FIFO
// put in its place. Throws SourceReadError.
FileDescriptor openRegularFileForReading(const std::filesystem::path& path);

// Fills `buffer` from `offset` on (pread; safe from several threads on one descriptor).
// Throws SourceReadError when the file cannot be read or ends before the buffer is full.
void readExactlyAt(const FileDescriptor& file, std::uint64_t offset, std::span<std::uint8_t> buffer,
                   const std::filesystem::path& path);

// Asks the kernel to forget the file's cached pages (posix_fadvise DONTNEED), so the next read
// comes from the disk, as from a freshly plugged stick. For benchmarks; best effort.
void evictFromPageCache(const std::filesystem::path& path);

} // namespace kiosk::os
