// Every check the kiosk makes on a pack's content before it will show it, each failure mapped
// to its own reason: the SQLite file itself (integrity), the format version and the kiosk
// version it needs, the schema (exactly format version 1's tables, no triggers, views or
// virtual tables), every text (valid UTF-8, NFC, drawable by the kiosk's fonts), every page in
// every language (PackReader::validateAllPages) and every picture (size limits, hash, decodes
// within limits). The pack may be a file (the staged copy) or bytes in memory (the fuzzer).
//
// Run it only on a pack whose signature and hash have been checked: the checks are built for
// hostile files, but there is no reason to parse a file nobody vouched for.
#pragma once

#include "install/Reason.hpp"
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
    // Called with the fraction done, 0..1; returning false stops with Reason::Cancelled.
    std::function<bool(double)> onProgress;
};

// The pack's index when every check passes; throws Refusal otherwise.
pack::PackIndex inspectPack(const InspectionRequest& request);

} // namespace kiosk::install
