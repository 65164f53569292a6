// stats.db: the kiosk's own counts, settings and the catalog of the packs it has shown.
// WAL with synchronous=FULL: a commit is on the SD card when it returns (one WAL append
// and one fsync), so a power cut loses only what was never committed. A file that SQLite
// finds corrupt is set aside (renamed with its -wal and -shm, never deleted) and a fresh
// one is started: statistics must never stop the kiosk.
#pragma once

#include "db/Database.hpp"
#include "stats/CountKey.hpp"
#include "stats/PackCatalog.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats {

class StoreError : public std::runtime_error {
  public:
    StoreError(const std::string& message, bool corrupt) : std::runtime_error(message), corrupt_(corrupt) {}
    // True when the file itself is damaged (as opposed to a full disk or a permission problem).
    bool isCorruption() const { return corrupt_; }

  private:
    bool corrupt_;
};

class StatsStore {
  public:
    // Opens or creates the database. A corrupt or foreign file is set aside first; any
    // other failure (unwritable directory, full disk) throws StoreError.
    static StatsStore open(const std::filesystem::path& path);

    StatsStore(StatsStore&&) noexcept = default;
    StatsStore& operator=(StatsStore&&) noexcept = default;

    // Where a damaged file was moved when this store was opened, if one was.
    const std::optional<std::filesystem::path>& setAsidePath() const { return setAsidePath_; }
    const std::filesystem::path& path() const { return path_; }
    // Random, made with the file: tells a restarted count apart from the one set aside.
    const std::string& databaseId() const { return databaseId_; }

    // Adds every count in one transaction (all or nothing).
    void addCounts(const CountTable& counts);
    CountTable readCounts() const;

    std::optional<std::string> setting(std::string_view key) const;
    void setSetting(std::string_view key, std::string_view value);

    // Marks exactly `packs` as installed and remembers their catalogs; pages and
    // categories of earlier versions are kept so older counts stay readable.
    void rememberInstalledPacks(const std::vector<PackCatalog>& packs);
    bool holdsCatalog(const std::vector<PackCatalog>& packs) const; // nothing to remember
    std::vector<PackCatalog> installedPacks() const;                // id and version only
    std::vector<PackCatalog> knownCatalog() const;                  // everything ever installed

  private:
    StatsStore(db::Database database, std::filesystem::path path)
        : database_(std::move(database)), path_(std::move(path)) {}
    void prepareSchema();
    template <typename Action> auto guarded(const char* what, Action&& action) const;

    mutable db::Database database_;
    std::filesystem::path path_;
    std::string databaseId_;
    std::optional<std::filesystem::path> setAsidePath_;
};

} // namespace kiosk::stats
