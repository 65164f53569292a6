#include "stats/StatsStore.hpp"

#include "os/FileSystem.hpp"
#include "os/SystemStatus.hpp"
#include "stats/KioskIdentity.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sqlite3.h>
#include <string_view>

namespace kiosk::stats {

namespace {

// 'KSTA': tells our file from any other SQLite database someone copied into place.
constexpr std::int64_t applicationId = 0x4B535441;
constexpr std::int64_t schemaVersion = 1;

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS counts(
  date TEXT NOT NULL, boot INTEGER NOT NULL, uptime_day INTEGER NOT NULL,
  metric TEXT NOT NULL, subject TEXT NOT NULL, language TEXT NOT NULL, detail TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (date, boot, uptime_day, metric, subject, language, detail)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS packs(pack_id TEXT PRIMARY KEY, version INTEGER NOT NULL, installed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pack_languages(pack_id TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (pack_id, code));
CREATE TABLE IF NOT EXISTS pack_categories(pack_id TEXT NOT NULL, category_id TEXT NOT NULL, title TEXT NOT NULL,
  PRIMARY KEY (pack_id, category_id));
CREATE TABLE IF NOT EXISTS pack_pages(pack_id TEXT NOT NULL, page_id TEXT NOT NULL, category_id TEXT NOT NULL,
  kind TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (pack_id, page_id));
)sql";

bool isCorruptionCode(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// The error code is gone by the time a Transaction has rolled back, so the message
// SQLite gave (stable wording since 3.0) is checked as well.
bool isCorruptionError(const db::Database& database, const db::DatabaseError& error) {
    const std::string_view message = error.what();
    return isCorruptionCode(sqlite3_errcode(database.handle())) ||
           message.find("database disk image is malformed") != std::string_view::npos ||
           message.find("file is not a database") != std::string_view::npos;
}

bool fileExists(const std::filesystem::path& path) {
    std::error_code ignored;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ignored));
}

std::filesystem::path withSuffix(const std::filesystem::path& path, const char* suffix) {
    std::filesystem::path result = path;
    result += suffix;
    return result;
}

// Moves the database and its WAL and shared-memory files aside together: a WAL left
// behind would be replayed into the fresh database.
std::filesystem::path setAside(const std::filesystem::path& path) {
    const std::filesystem::path target = setAsideNameFor(path, "corrupt");
    for (const char* suffix : {"-wal", "-shm", ""})
        if (fileExists(withSuffix(path, suffix)))
            os::renameDurably(withSuffix(path, suffix), withSuffix(target, suffix));
    return target;
}

struct CorruptFile {};

// Checked before SQLite opens the file: given a file that is not a database at all, SQLite
// may still reset the WAL beside it, and the WAL is part of what must be kept.
bool looksLikeSomethingElse(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error) || std::filesystem::file_size(path, error) == 0)
        return false;
    std::ifstream file(path, std::ios::binary);
    char header[16] = {};
    file.read(header, sizeof header);
    return !file || std::string_view(header, sizeof header) != std::string_view("SQLite format 3\0", 16);
}

db::Database openChecked(const std::filesystem::path& path) {
    db::Database database = db::Database::open(path, db::Database::Mode::ReadWriteCreate);
    try {
        database.execute("PRAGMA busy_timeout=5000");
        database.execute("PRAGMA journal_mode=WAL");
        database.execute("PRAGMA synchronous=FULL");
        auto check = database.prepare("PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok")
            throw CorruptFile{};
        auto identity = database.prepare("PRAGMA application_id");
        identity.step();
        const std::int64_t foundId = identity.integer(0);
        if (foundId != 0 && foundId != applicationId)
            throw CorruptFile{};
    } catch (const db::DatabaseError& error) {
        if (isCorruptionError(database, error))
            throw CorruptFile{};
        throw;
    }
    return database;
}

// A catalog's languages, categories and pages as comparable rows.
void addCatalogRows(const PackCatalog& catalog, std::set<std::vector<std::string>>& rows) {
    for (const CatalogLanguage& entry : catalog.languages)
        rows.insert({"language", catalog.packId, entry.code, entry.name});
    for (const CatalogCategory& entry : catalog.categories)
        rows.insert({"category", catalog.packId, entry.id, entry.title});
    for (const CatalogPage& entry : catalog.pages)
        rows.insert({"page", catalog.packId, entry.id, entry.categoryId, entry.kind, entry.title});
}

} // namespace

template <typename Action> auto StatsStore::guarded(const char* what, Action&& action) const {
    try {
        return action();
    } catch (const db::DatabaseError& error) {
        const bool corrupt = isCorruptionError(database_, error);
        throw StoreError(std::string(what) + ": " + error.what(), corrupt);
    }
}

StatsStore StatsStore::open(const std::filesystem::path& path) {
    std::optional<std::filesystem::path> setAsidePath;
    for (int attempt = 0;; ++attempt) {
        try {
            if (attempt == 0 && looksLikeSomethingElse(path))
                throw CorruptFile{};
            try {
                StatsStore store(openChecked(path), path);
                store.prepareSchema();
                store.setAsidePath_ = setAsidePath;
                return store;
            } catch (const StoreError& error) {
                if (!error.isCorruption())
                    throw;
                throw CorruptFile{};
            }
        } catch (const CorruptFile&) {
            if (attempt > 0)
                throw StoreError("a fresh " + path.string() + " is still unreadable", true);
            try {
                setAsidePath = setAside(path);
            } catch (const os::FileError& error) {
                throw StoreError(
                    std::string("cannot set aside a corrupt statistics database: ") + error.what(), true);
            }
        } catch (const db::DatabaseError& error) {
            throw StoreError(std::string("cannot open statistics: ") + error.what(), false);
        }
    }
}

void StatsStore::prepareSchema() {
    guarded("cannot prepare the statistics schema", [&] {
        auto version = database_.prepare("PRAGMA user_version");
        version.step();
        if (version.integer(0) > schemaVersion)
            throw db::DatabaseError("stats.db was written by a newer kiosk (schema " +
                                    std::to_string(version.integer(0)) + ")");
        // A kiosk starts many times on one stats.db: when it is already current, reading it
        // must not cost a commit (a WAL write and fsync on the way to the first frame).
        if (version.integer(0) == schemaVersion) {
            auto identity = database_.prepare("PRAGMA application_id");
            identity.step();
            auto existing = database_.prepare("SELECT value FROM settings WHERE key = 'database_id'");
            if (identity.integer(0) == applicationId && existing.step()) {
                databaseId_ = existing.text(0);
                return 0;
            }
        }
        db::Transaction transaction(database_);
        database_.execute(schema);
        database_.execute("PRAGMA application_id=" + std::to_string(applicationId));
        database_.execute("PRAGMA user_version=" + std::to_string(schemaVersion));
        auto existing = database_.prepare("SELECT value FROM settings WHERE key = 'database_id'");
        if (existing.step()) {
            databaseId_ = existing.text(0);
        } else {
            databaseId_ = os::randomHex(8);
            database_.prepare("INSERT INTO settings(key, value) VALUES ('database_id', ?1)")
                .bind(1, databaseId_)
                .run();
        }
        transaction.commit();
        return 0;
    });
}

void StatsStore::addCounts(const CountTable& counts) {
    if (counts.empty())
        return;
    guarded("cannot commit statistics", [&] {
        db::Transaction transaction(database_);
        auto upsert = database_.prepare(
            "INSERT INTO counts(date, boot, uptime_day, metric, subject, language, detail, count) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            "ON CONFLICT DO UPDATE SET count = count + excluded.count");
        for (const auto& [key, count] : counts) {
            upsert.bind(1, key.period.date).bind(2, key.period.boot).bind(3, key.period.uptimeDay);
            upsert.bind(4, key.metric).bind(5, key.subject).bind(6, key.language).bind(7, key.detail);
            upsert.bind(8, count);
            upsert.runAndReset();
        }
        transaction.commit();
        return 0;
    });
}

CountTable StatsStore::readCounts() const {
    return guarded("cannot read statistics", [&] {
        CountTable counts;
        auto query = database_.prepare(
            "SELECT date, boot, uptime_day, metric, subject, language, detail, count FROM counts");
        while (query.step()) {
            CountKey key{{query.text(0), query.integer(1), query.integer(2)},
                         query.text(3),
                         query.text(4),
                         query.text(5),
                         query.text(6)};
            counts.emplace(std::move(key), query.integer(7));
        }
        return counts;
    });
}

std::optional<std::string> StatsStore::setting(std::string_view key) const {
    return guarded("cannot read a statistics setting", [&] {
        auto query = database_.prepare("SELECT value FROM settings WHERE key = ?1");
        query.bind(1, key);
        return query.step() ? std::optional<std::string>(query.text(0)) : std::nullopt;
    });
}

void StatsStore::setSetting(std::string_view key, std::string_view value) {
    guarded("cannot save a statistics setting", [&] {
        database_
            .prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, key)
            .bind(2, value)
            .run();
        return 0;
    });
}

bool StatsStore::holdsCatalog(const std::vector<PackCatalog>& packs) const {
    std::set<std::pair<std::string, std::int64_t>> wanted, installed;
    for (const PackCatalog& catalog : packs)
        wanted.emplace(catalog.packId, catalog.version);
    for (const PackCatalog& catalog : installedPacks())
        installed.emplace(catalog.packId, catalog.version);
    if (wanted != installed)
        return false;
    // Rows of earlier versions stay (old counts keep their titles), so "holds" means every
    // row of the new catalog is there as it is now, not that the tables are equal.
    std::set<std::vector<std::string>> stored;
    for (const PackCatalog& catalog : knownCatalog())
        addCatalogRows(catalog, stored);
    std::set<std::vector<std::string>> wantedRows;
    for (const PackCatalog& catalog : packs)
        addCatalogRows(catalog, wantedRows);
    return std::includes(stored.begin(), stored.end(), wantedRows.begin(), wantedRows.end());
}

void StatsStore::rememberInstalledPacks(const std::vector<PackCatalog>& packs) {
    // Every start tells us the shown pack; only a new one is worth a commit.
    if (holdsCatalog(packs))
        return;
    guarded("cannot save the pack catalog", [&] {
        db::Transaction transaction(database_);
        database_.execute("UPDATE packs SET installed = 0");
        auto pack =
            database_.prepare("INSERT INTO packs(pack_id, version, installed) VALUES (?1, ?2, 1) "
                              "ON CONFLICT(pack_id) DO UPDATE SET version = excluded.version, installed = 1");
        auto language = database_.prepare(
            "INSERT OR REPLACE INTO pack_languages(pack_id, code, name) VALUES (?1, ?2, ?3)");
        auto category = database_.prepare(
            "INSERT OR REPLACE INTO pack_categories(pack_id, category_id, title) VALUES (?1, ?2, ?3)");
        auto page = database_.prepare("INSERT OR REPLACE INTO pack_pages(pack_id, page_id, category_id, "
                                      "kind, title) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const PackCatalog& catalog : packs) {
            pack.bind(1, catalog.packId).bind(2, catalog.version).runAndReset();
            for (const CatalogLanguage& entry : catalog.languages) {
                language.bind(1, catalog.packId).bind(2, entry.code).bind(3, entry.name).runAndReset();
            }
            for (const CatalogCategory& entry : catalog.categories) {
                category.bind(1, catalog.packId).bind(2, entry.id).bind(3, entry.title).runAndReset();
            }
            for (const CatalogPage& entry : catalog.pages) {
                page.bind(1, catalog.packId).bind(2, entry.id).bind(3, entry.categoryId).bind(4, entry.kind);
                page.bind(5, entry.title).runAndReset();
            }
        }
        transaction.commit();
        return 0;
    });
}

std::vector<PackCatalog> StatsStore::installedPacks() const {
    return guarded("cannot read the installed packs", [&] {
        std::vector<PackCatalog> packs;
        auto query =
            database_.prepare("SELECT pack_id, version FROM packs WHERE installed = 1 ORDER BY pack_id");
        while (query.step()) {
            PackCatalog catalog;
            catalog.packId = query.text(0);
            catalog.version = query.integer(1);
            packs.push_back(std::move(catalog));
        }
        return packs;
    });
}

std::vector<PackCatalog> StatsStore::knownCatalog() const {
    return guarded("cannot read the pack catalog", [&] {
        std::map<std::string, PackCatalog> byPack;
        auto packs = database_.prepare("SELECT pack_id, version FROM packs");
        while (packs.step()) {
            PackCatalog& catalog = byPack[packs.text(0)];
            catalog.packId = packs.text(0);
            catalog.version = packs.integer(1);
        }
        auto languages =
            database_.prepare("SELECT pack_id, code, name FROM pack_languages ORDER BY pack_id, code");
        while (languages.step())
            byPack[languages.text(0)].languages.push_back({languages.text(1), languages.text(2)});
        auto categories = database_.prepare(
            "SELECT pack_id, category_id, title FROM pack_categories ORDER BY pack_id, category_id");
        while (categories.step())
            byPack[categories.text(0)].categories.push_back({categories.text(1), categories.text(2)});
        auto pages = database_.prepare(
            "SELECT pack_id, page_id, category_id, kind, title FROM pack_pages ORDER BY pack_id, page_id");
        while (pages.step())
            byPack[pages.text(0)].pages.push_back(
                {pages.text(1), pages.text(2), pages.text(3), pages.text(4)});
        std::vector<PackCatalog> catalog;
        for (auto& [packId, entry] : byPack) {
            entry.packId = packId;
            catalog.push_back(std::move(entry));
        }
        return catalog;
    });
}

} // namespace kiosk::stats
