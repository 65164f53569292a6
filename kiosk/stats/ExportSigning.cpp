#include "stats/ExportSigning.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/Hex.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/SigningError.hpp"
#include "stats/KioskIdentity.hpp"

#include <sodium.h>

namespace kiosk::stats {

namespace {

// Domain separation: an export signature can never be taken for any other signed message.
constexpr std::string_view kSignedPrefix = "commune-kiosk-stats-export-v1\n";

std::string signedMessage(std::string_view unsignedHeaderText) {
    return std::string(kSignedPrefix) + std::string(unsignedHeaderText);
}

std::string signatureMember(std::string_view signatureHex) {
    return "\"signature\": \"" + std::string(signatureHex) + "\"";
}

} // namespace

std::optional<signing::SecretKey> loadOrCreateExportKey(const std::filesystem::path& dataDirectory,
                                                        std::string& problem) {
    const std::filesystem::path file = dataDirectory / std::string(kExportKeyFileName);
    try {
        if (os::linkStatus(file)) {
            try {
                return signing::parseSecretKeyFile(os::readTextFile(file, 4096), std::nullopt);
            } catch (const signing::SigningError& error) {
                const std::filesystem::path aside = setAsideNameFor(file, "damaged");
                os::renameDurably(file, aside, os::OnRenameFailure::KeepSource);
                problem = "the export key was damaged (" + std::string(error.what()) + "), set aside as " +
                          aside.filename().string() + ": a new key signs the exports from now on";
            }
        }
        signing::KeyPair pair = signing::generateKeyPair();
        const std::string text = signing::formatSecretKeyFile(pair.secretKey, std::nullopt);
        os::writeFileAtomically(file,
                                std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                                std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return std::move(pair.secretKey);
    } catch (const std::exception& error) {
        problem = std::string("no export key: ") + error.what();
        return std::nullopt;
    }
}

std::string formatSignedHeaderJson(ExportHeader header, const signing::SecretKey& key) {
    header.kioskPublicKey = signing::toHex(key.publicKey);
    header.signature.clear();
    const std::string message = signedMessage(formatHeaderJson(header));
    std::array<std::uint8_t, signing::kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), key.bytes.data());
    header.signature = signing::toHex(signature);
    return formatHeaderJson(header);
}

HeaderSignature checkHeaderSignature(std::string_view fileText, const ExportHeader& parsed) {
    if (parsed.kioskPublicKey.empty())
        return HeaderSignature::Unsigned;
    const auto publicKey = signing::fromHex(parsed.kioskPublicKey, signing::kPublicKeyBytes);
    const auto signature = signing::fromHex(parsed.signature, signing::kSignatureBytes);
    if (!publicKey || !signature)
        return HeaderSignature::Invalid;
    // The signed text is the file with its one signature blanked. The signature's 128 hex
    // digits occur once; twice would make "which one" a question, so that is refused too.
    const std::string member = signatureMember(parsed.signature);
    const std::size_t at = fileText.find(member);
    if (at == std::string_view::npos || fileText.find(member, at + 1) != std::string_view::npos)
        return HeaderSignature::Invalid;
    std::string unsignedText(fileText);
    unsignedText.replace(at, member.size(), signatureMember(""));
    const std::string message = signedMessage(unsignedText);
    if (sodium_init() < 0)
        return HeaderSignature::Invalid;
    return crypto_sign_verify_detached(signature->data(),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       publicKey->data()) == 0
               ? HeaderSignature::Valid
               : HeaderSignature::Invalid;
}

} // namespace kiosk::stats
