// all.db: every kiosk's newest export, merged for reporting. One row in `exports` per
// (kiosk id, counting database); its counts are replaced wholesale when a newer export of
// the same pair arrives, which is what makes merging idempotent: exports are cumulative,
// so the newest one is the whole truth and an older or repeated one changes nothing.
//
// Each (metric, subject, language, detail) is stored once in `counter_keys` and referred to
// by id: a year of 1,000 kiosks is millions of rows. The view `readable_counts` shows
// everything as text.
#pragma once

#include "db/Database.hpp"
#include "stats/ExportFormat.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::stats {

struct StoredExport {
    std::int64_t exportId = 0;
    std::int64_t sequence = 0;
    std::string countsSha256;
};

// A kiosk's export key as first merged (trust on first use), and the header it came from.
struct PinnedKey {
    std::string publicKey; // 64 hex digits
    std::string pinnedFrom;
};

class MergedDatabase {
  public:
    static MergedDatabase open(const std::filesystem::path& path);
    // For the report: refuses a file that is not a merged statistics database.
    static MergedDatabase openExisting(const std::filesystem::path& path);

    std::optional<StoredExport> storedExport(const std::string& kioskId, const std::string& databaseId) const;
    // The highest sequence merged from this kiosk, over all its counting databases; 0 if none.
    std::int64_t highestSequenceOf(const std::string& kioskId) const;

    // The key this kiosk's exports must be signed with, once one of its signed exports is in.
    std::optional<PinnedKey> pinnedKey(const std::string& kioskId) const;

    // Replaces the counts of header's (kiosk, database) with `csvText`, in one transaction.
    // A signed header pins header.kioskPublicKey for a kiosk that has no key yet, and replaces
    // the pinned key only with `replacePinnedKey` (the merger decides that a new key is accepted).
    // Throws ExportFormatError (bad CSV, nothing changed) or db::DatabaseError.
    std::int64_t importExport(const ExportHeader& header, std::string_view csvText,
                              const std::string& sourcePath, bool replacePinnedKey = false);

    db::Database& database() { return database_; }
    const db::Database& database() const { return database_; }

  private:
    explicit MergedDatabase(db::Database database) : database_(std::move(database)) {}
    std::int64_t keyId(const CsvCount& row);

    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    db::Database database_;
    std::unordered_map<std::string, std::int64_t, TransparentHash, std::equal_to<>> keyIds_;
    std::vector<std::string> keysAddedInTransaction_;
    std::string keyText_;
    bool keysLoaded_ = false;
};

} // namespace kiosk::stats
