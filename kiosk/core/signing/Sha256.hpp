// SHA-256 over a stream of bytes, for hashing packs of any size chunk by chunk. OpenSSL's
// libcrypto does the work: its SHA-256 uses the CPU's SHA instructions or hand-written
// assembly, about ten times faster than libsodium's portable C, and the installer hashes
// every byte of a pack twice (the whole file, then each picture).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

struct evp_md_ctx_st;

namespace kiosk::signing {

class Sha256 {
public:
    Sha256();
    void update(std::span<const std::uint8_t> bytes);
    // 64 lowercase hex digits. The hasher cannot be used afterwards.
    std::string finishHex();

private:
    struct ContextDeleter {
        void operator()(evp_md_ctx_st* context) const;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> context_;
};

std::string sha256Hex(std::span<const std::uint8_t> bytes);

// Hashes a whole file. `onProgress(bytesDone)` is called after every chunk; returning false
// stops and throws os::CopyCancelled. Throws os::FileError when the file cannot be read.
std::string sha256HexOfFile(const std::filesystem::path& path,
                            const std::function<bool(std::uint64_t bytesDone)>& onProgress = {});

} // namespace kiosk::signing
