#include "signing/PackSignature.hpp"

#include "signing/FieldFile.hpp"
#include "signing/Hex.hpp"
#include "signing/SigningError.hpp"

#include <algorithm>
#include <charconv>
#include <sodium.h>

namespace kiosk::signing {

namespace {

constexpr std::string_view kHeader = "kiosk-pack-signature 2";
// Format 1 signed one SHA-256 of the whole file, which only one core can compute.
constexpr std::string_view kFormerHeader = "kiosk-pack-signature 1";
// Versions and sizes are written without sign or leading zeros, so each has one spelling.
constexpr std::size_t kMaximumNumberDigits = 18;

std::uint64_t parseCanonicalNumber(const std::string& text, const char* field) {
    std::uint64_t value = 0;
    const bool leadingZero = text.size() > 1 && text.front() == '0';
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || text.size() > kMaximumNumberDigits || leadingZero || error != std::errc() ||
        end != text.data() + text.size())
        throw SigningError(std::string("field '") + field + "' is not a plain whole number");
    return value;
}

} // namespace

bool isWellFormedPackId(std::string_view packId) {
    return !packId.empty() && packId.size() <= 128 &&
           std::all_of(packId.begin(), packId.end(), [](char character) {
               return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                      (character >= '0' && character <= '9') || character == '.' || character == '-' ||
                      character == '_';
           });
}

std::string canonicalMessage(const SignedPackFields& fields) {
    std::string message(kHeader);
    message += "\nkey-id: " + fields.keyId;
    message += "\npack-id: " + fields.packId;
    message += "\npack-version: " + std::to_string(fields.packVersion);
    message += "\nfile-size: " + std::to_string(fields.fileSize);
    message += "\nchunked-sha256: " + fields.chunkedSha256 + "\n";
    return message;
}

PackSignature signPackFields(SignedPackFields fields, const SecretKey& key) {
    requireSodium();
    if (!isWellFormedPackId(fields.packId))
        throw SigningError("cannot sign: pack id '" + fields.packId.substr(0, 40) + "' is not well formed");
    if (fields.packVersion < 1)
        throw SigningError("cannot sign: pack version must be 1 or more");
    fields.keyId = key.keyId;
    PackSignature signature;
    signature.fields = std::move(fields);
    const std::string message = canonicalMessage(signature.fields);
    crypto_sign_detached(signature.signature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         key.bytes.data());
    return signature;
}

bool verifyPackSignature(const PackSignature& signature, const PublicKey& key) {
    requireSodium();
    if (signature.fields.keyId != key.keyId)
        return false;
    const std::string message = canonicalMessage(signature.fields);
    return crypto_sign_verify_detached(signature.signature.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       key.bytes.data()) == 0;
}

std::string formatSignatureFile(const PackSignature& signature) {
    return canonicalMessage(signature.fields) + "signature: " + toHex(signature.signature) + "\n";
}

PackSignature parseSignatureFile(std::string_view text) {
    if (text.starts_with(kFormerHeader) && text.substr(kFormerHeader.size()).find_first_of("\r\n") == 0)
        throw SignatureFormatTooOld(
            "this is a signature of format 1, made by an older kiosk-pack; sign the pack "
            "again with this version's kiosk-pack sign");
    const FieldFile file = FieldFile::parse(text, kHeader, false);
    const std::vector<std::string> expectedOrder = {"key-id",    "pack-id",        "pack-version",
                                                    "file-size", "chunked-sha256", "signature"};
    if (file.names() != expectedOrder)
        throw SigningError("expected the fields key-id, pack-id, pack-version, file-size, chunked-sha256, "
                           "signature in that order");
    PackSignature signature;
    SignedPackFields& fields = signature.fields;
    fields.keyId = file.required("key-id");
    if (!isWellFormedKeyId(fields.keyId))
        throw SigningError("key-id is not 16 lowercase hex digits");
    fields.packId = file.required("pack-id");
    if (!isWellFormedPackId(fields.packId))
        throw SigningError("pack-id is not well formed");
    const std::uint64_t version = parseCanonicalNumber(file.required("pack-version"), "pack-version");
    if (version < 1)
        throw SigningError("pack-version must be 1 or more");
    fields.packVersion = static_cast<std::int64_t>(version);
    fields.fileSize = parseCanonicalNumber(file.required("file-size"), "file-size");
    fields.chunkedSha256 = file.required("chunked-sha256");
    if (!fromHex(fields.chunkedSha256, 32))
        throw SigningError("chunked-sha256 is not 64 lowercase hex digits");
    const auto bytes = fromHex(file.required("signature"), kSignatureBytes);
    if (!bytes)
        throw SigningError("signature is not 128 lowercase hex digits");
    std::copy(bytes->begin(), bytes->end(), signature.signature.begin());
    return signature;
}

} // namespace kiosk::signing
