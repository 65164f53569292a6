// Checks a pack file against its detached signature and then its content: the trusted key,
// the Ed25519 signature, the signed size and hash of the whole file, that the pack inside is
// the pack id and version that were signed, and every content check (PackInspection). The
// installer runs it on the staged copy, never on the stick; `kiosk-pack verify` runs it too.
#pragma once

#include "install/Reason.hpp"
#include "install/StageTiming.hpp"
#include "pack/PackModel.hpp"
#include "signing/PackSignature.hpp"
#include "signing/TrustStore.hpp"
#include "text/GlyphCoverage.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kiosk::install {

// Throws Refusal (SignatureRevokedKey, SignatureUnknownKey, SignatureInvalid). `name` is how
// messages call the pack.
void checkSignatureAndKey(const signing::PackSignature& signature, const signing::TrustStore& trust,
                          const std::string& name);

struct VerificationRequest {
    std::filesystem::path packFile;
    std::string name; // for messages
    std::int64_t kioskVersion = KIOSK_VERSION_NUMBER;
    std::uint64_t maximumPackBytes = 2ull * 1024 * 1024 * 1024; // bigger: FileTooLarge, unread
    const text::GlyphCoverage* glyphs = nullptr;                // nullptr: the drawable-text check is skipped
    // 0..1; returning false stops with Reason::Cancelled. May be called from either of the
    // two checking threads (never from both at once).
    std::function<bool(double)> onProgress;
    // The hash (signing/ChunkedSha256.hpp) of `packFile`, computed while this process wrote
    // it into its own data folder (the installer's copy). The file is then not hashed a second
    // time (content-packs/SIGNING.md, "Why the copy is hashed while it is written"). Unset: the
    // file is hashed here.
    std::optional<std::string> hashOfWrittenFile;
    StageTimeSink onStageTimed; // bench-install: how long each part took
};

// The pack's index when everything holds; throws Refusal otherwise.
pack::PackIndex verifySignedPack(const VerificationRequest& request, const signing::PackSignature& signature,
                                 const signing::TrustStore& trust);

} // namespace kiosk::install
