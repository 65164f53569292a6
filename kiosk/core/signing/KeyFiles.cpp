#include "signing/KeyFiles.hpp"

#include "signing/FieldFile.hpp"
#include "signing/Hex.hpp"
#include "signing/SigningError.hpp"

#include <charconv>
#include <sodium.h>

namespace kiosk::signing {

namespace {

constexpr std::string_view kPublicHeader = "kiosk-public-key 1";
constexpr std::string_view kSecretHeader = "kiosk-secret-key 1";
constexpr std::string_view kUnprotected = "none";
constexpr std::string_view kSealed = "argon2id-xsalsa20poly1305";

std::uint64_t parseWholeNumber(const std::string& text, const char* field) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw SigningError(std::string("field '") + field + "' is not a whole number");
    return value;
}

PublicKeyBytes parsePublicKeyBytes(const std::string& hex) {
    const auto bytes = fromHex(hex, kPublicKeyBytes);
    if (!bytes)
        throw SigningError("public-key is not 64 lowercase hex digits");
    PublicKeyBytes key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

void checkKeyId(const std::string& keyId, const PublicKeyBytes& publicKey) {
    if (keyId != keyIdOf(publicKey))
        throw SigningError("key-id does not belong to public-key");
}

// The key that seals the secret key, derived from the passphrase (Argon2id).
SecretBytes deriveSealingKey(const std::string& passphrase, std::span<const std::uint8_t> salt,
                             std::uint64_t opsLimit, std::uint64_t memoryLimit) {
    SecretBytes key(crypto_secretbox_KEYBYTES);
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > crypto_pwhash_OPSLIMIT_MAX ||
        memoryLimit < crypto_pwhash_MEMLIMIT_MIN || memoryLimit > (1ull << 32))
        throw SigningError("the key file's opslimit or memlimit is out of range");
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), opsLimit,
                      static_cast<std::size_t>(memoryLimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw SigningError("not enough memory to derive the key from the passphrase");
    return key;
}

} // namespace

std::string formatPublicKeyFile(const PublicKey& key, std::string_view comment) {
    std::string text(kPublicHeader);
    text += '\n';
    if (!comment.empty()) {
        text += "# ";
        for (const char character : comment)
            text += character == '\n' || character == '\r' ? ' ' : character;
        text += '\n';
    }
    text += "key-id: " + key.keyId + "\n";
    text += "public-key: " + toHex(key.bytes) + "\n";
    return text;
}

PublicKey parsePublicKeyFile(std::string_view text) {
    const FieldFile file = FieldFile::parse(text, kPublicHeader, true);
    file.requireOnly({"key-id", "public-key"});
    PublicKey key;
    key.keyId = file.required("key-id");
    key.bytes = parsePublicKeyBytes(file.required("public-key"));
    checkKeyId(key.keyId, key.bytes);
    return key;
}

std::string formatSecretKeyFile(const SecretKey& key, const std::optional<std::string>& passphrase) {
    requireSodium();
    std::string text(kSecretHeader);
    text += "\nkey-id: " + key.keyId + "\npublic-key: " + toHex(key.publicKey) + "\n";
    if (!passphrase) {
        text += "protection: " + std::string(kUnprotected) + "\n";
        text += "secret-key: " + toHex(key.bytes.view()) + "\n";
        return text;
    }
    std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
    std::array<std::uint8_t, crypto_secretbox_NONCEBYTES> nonce{};
    randombytes_buf(salt.data(), salt.size());
    randombytes_buf(nonce.data(), nonce.size());
    const std::uint64_t opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const std::uint64_t memoryLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    const SecretBytes sealingKey = deriveSealingKey(*passphrase, salt, opsLimit, memoryLimit);
    std::vector<std::uint8_t> sealed(key.bytes.size() + crypto_secretbox_MACBYTES);
    crypto_secretbox_easy(sealed.data(), key.bytes.data(), key.bytes.size(), nonce.data(), sealingKey.data());
    text += "protection: " + std::string(kSealed) + "\n";
    text += "salt: " + toHex(salt) + "\n";
    text += "opslimit: " + std::to_string(opsLimit) + "\n";
    text += "memlimit: " + std::to_string(memoryLimit) + "\n";
    text += "nonce: " + toHex(nonce) + "\n";
    text += "sealed-secret-key: " + toHex(sealed) + "\n";
    return text;
}

bool secretKeyFileNeedsPassphrase(std::string_view text) {
    try {
        const FieldFile file = FieldFile::parse(text, kSecretHeader, false);
        return file.has("protection") && file.required("protection") == kSealed;
    } catch (const SigningError&) {
        return false;
    }
}

SecretKey parseSecretKeyFile(std::string_view text, const std::optional<std::string>& passphrase) {
    requireSodium();
    const FieldFile file = FieldFile::parse(text, kSecretHeader, false);
    SecretKey key;
    key.keyId = file.required("key-id");
    key.publicKey = parsePublicKeyBytes(file.required("public-key"));
    checkKeyId(key.keyId, key.publicKey);
    const std::string& protection = file.required("protection");
    if (protection == kUnprotected) {
        file.requireOnly({"key-id", "public-key", "protection", "secret-key"});
        auto bytes = fromHex(file.required("secret-key"), kSecretKeyBytes);
        if (!bytes)
            throw SigningError("secret-key is not 128 lowercase hex digits");
        std::copy(bytes->begin(), bytes->end(), key.bytes.data());
        sodium_memzero(bytes->data(), bytes->size());
    } else if (protection == kSealed) {
        file.requireOnly({"key-id", "public-key", "protection", "salt", "opslimit", "memlimit", "nonce",
                          "sealed-secret-key"});
        if (!passphrase)
            throw SigningError("this secret key is protected by a passphrase: set KIOSK_KEY_PASSPHRASE");
        const auto salt = fromHex(file.required("salt"), crypto_pwhash_SALTBYTES);
        const auto nonce = fromHex(file.required("nonce"), crypto_secretbox_NONCEBYTES);
        const auto sealed =
            fromHex(file.required("sealed-secret-key"), kSecretKeyBytes + crypto_secretbox_MACBYTES);
        if (!salt || !nonce || !sealed)
            throw SigningError("the sealed secret key is damaged");
        const SecretBytes sealingKey =
            deriveSealingKey(*passphrase, *salt, parseWholeNumber(file.required("opslimit"), "opslimit"),
                             parseWholeNumber(file.required("memlimit"), "memlimit"));
        if (crypto_secretbox_open_easy(key.bytes.data(), sealed->data(), sealed->size(), nonce->data(),
                                       sealingKey.data()) != 0)
            throw SigningError("wrong passphrase (or a damaged key file)");
    } else {
        throw SigningError("unknown protection '" + protection.substr(0, 40) + "'");
    }
    // The secret key holds its public half; a file whose halves disagree was edited.
    if (!std::equal(key.publicKey.begin(), key.publicKey.end(), key.bytes.data() + crypto_sign_SEEDBYTES))
        throw SigningError("secret-key does not belong to public-key");
    return key;
}

} // namespace kiosk::signing
