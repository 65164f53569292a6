// SHA-256 over a stream of bytes (libsodium), for hashing packs of any size chunk by chunk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>

#include <sodium.h>

namespace kiosk::signing {

class Sha256 {
public:
    Sha256();
    void update(std::span<const std::uint8_t> bytes);
    // 64 lowercase hex digits. The hasher cannot be used afterwards.
    std::string finishHex();

private:
    crypto_hash_sha256_state state_{};
};

std::string sha256Hex(std::span<const std::uint8_t> bytes);

// Hashes a whole file. `onProgress(bytesDone)` is called after every chunk; returning false
// stops and throws os::CopyCancelled. Throws os::FileError when the file cannot be read.
std::string sha256HexOfFile(const std::filesystem::path& path,
                            const std::function<bool(std::uint64_t bytesDone)>& onProgress = {});

} // namespace kiosk::signing
