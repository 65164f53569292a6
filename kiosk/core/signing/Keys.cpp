#include "signing/Keys.hpp"

#include "signing/Sha256.hpp"
#include "signing/SigningError.hpp"

#include <algorithm>
#include <sodium.h>

namespace kiosk::signing {

static_assert(kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

KeyPair generateKeyPair() {
    requireSodium();
    KeyPair pair;
    if (crypto_sign_keypair(pair.publicKey.bytes.data(), pair.secretKey.bytes.data()) != 0)
        throw SigningError("cannot generate a key pair");
    pair.publicKey.keyId = keyIdOf(pair.publicKey.bytes);
    pair.secretKey.keyId = pair.publicKey.keyId;
    pair.secretKey.publicKey = pair.publicKey.bytes;
    return pair;
}

KeyPair keyPairFromSeed(const std::array<std::uint8_t, kSeedBytes>& seed) {
    requireSodium();
    static_assert(kSeedBytes == crypto_sign_SEEDBYTES);
    KeyPair pair;
    if (crypto_sign_seed_keypair(pair.publicKey.bytes.data(), pair.secretKey.bytes.data(), seed.data()) != 0)
        throw SigningError("cannot derive a key pair");
    pair.publicKey.keyId = keyIdOf(pair.publicKey.bytes);
    pair.secretKey.keyId = pair.publicKey.keyId;
    pair.secretKey.publicKey = pair.publicKey.bytes;
    return pair;
}

std::string keyIdOf(const PublicKeyBytes& publicKey) {
    return sha256Hex(publicKey).substr(0, kKeyIdHexDigits);
}

bool isWellFormedKeyId(const std::string& keyId) {
    return keyId.size() == kKeyIdHexDigits && std::all_of(keyId.begin(), keyId.end(), [](char digit) {
               return (digit >= '0' && digit <= '9') || (digit >= 'a' && digit <= 'f');
           });
}

} // namespace kiosk::signing
