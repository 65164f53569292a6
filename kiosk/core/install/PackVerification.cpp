#include "install/PackVerification.hpp"

#include "install/PackInspection.hpp"
#include "os/FileStatus.hpp"
#include "os/FileStreaming.hpp"
#include "signing/ChunkedSha256.hpp"

#include <algorithm>

namespace kiosk::install {

namespace {

// Hashing is the first part of the work, the content checks the rest.
constexpr double kHashShare = 0.4;

} // namespace

void checkSignatureAndKey(const signing::PackSignature& signature, const signing::TrustStore& trust,
                          const std::string& name) {
    const std::string& keyId = signature.fields.keyId;
    switch (trust.trustOf(keyId)) {
    case signing::KeyTrust::Revoked:
        throw Refusal(Reason::SignatureRevokedKey,
                      name + " is signed with key " + keyId + ", which is revoked");
    case signing::KeyTrust::Unknown:
        throw Refusal(Reason::SignatureUnknownKey,
                      name + " is signed with key " + keyId + ", which this kiosk does not trust");
    case signing::KeyTrust::Trusted:
        break;
    }
    if (!signing::verifyPackSignature(signature, *trust.trustedKey(keyId)))
        throw Refusal(Reason::SignatureInvalid, name + ": the signature does not match its fields (edited?)");
}

pack::PackIndex verifySignedPack(const VerificationRequest& request, const signing::PackSignature& signature,
                                 const signing::TrustStore& trust) {
    checkSignatureAndKey(signature, trust, request.name);
    const std::optional<os::FileStatus> status = os::linkStatus(request.packFile);
    if (!status || status->type != os::FileType::Regular)
        throw Refusal(Reason::FileNotRegular, request.name + " is not a plain file");
    if (status->size > request.maximumPackBytes)
        throw Refusal(Reason::FileTooLarge, request.name + " is " + std::to_string(status->size) +
                                                " bytes; the limit is " +
                                                std::to_string(request.maximumPackBytes));
    if (status->size != signature.fields.fileSize)
        throw Refusal(Reason::SignatureHashMismatch,
                      request.name + " is " + std::to_string(status->size) + " bytes but was signed at " +
                          std::to_string(signature.fields.fileSize) + " bytes (truncated or changed)");
    const auto report = [&](double fraction) { return !request.onProgress || request.onProgress(fraction); };
    // With the hash of the written file, hashing took place during the copy: the content
    // checks are all that is left to do.
    const double hashShare = request.hashOfWrittenFile ? 0.0 : kHashShare;
    StageStopwatch stopwatch(request.onStageTimed);
    std::string hash;
    if (request.hashOfWrittenFile) {
        hash = *request.hashOfWrittenFile;
    } else {
        try {
            hash = signing::chunkedSha256HexOfFile(request.packFile, [&](std::uint64_t done) {
                return report(hashShare * static_cast<double>(done) /
                              static_cast<double>(std::max<std::uint64_t>(status->size, 1)));
            });
        } catch (const os::CopyCancelled&) {
            throw Refusal(Reason::Cancelled, "checking the pack was cancelled");
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError, std::string("cannot read the pack: ") + error.what());
        }
        stopwatch.lap("checks: hash of the whole file (read back)");
    }
    if (hash != signature.fields.chunkedSha256)
        throw Refusal(Reason::SignatureHashMismatch,
                      request.name + " is not the file that was signed (its hash differs)");

    InspectionRequest inspection;
    inspection.pack = request.packFile;
    inspection.kioskVersion = request.kioskVersion;
    inspection.glyphs = request.glyphs;
    inspection.checkMetadata = [&](const pack::PackMetadata& metadata) {
        if (metadata.packId != signature.fields.packId ||
            metadata.packVersion != signature.fields.packVersion)
            throw Refusal(Reason::SignatureOtherPack, request.name + " holds " + metadata.packId +
                                                          " version " + std::to_string(metadata.packVersion) +
                                                          " but its signature is for " +
                                                          signature.fields.packId + " version " +
                                                          std::to_string(signature.fields.packVersion));
    };
    inspection.onProgress = [&](double fraction) { return report(hashShare + (1 - hashShare) * fraction); };
    inspection.onStageTimed = request.onStageTimed;
    // The hash of the whole file was just compared with the signed one, above.
    inspection.bytesMatchSignedHash = true;
    return inspectPack(inspection);
}

} // namespace kiosk::install
