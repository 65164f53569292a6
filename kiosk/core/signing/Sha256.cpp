#include "signing/Sha256.hpp"

#include "os/FileStreaming.hpp"
#include "signing/Hex.hpp"
#include "signing/SigningError.hpp"

#include <array>

namespace kiosk::signing {

namespace {

constexpr std::size_t kHashChunkBytes = 4u * 1024 * 1024;

} // namespace

void requireSodium() {
    if (sodium_init() < 0)
        throw SigningError("libsodium could not be initialised");
}

Sha256::Sha256() {
    requireSodium();
    crypto_hash_sha256_init(&state_);
}

void Sha256::update(std::span<const std::uint8_t> bytes) { crypto_hash_sha256_update(&state_, bytes.data(), bytes.size()); }

std::string Sha256::finishHex() {
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state_, digest.data());
    return toHex(digest);
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    Sha256 hasher;
    hasher.update(bytes);
    return hasher.finishHex();
}

std::string sha256HexOfFile(const std::filesystem::path& path,
                            const std::function<bool(std::uint64_t bytesDone)>& onProgress) {
    Sha256 hasher;
    std::uint64_t done = 0;
    bool cancelled = false;
    os::readFileInChunks(path, kHashChunkBytes, [&](std::span<const std::uint8_t> chunk) {
        hasher.update(chunk);
        done += chunk.size();
        if (onProgress && !onProgress(done)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (cancelled)
        throw os::CopyCancelled("hashing " + path.string() + " cancelled");
    return hasher.finishHex();
}

} // namespace kiosk::signing
