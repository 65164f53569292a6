#include "signing/Sha256.hpp"

#include "os/FileStreaming.hpp"
#include "signing/Hex.hpp"
#include "signing/SigningError.hpp"

#include <array>
#include <openssl/evp.h>
#include <sodium.h>

namespace kiosk::signing {

namespace {

constexpr std::size_t kHashChunkBytes = 4u * 1024 * 1024;

} // namespace

void requireSodium() {
    if (sodium_init() < 0)
        throw SigningError("libsodium could not be initialised");
}

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const { EVP_MD_CTX_free(context); }

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
        throw SigningError("SHA-256 is not available");
}

void Sha256::update(std::span<const std::uint8_t> bytes) {
    if (EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()) != 1)
        throw SigningError("SHA-256 failed");
}

std::string Sha256::finishHex() {
    std::array<std::uint8_t, 32> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1 || length != digest.size())
        throw SigningError("SHA-256 failed");
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
