#include "SigningCommands.hpp"

#include "CommandLine.hpp"
#include "PackBuilder.hpp"
#include "install/PackInspection.hpp"
#include "install/PackVerification.hpp"
#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/ChunkedSha256.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/SigningError.hpp"

#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

namespace kiosk::builder {

namespace {

constexpr std::uint64_t kMaximumKeyFileBytes = 4096;

// The usage lines of these commands; CommandLine.cpp prints them with the rest.
int usageError(std::ostream& errors, const std::string& problem) {
    errors << "kiosk-pack: " << problem << "\n(see kiosk-pack --help)\n";
    return kExitUsageError;
}

std::optional<std::string> passphraseFromEnvironment() {
    const char* value = std::getenv(kPassphraseVariable);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

// Options of the form `--name VALUE` (repeatable) and positional arguments.
struct ParsedArguments {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;
};

std::optional<ParsedArguments> parseArguments(std::span<const std::string> arguments,
                                              std::initializer_list<std::string_view> known,
                                              std::ostream& errors, int& exitCode) {
    ParsedArguments parsed;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        const std::string& argument = arguments[index];
        if (!argument.starts_with("-") || argument == "-") {
            parsed.positional.push_back(argument);
            continue;
        }
        if (std::find(known.begin(), known.end(), argument) == known.end()) {
            exitCode = usageError(errors, "unknown option '" + argument + "'");
            return std::nullopt;
        }
        if (index + 1 == arguments.size()) {
            exitCode = usageError(errors, argument + " needs a value");
            return std::nullopt;
        }
        parsed.options[argument].push_back(arguments[++index]);
    }
    return parsed;
}

std::optional<std::string> single(const ParsedArguments& parsed, const std::string& option) {
    const auto found = parsed.options.find(option);
    if (found == parsed.options.end() || found->second.empty())
        return std::nullopt;
    return found->second.back();
}

std::string signatureFileOf(const std::filesystem::path& pack) {
    return pack.string() + std::string(signing::kSignatureFileSuffix);
}

} // namespace

int runKeygen(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    int exitCode = kExitSuccess;
    const auto parsed = parseArguments(arguments, {"-o", "--output"}, errors, exitCode);
    if (!parsed)
        return exitCode;
    std::optional<std::string> name = single(*parsed, "-o");
    if (!name)
        name = single(*parsed, "--output");
    if (!name || !parsed->positional.empty())
        return usageError(errors, "keygen needs exactly: -o NAME");
    const std::filesystem::path secretFile = *name + ".key";
    const std::filesystem::path publicFile = *name + ".pub";
    for (const std::filesystem::path& file : {secretFile, publicFile})
        if (os::linkStatus(file)) {
            errors << "kiosk-pack: " << file.string()
                   << " already exists; nothing was written (a key is never "
                   << "overwritten: a lost secret key cannot be recovered)\n";
            return kExitFailure;
        }
    const std::optional<std::string> passphrase = passphraseFromEnvironment();
    const signing::KeyPair pair = signing::generateKeyPair();
    const std::string secretText = signing::formatSecretKeyFile(pair.secretKey, passphrase);
    // The secret key first: a public key without its secret half would be useless.
    os::writeFileAtomically(
        secretFile, std::span(reinterpret_cast<const std::uint8_t*>(secretText.data()), secretText.size()),
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    os::writeFileAtomically(
        publicFile,
        signing::formatPublicKeyFile(pair.publicKey, std::filesystem::path(*name).filename().string()));
    out << "wrote " << secretFile.string() << " (secret, mode 0600"
        << (passphrase ? ", sealed with the passphrase" : ", no passphrase") << ") and "
        << publicFile.string() << "\nkey id: " << pair.publicKey.keyId << "\n";
    return kExitSuccess;
}

int runSign(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    int exitCode = kExitSuccess;
    const auto parsed = parseArguments(arguments, {"--key", "-o", "--output", "--font"}, errors, exitCode);
    if (!parsed)
        return exitCode;
    const std::optional<std::string> keyFile = single(*parsed, "--key");
    if (parsed->positional.size() != 1 || !keyFile)
        return usageError(errors, "sign needs exactly: PACK.kpack --key NAME.key");
    const std::filesystem::path pack = parsed->positional.front();
    std::optional<std::string> output = single(*parsed, "-o");
    if (!output)
        output = single(*parsed, "--output");
    const std::filesystem::path signatureFile =
        output ? std::filesystem::path(*output) : std::filesystem::path(signatureFileOf(pack));

    try {
        const signing::SecretKey key = signing::parseSecretKeyFile(
            os::readTextFile(*keyFile, kMaximumKeyFileBytes), passphraseFromEnvironment());
        // Sign only what a kiosk would show: the same content checks it makes.
        const auto fonts = parsed->options.contains("--font")
                               ? std::vector<std::filesystem::path>(parsed->options.at("--font").begin(),
                                                                    parsed->options.at("--font").end())
                               : defaultFontFiles();
        const text::GlyphCoverage glyphs = text::GlyphCoverage::load(fonts);
        install::InspectionRequest inspection;
        inspection.pack = pack;
        inspection.glyphs = &glyphs;
        const pack::PackIndex index = install::inspectPack(inspection);
        const std::optional<os::FileStatus> status = os::linkStatus(pack);
        signing::SignedPackFields fields;
        fields.packId = index.metadata.packId;
        fields.packVersion = index.metadata.packVersion;
        fields.fileSize = status ? status->size : 0;
        fields.chunkedSha256 = signing::chunkedSha256HexOfFile(pack);
        const signing::PackSignature signature = signing::signPackFields(fields, key);
        os::writeFileAtomically(signatureFile, signing::formatSignatureFile(signature));
        out << "wrote " << signatureFile.string() << ": " << fields.packId << " version "
            << fields.packVersion << ", key " << key.keyId << "\n";
        return kExitSuccess;
    } catch (const install::Refusal& refusal) {
        errors << "kiosk-pack: not signed: a kiosk would refuse " << pack.string() << " ("
               << install::reasonCode(refusal.reason()) << "): " << refusal.what() << "\n";
    } catch (const std::exception& error) {
        errors << "kiosk-pack: not signed: " << error.what() << "\n";
    }
    return kExitFailure;
}

int runVerify(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    int exitCode = kExitSuccess;
    const auto parsed =
        parseArguments(arguments, {"--pubkey", "--keys", "--sig", "--font"}, errors, exitCode);
    if (!parsed)
        return exitCode;
    if (parsed->positional.size() != 1 ||
        (!parsed->options.contains("--pubkey") && !parsed->options.contains("--keys")))
        return usageError(errors,
                          "verify needs: PACK.kpack --pubkey NAME.pub (repeatable) or --keys KEYS_FOLDER");
    const std::filesystem::path pack = parsed->positional.front();
    const std::filesystem::path signatureFile = single(*parsed, "--sig").value_or(signatureFileOf(pack));

    auto refuse = [&](install::Reason reason, const std::string& detail) {
        out << "REFUSED " << install::reasonCode(reason) << ": " << detail << "\n";
        return kExitFailure;
    };
    try {
        signing::TrustStore trust;
        if (const auto folder = single(*parsed, "--keys"))
            trust = signing::TrustStore::loadFromDirectory(*folder);
        if (parsed->options.contains("--pubkey"))
            for (const std::string& file : parsed->options.at("--pubkey"))
                trust.addTrustedKey(
                    signing::parsePublicKeyFile(os::readTextFile(file, kMaximumKeyFileBytes)));
        for (const std::string& problem : trust.problems())
            errors << "kiosk-pack: warning: " << problem << "\n";

        if (!os::linkStatus(signatureFile))
            return refuse(install::Reason::SignatureMissing, "no signature file " + signatureFile.string());
        signing::PackSignature signature;
        try {
            signature = signing::parseSignatureFile(
                os::readTextFile(signatureFile, signing::kMaximumSignatureFileBytes));
        } catch (const signing::SignatureFormatTooOld& error) {
            return refuse(install::Reason::SignatureOldFormat, signatureFile.string() + ": " + error.what());
        } catch (const signing::SigningError& error) {
            return refuse(install::Reason::SignatureMalformed, signatureFile.string() + ": " + error.what());
        }
        const auto fonts = parsed->options.contains("--font")
                               ? std::vector<std::filesystem::path>(parsed->options.at("--font").begin(),
                                                                    parsed->options.at("--font").end())
                               : defaultFontFiles();
        const text::GlyphCoverage glyphs = text::GlyphCoverage::load(fonts);
        install::VerificationRequest request;
        request.packFile = pack;
        request.name = pack.filename().string();
        request.glyphs = &glyphs;
        const pack::PackIndex index = install::verifySignedPack(request, signature, trust);
        out << "OK: " << index.metadata.packId << " version " << index.metadata.packVersion
            << ", signed by key " << signature.fields.keyId << ", " << index.pages.size() << " pages\n";
        return kExitSuccess;
    } catch (const install::Refusal& refusal) {
        return refuse(refusal.reason(), refusal.what());
    } catch (const std::exception& error) {
        errors << "kiosk-pack: " << error.what() << "\n";
        return kExitFailure;
    }
}

} // namespace kiosk::builder
