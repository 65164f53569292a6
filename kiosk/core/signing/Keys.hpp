// Ed25519 keys of the pack signers. A key is known by its key id: the first 16 hex digits of
// the SHA-256 of its public key, short enough for staff to read out on the phone and to list
// in keys/revoked.txt.
#pragma once

#include "signing/SecretBytes.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace kiosk::signing {

inline constexpr std::size_t kPublicKeyBytes = 32; // crypto_sign_PUBLICKEYBYTES
inline constexpr std::size_t kSecretKeyBytes = 64; // crypto_sign_SECRETKEYBYTES (seed + public key)
inline constexpr std::size_t kSignatureBytes = 64; // crypto_sign_BYTES
inline constexpr std::size_t kKeyIdHexDigits = 16;

using PublicKeyBytes = std::array<std::uint8_t, kPublicKeyBytes>;

struct PublicKey {
    std::string keyId;
    PublicKeyBytes bytes{};
};

struct SecretKey {
    std::string keyId;
    PublicKeyBytes publicKey{};
    SecretBytes bytes{kSecretKeyBytes};
};

struct KeyPair {
    PublicKey publicKey;
    SecretKey secretKey;
};

KeyPair generateKeyPair();
// The same key pair for the same 32 seed bytes: for synthetic data that must come out alike
// on every run (stats/SampleExports). Never for a real kiosk's or signer's key.
inline constexpr std::size_t kSeedBytes = 32; // crypto_sign_SEEDBYTES
KeyPair keyPairFromSeed(const std::array<std::uint8_t, kSeedBytes>& seed);
std::string keyIdOf(const PublicKeyBytes& publicKey);
// True for 16 lowercase hex digits.
bool isWellFormedKeyId(const std::string& keyId);

} // namespace kiosk::signing
