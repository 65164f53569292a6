// Signing keys: key ids, the public and secret key files, passphrase sealing.
#include "signing/KeyFiles.hpp"
#include "signing/Sha256.hpp"
#include "signing/SigningError.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::signing;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t found = text.find(from);
    REQUIRE(found != std::string::npos);
    text.replace(found, from.size(), to);
    return text;
}

std::string lineStartingWith(const std::string& text, const std::string& prefix) {
    const std::size_t start = text.find(prefix);
    REQUIRE(start != std::string::npos);
    return text.substr(start, text.find('\n', start) - start);
}

} // namespace

TEST_CASE("signing: a key id is the first 16 hex digits of the SHA-256 of the public key") {
    const KeyPair pair = generateKeyPair();
    CHECK(pair.publicKey.keyId == sha256Hex(pair.publicKey.bytes).substr(0, 16));
    CHECK(pair.secretKey.keyId == pair.publicKey.keyId);
    CHECK(isWellFormedKeyId(pair.publicKey.keyId));
    CHECK(generateKeyPair().publicKey.keyId != pair.publicKey.keyId);
    CHECK(!isWellFormedKeyId("0123456789ABCDEF"));
    CHECK(!isWellFormedKeyId("0123456789abcde"));
}

TEST_CASE("signing: a public key file reads back, comments and all, and a wrong key id is refused") {
    const KeyPair pair = generateKeyPair();
    const std::string text = formatPublicKeyFile(pair.publicKey, "Ủy ban xã An Phú, 2026");
    CHECK(text.starts_with("kiosk-public-key 1\n# Ủy ban xã An Phú, 2026\nkey-id: " + pair.publicKey.keyId +
                           "\n"));
    const PublicKey parsed = parsePublicKeyFile(text);
    CHECK(parsed.keyId == pair.publicKey.keyId);
    CHECK(parsed.bytes == pair.publicKey.bytes);

    const KeyPair other = generateKeyPair();
    CHECK_THROWS_AS(parsePublicKeyFile(replaced(text, pair.publicKey.keyId, other.publicKey.keyId)),
                    SigningError);
    CHECK_THROWS_AS(parsePublicKeyFile(replaced(text, "kiosk-public-key 1", "kiosk-public-key 2")),
                    SigningError);
    CHECK_THROWS_AS(parsePublicKeyFile(text + "extra: field\n"), SigningError);
    CHECK_THROWS_AS(parsePublicKeyFile(text + "key-id: " + pair.publicKey.keyId + "\n"), SigningError);
    CHECK_THROWS_AS(parsePublicKeyFile(""), SigningError);
    // Windows line ends are read the same.
    std::string windows;
    for (const char character : text)
        windows += character == '\n' ? std::string("\r\n") : std::string(1, character);
    CHECK(parsePublicKeyFile(windows).keyId == pair.publicKey.keyId);
}

TEST_CASE("signing: an unprotected secret key file reads back to the same key") {
    const KeyPair pair = generateKeyPair();
    const std::string text = formatSecretKeyFile(pair.secretKey, std::nullopt);
    CHECK(text.find("protection: none\n") != std::string::npos);
    CHECK(!secretKeyFileNeedsPassphrase(text));
    const SecretKey parsed = parseSecretKeyFile(text, std::nullopt);
    CHECK(parsed.keyId == pair.publicKey.keyId);
    CHECK(std::equal(parsed.bytes.data(), parsed.bytes.data() + parsed.bytes.size(),
                     pair.secretKey.bytes.data()));
    // The public half of one key with the secret half of another is refused.
    const KeyPair other = generateKeyPair();
    const std::string mixed =
        replaced(text, lineStartingWith(text, "secret-key: "),
                 lineStartingWith(formatSecretKeyFile(other.secretKey, std::nullopt), "secret-key: "));
    CHECK_THROWS_WITH_AS(parseSecretKeyFile(mixed, std::nullopt), "secret-key does not belong to public-key",
                         SigningError);
}

TEST_CASE("signing: a sealed secret key needs its passphrase") {
    const KeyPair pair = generateKeyPair();
    const std::string text = formatSecretKeyFile(pair.secretKey, std::string("bà con ơi"));
    CHECK(text.find("protection: argon2id-xsalsa20poly1305\n") != std::string::npos);
    CHECK(text.find("\nsecret-key: ") == std::string::npos);
    CHECK(secretKeyFileNeedsPassphrase(text));
    CHECK_THROWS_WITH_AS(parseSecretKeyFile(text, std::nullopt),
                         "this secret key is protected by a passphrase: set KIOSK_KEY_PASSPHRASE",
                         SigningError);
    CHECK_THROWS_WITH_AS(parseSecretKeyFile(text, std::string("ba con oi")),
                         "wrong passphrase (or a damaged key file)", SigningError);
    const SecretKey parsed = parseSecretKeyFile(text, std::string("bà con ơi"));
    CHECK(std::equal(parsed.bytes.data(), parsed.bytes.data() + parsed.bytes.size(),
                     pair.secretKey.bytes.data()));
    // Two sealings of one key differ (fresh salt and nonce).
    CHECK(formatSecretKeyFile(pair.secretKey, std::string("bà con ơi")) != text);
}
