// The hash a pack's signature covers (signature format 2): SHA-256 over the SHA-256 digests of
// the file's 1 MiB chunks, concatenated in order. The last chunk may be shorter; an empty
// file has no chunks, so its hash is the SHA-256 of nothing. In Python:
//
//     digests = b"".join(hashlib.sha256(data[i:i + 2**20]).digest() for i in range(0, len(data), 2**20))
//     hashlib.sha256(digests).hexdigest()
//
// One SHA-256 over a whole file runs on one core: 1.8 GB/s on a PC with SHA instructions, a
// few hundred MB/s on a Raspberry Pi 4, which has none, so it set the pace of every install.
// Chunks are hashed on all cores at once, and while the copy is still being written. Changing
// any byte changes its chunk's digest and so the result; the signed file size fixes how many
// chunks there are.
#pragma once

#include "os/FileSystem.hpp"

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::signing {

inline constexpr std::size_t kPackHashChunkBytes = 1024 * 1024;

// The hash of bytes in memory, on the calling thread.
std::string chunkedSha256Hex(std::span<const std::uint8_t> bytes);

// Hashes a file of a known size as it is being written: helper threads read each chunk back
// from the file (pread) as soon as the writer says it is there. The file is opened at the
// first bytesWritten() call.
class ChunkedFileHasher {
  public:
    // `threads` 0: one per core, at most four.
    ChunkedFileHasher(std::filesystem::path path, std::uint64_t totalBytes, unsigned threads = 0);
    ChunkedFileHasher(const ChunkedFileHasher&) = delete;
    ChunkedFileHasher& operator=(const ChunkedFileHasher&) = delete;
    // Stops the helpers without waiting for chunks that were never written.
    ~ChunkedFileHasher();

    // Everything before `bytes` is in the file now. Throws os::FileError when the file cannot
    // be opened.
    void bytesWritten(std::uint64_t bytes);
    // Waits for every chunk and returns the hash in 64 lowercase hex digits. The writer may
    // still be writing (on another thread), but must get to the end. `onProgress(bytesHashed)` is called on
    // this thread as chunks finish; returning false stops and throws os::CopyCancelled. Rethrows what a
    // helper ran into (os::SourceReadError when the file ended early or could not be read).
    std::string finishHex(const std::function<bool(std::uint64_t bytesHashed)>& onProgress = {});

  private:
    void work();
    std::uint64_t chunkEnd(std::uint64_t chunk) const;

    const std::filesystem::path path_;
    const std::uint64_t totalBytes_;
    const std::uint64_t chunkCount_;
    os::FileDescriptor file_;
    std::vector<std::array<std::uint8_t, 32>> digests_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t bytesWritten_ = 0;
    std::uint64_t nextChunk_ = 0;
    std::uint64_t bytesHashed_ = 0; // all hashed when it reaches totalBytes_
    std::exception_ptr failure_;
    bool stopping_ = false;
    std::vector<std::thread> workers_; // last: started once everything they use exists
};

// The hash of a whole file, on all cores. `onProgress` as for ChunkedFileHasher::finishHex.
// Throws os::FileError (os::SourceReadError) when the file cannot be read.
std::string chunkedSha256HexOfFile(const std::filesystem::path& path,
                                   const std::function<bool(std::uint64_t bytesHashed)>& onProgress = {});

} // namespace kiosk::signing
