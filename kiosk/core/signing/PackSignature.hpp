// The detached signature of a pack, PACK.kpack.sig, a text file:
//
//     kiosk-pack-signature 2
//     key-id: 16 hex digits
//     pack-id: vn.commune.example
//     pack-version: 7
//     file-size: 123456789
//     chunked-sha256: 64 hex digits, the pack file's hash (signing/ChunkedSha256.hpp)
//     signature: 128 hex digits
//
// The signature is Ed25519 over the canonical message: the file's lines up to and including
// the chunked-sha256 line, exactly as above, each ending in "\n". Format 1 had a plain SHA-256
// of the whole file instead; such files are refused with a message that says to sign again. Pack id and
// version are signed with the hash so that a signature cannot be moved to another pack, and a pack cannot be
// presented as another version (a replayed older pack keeps its own, older, version).
#pragma once

#include "signing/Keys.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::signing {

inline constexpr std::string_view kSignatureFileSuffix = ".sig";
// A signature file is a few hundred bytes; anything bigger is not one.
inline constexpr std::uint64_t kMaximumSignatureFileBytes = 4096;

struct SignedPackFields {
    std::string keyId;
    std::string packId;
    std::int64_t packVersion = 0;
    std::uint64_t fileSize = 0;
    std::string chunkedSha256; // lowercase hex (signing/ChunkedSha256.hpp)

    bool operator==(const SignedPackFields&) const = default;
};

struct PackSignature {
    SignedPackFields fields;
    std::array<std::uint8_t, kSignatureBytes> signature{};
};

// The exact bytes that are signed.
std::string canonicalMessage(const SignedPackFields& fields);

// Signs `fields` (whose keyId is set from the key).
PackSignature signPackFields(SignedPackFields fields, const SecretKey& key);
// True when `signature` was made over its fields by `key`. Checks the key id too.
bool verifyPackSignature(const PackSignature& signature, const PublicKey& key);

std::string formatSignatureFile(const PackSignature& signature);
// Throws SigningError for anything but a well-formed format-2 signature file
// (SignatureFormatTooOld for a format-1 one).
PackSignature parseSignatureFile(std::string_view text);

// Pack ids: ASCII letters, digits, '.', '-' and '_', 1 to 128 characters.
bool isWellFormedPackId(std::string_view packId);

} // namespace kiosk::signing
