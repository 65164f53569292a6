// Every check the kiosk makes on a pack's content before it will show it, each failure mapped
// to its own reason: the SQLite file itself (integrity), the format version and the kiosk
// version it needs, the schema (exactly format version 1's tables, no triggers, views or
// virtual tables), every text (valid UTF-8, NFC, drawable by the kiosk's fonts), every page in
// every language (PackReader::validateAllPages), every recording (PackReader::validateAllAudio:
// decodes within limits) and every picture (size limits, hash unless the signed hash of the
// whole file covers it, decodes within limits). The pack may be a file (the staged copy) or
// bytes in memory (the fuzzer).
//
// The checks run on two threads, each with its own read-only, defensive SQLite connection: one
// decodes pictures from the start, the other runs the integrity check and everything else and
// then helps with the pictures left. The refusal reported never depends on timing: a refusal
// of the other checks comes before one of the pictures, and among pictures the first bad one
// in id order is reported.
//
// Run it only on a pack whose signature and hash have been checked: the checks are built for
// hostile files, but there is no reason to parse a file nobody vouched for.
#pragma once

#include "install/Reason.hpp"
#include "install/StageTiming.hpp"
#include "pack/PackModel.hpp"
#include "text/GlyphCoverage.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <variant>

namespace kiosk::install {

struct InspectionRequest {
    // A file (opened read-only, defensively) or the bytes of one.
    std::variant<std::filesystem::path, std::span<const std::uint8_t>> pack;
    std::int64_t kioskVersion = KIOSK_VERSION_NUMBER;
    // nullptr: the drawable-text check is skipped.
    const text::GlyphCoverage* glyphs = nullptr;
    // Called once the pack's metadata is known, before the slow checks; may throw Refusal
    // (the installer compares the pack id and version with the signature here).
    std::function<void(const pack::PackMetadata&)> checkMetadata;
    // Called with the fraction done, 0..1, from either checking thread (never from both at
    // once); returning false stops with Reason::Cancelled.
    std::function<bool(double)> onProgress;
    // The time each part of the checks took (bench-install); called on the calling thread.
    StageTimeSink onStageTimed;
    // Set only when the hash of the whole file has just been found equal to the one in a
    // verified signature (verifySignedPack). Every byte of every picture is then exactly as
    // signed, so comparing each picture with its own SHA-256 column could not find anything
    // new: it is skipped (a picture with a flipped byte changes the whole file's hash and is
    // refused as signature-hash-mismatch before this). Nothing at run time uses that column,
    // and `kiosk-pack sign` checks it before it signs. The pictures are still read and checked
    // for size, header and a full decode within limits. Unset (`sign`, the fuzzer, a pack with
    // no signature): every picture's hash is checked.
    bool bytesMatchSignedHash = false;
};

// The pack's index when every check passes; throws Refusal otherwise.
pack::PackIndex inspectPack(const InspectionRequest& request);

} // namespace kiosk::install
