#include "signing/Sha256.hpp"

#include "signing/Hex.hpp"
#include "signing/SigningError.hpp"

#include <array>
#include <openssl/evp.h>
#include <sodium.h>

namespace kiosk::signing {

void requireSodium() {
    if (sodium_init() < 0)
        throw SigningError("libsodium could not be initialised");
}

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const {
    EVP_MD_CTX_free(context);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
        throw SigningError("SHA-256 is not available");
}

void Sha256::update(std::span<const std::uint8_t> bytes) {
    if (EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()) != 1)
        throw SigningError("SHA-256 failed");
}

std::array<std::uint8_t, 32> Sha256::finish() {
    std::array<std::uint8_t, 32> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1 || length != digest.size())
        throw SigningError("SHA-256 failed");
    return digest;
}

std::string Sha256::finishHex() {
    return toHex(finish());
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    Sha256 hasher;
    hasher.update(bytes);
    return hasher.finishHex();
}

} // namespace kiosk::signing
