// Each kiosk signs its statistics exports with an Ed25519 key of its own, so that the office
// can tell its real exports from forged ones (issue 19: an export with a real kiosk's ids
// and a huge sequence froze that kiosk's statistics for good).
//
// The key is made at the kiosk's first start (<data>/stats-export.key, mode 0600) and never
// leaves it. Every header carries the public key and the signature of the header file's
// exact bytes with the signature itself left empty; the header names the CSV's SHA-256, so
// the signature covers the counts too. kiosk-stats merge pins the public key the first time
// it merges a kiosk (trust on first use) and from then on refuses that kiosk's exports when
// they are unsigned, altered or signed by another key.
//
// What it proves: an export that verifies against the pinned key was written by the kiosk
// (the SD card) whose export was merged first under that id, and not changed since. What it
// does not prove: that the first export merged under an id was genuine (a forgery merged
// before the real kiosk's first export pins the forger's key; then the real kiosk's exports
// are refused, loudly, and `kiosk-stats merge --accept-new-key ID` re-pins); that the counts
// are true (a kiosk whose software was changed signs whatever it counts); nor anything once
// the SD card, and with it the key, has been copied. A kiosk whose key file is lost or
// damaged makes a new key, and its exports are refused until the office accepts it.
#pragma once

#include "signing/Keys.hpp"
#include "stats/ExportFormat.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::stats {

inline constexpr std::string_view kExportKeyFileName = "stats-export.key";

// Reads <dataDirectory>/stats-export.key, or makes and stores a new key when there is none.
// A damaged key file is set aside (never deleted) and replaced. Nothing when the data folder
// cannot hold a key; `problem` says why, and exports then go out unsigned.
std::optional<signing::SecretKey> loadOrCreateExportKey(const std::filesystem::path& dataDirectory,
                                                        std::string& problem);

// The header file's text, signed: formatHeaderJson with the public key and its signature.
std::string formatSignedHeaderJson(ExportHeader header, const signing::SecretKey& key);

enum class HeaderSignature { Unsigned, Valid, Invalid };

// Checks a header file's text (as read) against the public key it names. Unsigned when the
// header has no key (a kiosk from before signing).
HeaderSignature checkHeaderSignature(std::string_view fileText, const ExportHeader& parsed);

} // namespace kiosk::stats
