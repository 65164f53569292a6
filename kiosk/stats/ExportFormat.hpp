// The export a kiosk leaves on a USB stick, and the rules for reading one back:
//
//   <stick>/kiosk/stats/<kiosk-id>/<sequence>.csv   cumulative counts, one row per counter
//   <stick>/kiosk/stats/<kiosk-id>/<sequence>.json  the header: who, when, which packs, checksum
//
// The CSV is written first and the header last, each atomically, so a header always
// describes a complete CSV (its SHA-256 is in the header: a stick pulled mid-copy shows up
// as a mismatch, never as silently short counts). Exports are cumulative: the newest one
// of a kiosk's counting database replaces every older one.
#pragma once

#include "signing/Keys.hpp"
#include "stats/CountKey.hpp"
#include "stats/PackCatalog.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats {

inline constexpr std::string_view exportFormatName = "commune-kiosk-stats";
inline constexpr std::int64_t exportFormatVersion = 1;
inline constexpr std::string_view countsCsvHeader =
    "date,boot,uptime_day,metric,subject,language,detail,count";

class ExportFormatError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ExportPeriod {
    std::string firstDay; // empty when no dated counts
    std::string lastDay;
    std::int64_t undatedRows = 0;
    std::int64_t firstBoot = 0; // 0 when no undated counts
    std::int64_t lastBoot = 0;
};

struct ExportHeader {
    std::string kioskId;
    std::string databaseId; // changes when a corrupt stats.db was set aside and counting restarted
    std::int64_t sequence = 0;
    std::string placeName;
    std::int64_t kioskVersion = 0;
    std::string exportedAt;  // local ISO time; empty when the clock was not trustworthy
    std::string clockStatus; // clockStatusName() at export time
    bool clockTrusted = false;
    ExportPeriod period;
    std::string countsFile;
    std::int64_t countsRows = 0;
    std::string countsSha256;
    std::vector<PackCatalog> installedPacks; // id and version
    std::vector<PackCatalog> catalog;        // every pack page the counts may name
    // The kiosk's own export key (stats/ExportSigning.hpp), 64 hex digits, and the Ed25519
    // signature of the header file, 128 hex digits. Both empty in exports of kiosks before
    // they signed; the signature is empty while the header is formatted for signing.
    std::string kioskPublicKey;
    std::string signature;
};

// One CSV row as the reader sees it; views point into the file text or a scratch buffer
// and are valid only during the callback.
struct CsvCount {
    std::optional<std::int64_t> dayNumber; // set for dated rows
    std::string_view date;
    std::int64_t boot = 0;
    std::int64_t uptimeDay = 0;
    std::string_view metric;
    std::string_view subject;
    std::string_view language;
    std::string_view detail;
    std::int64_t count = 0;
};

std::string formatCountsCsv(const CountTable& counts);
ExportPeriod periodOf(const CountTable& counts);
std::string formatHeaderJson(const ExportHeader& header);

// Throws ExportFormatError naming the line for anything malformed.
void parseCountsCsv(std::string_view text, const std::function<void(const CsvCount&)>& onRow);
// Throws ExportFormatError; `isForeign` distinguishes JSON that is not an export at all.
ExportHeader parseHeaderJson(std::string text, bool& isForeign);

std::string sha256Hex(std::string_view bytes);

struct WrittenExport {
    std::filesystem::path countsFile;
    std::filesystem::path headerFile;
    std::int64_t rows = 0;
};

// The folder one kiosk's exports go to: <stickKioskFolder>/stats/<kiosk-id>.
std::filesystem::path exportFolderFor(const std::filesystem::path& stickKioskFolder,
                                      const std::string& kioskId);
// Export sequences count the exports of one kiosk: one per stick plugged in, so even a
// busy kiosk stays far below this bound in its lifetime (a million a year for a thousand
// years). A number beyond it on a stick or in a header is not one a kiosk wrote, and
// accepting it would let the next export overflow (issue 19: 9223372036854775807.json).
inline constexpr std::int64_t kMaximumExportSequence = 1'000'000'000;
// How far one kiosk's numbering may move on between two exports that a reader sees. The
// kiosk numbers above the exports already on a stick, but not above one that claims more
// than this beyond its own last export (planted to make it skip ahead); kiosk-stats merge
// refuses an export this far beyond the kiosk's last merged one.
inline constexpr std::int64_t kMaximumExportSequenceStep = 1000;

// "<n>" as an export file names it: 1 to kMaximumExportSequence, plain digits, no leading zero.
std::optional<std::int64_t> parseExportSequence(std::string_view text);

// The highest <n> of an "<n>.csv" or "<n>.json" in <stickKioskFolder>/stats/<kioskId>,
// read without following links; 0 if none (or the folder is missing or not a plain folder).
std::int64_t highestSequenceIn(const std::filesystem::path& stickKioskFolder, const std::string& kioskId);

// Fills in the header's counts file, rows, checksum and period, then writes both files
// atomically (CSV first) into <stickKioskFolder>/stats/<kiosk-id>/, through
// os::ConfinedDirectory. Throws os::FileError (os::ConfinementError for a link, FIFO or
// mount on the way: nothing is written then).
// With `key`, the header is signed (stats/ExportSigning.hpp).
WrittenExport writeExport(const std::filesystem::path& stickKioskFolder, ExportHeader header,
                          const CountTable& counts, const signing::SecretKey* key = nullptr);
// The same for counts already formatted as CSV (the sample generator writes millions of rows).
WrittenExport writeExportText(const std::filesystem::path& stickKioskFolder, ExportHeader header,
                              const std::string& csv, std::int64_t rows, const ExportPeriod& period,
                              const signing::SecretKey* key = nullptr);

} // namespace kiosk::stats
