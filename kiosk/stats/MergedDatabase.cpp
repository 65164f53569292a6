#include "stats/MergedDatabase.hpp"

namespace kiosk::stats {

namespace {

// 'KSTM': a merged statistics database.
constexpr std::int64_t applicationId = 0x4B53544D;

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS exports(
  export_id INTEGER PRIMARY KEY,
  kiosk_id TEXT NOT NULL, database_id TEXT NOT NULL, sequence INTEGER NOT NULL,
  place_name TEXT NOT NULL, kiosk_version INTEGER NOT NULL, exported_at TEXT,
  clock_status TEXT NOT NULL, clock_trusted INTEGER NOT NULL,
  first_day TEXT, last_day TEXT, undated_rows INTEGER NOT NULL,
  counts_rows INTEGER NOT NULL, counts_sha256 TEXT NOT NULL, source_path TEXT NOT NULL,
  UNIQUE (kiosk_id, database_id));
CREATE TABLE IF NOT EXISTS export_packs(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS names(name_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS counts(
  export_id INTEGER NOT NULL,
  day INTEGER,                 -- days since 1970-01-01 (local calendar); NULL when undated
  boot INTEGER NOT NULL,       -- undated rows: boot counter; 0 for dated rows
  uptime_day INTEGER NOT NULL, -- undated rows: day of uptime within the boot
  metric INTEGER NOT NULL, subject INTEGER NOT NULL, language INTEGER NOT NULL, detail INTEGER NOT NULL,
  count INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS counts_by_export ON counts(export_id);
CREATE TABLE IF NOT EXISTS catalog_languages(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL, code TEXT NOT NULL,
  name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_categories(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL,
  category_id TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_pages(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL, page_id TEXT NOT NULL,
  pack_version INTEGER NOT NULL, category_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL);
CREATE VIEW IF NOT EXISTS readable_counts AS
  SELECT e.kiosk_id, e.place_name, e.database_id,
         CASE WHEN c.day IS NULL THEN NULL ELSE date(c.day * 86400, 'unixepoch') END AS date,
         NULLIF(c.boot, 0) AS boot, CASE WHEN c.day IS NULL THEN c.uptime_day END AS uptime_day,
         m.name AS metric, s.name AS subject, l.name AS language, d.name AS detail, c.count
  FROM counts c JOIN exports e USING (export_id)
  JOIN names m ON m.name_id = c.metric JOIN names s ON s.name_id = c.subject
  JOIN names l ON l.name_id = c.language JOIN names d ON d.name_id = c.detail;
)sql";

void configure(db::Database& database) {
    database.execute("PRAGMA journal_mode=WAL");
    // all.db can always be rebuilt from the exports: speed over power-cut durability.
    database.execute("PRAGMA synchronous=NORMAL");
    database.execute("PRAGMA cache_size=-65536");
    database.execute("PRAGMA temp_store=MEMORY");
}

} // namespace

MergedDatabase MergedDatabase::open(const std::filesystem::path& path) {
    db::Database database = db::Database::open(path, db::Database::Mode::ReadWriteCreate);
    configure(database);
    auto identity = database.prepare("PRAGMA application_id");
    identity.step();
    const std::int64_t foundId = identity.integer(0);
    auto tables = database.prepare("SELECT count(*) FROM sqlite_schema");
    tables.step();
    if (foundId != applicationId && (foundId != 0 || tables.integer(0) != 0))
        throw db::DatabaseError(path.string() + " is not a merged statistics database");
    database.execute(schema);
    database.execute("PRAGMA application_id=" + std::to_string(applicationId));
    return MergedDatabase(std::move(database));
}

MergedDatabase MergedDatabase::openExisting(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw db::DatabaseError(path.string() + " does not exist");
    db::Database database = db::Database::open(path, db::Database::Mode::ReadWriteCreate);
    database.execute("PRAGMA cache_size=-65536");
    auto identity = database.prepare("PRAGMA application_id");
    identity.step();
    if (identity.integer(0) != applicationId)
        throw db::DatabaseError(path.string() + " is not a merged statistics database (run kiosk-stats merge)");
    return MergedDatabase(std::move(database));
}

std::optional<StoredExport> MergedDatabase::storedExport(const std::string& kioskId,
                                                         const std::string& databaseId) const {
    auto query = database_.prepare(
        "SELECT export_id, sequence, counts_sha256 FROM exports WHERE kiosk_id = ?1 AND database_id = ?2");
    query.bind(1, kioskId).bind(2, databaseId);
    if (!query.step())
        return std::nullopt;
    return StoredExport{query.integer(0), query.integer(1), query.text(2)};
}

std::int64_t MergedDatabase::nameId(std::string_view name) {
    if (!namesLoaded_) {
        auto all = database_.prepare("SELECT name_id, name FROM names");
        while (all.step())
            nameIds_.emplace(all.text(1), all.integer(0));
        namesLoaded_ = true;
    }
    if (const auto found = nameIds_.find(name); found != nameIds_.end())
        return found->second;
    auto insert = database_.prepare("INSERT INTO names(name) VALUES (?1) RETURNING name_id");
    insert.bind(1, name);
    insert.step();
    const std::int64_t id = insert.integer(0);
    nameIds_.emplace(std::string(name), id);
    namesAddedInTransaction_.emplace_back(name);
    return id;
}

std::int64_t MergedDatabase::importExport(const ExportHeader& header, std::string_view csvText,
                                          const std::string& sourcePath) {
    db::Transaction transaction(database_);
    namesAddedInTransaction_.clear();
    try {
        std::int64_t exportId = 0;
        if (const auto stored = storedExport(header.kioskId, header.databaseId)) {
            exportId = stored->exportId;
            for (const char* table : {"counts", "export_packs", "catalog_languages", "catalog_categories", "catalog_pages"})
                database_.prepare(std::string("DELETE FROM ") + table + " WHERE export_id = ?1").bind(1, exportId).run();
            database_.prepare("DELETE FROM exports WHERE export_id = ?1").bind(1, exportId).run();
        }
        auto insertExport = database_.prepare(
            "INSERT INTO exports(export_id, kiosk_id, database_id, sequence, place_name, kiosk_version, exported_at, "
            "clock_status, clock_trusted, first_day, last_day, undated_rows, counts_rows, counts_sha256, source_path) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING export_id");
        if (exportId != 0)
            insertExport.bind(1, exportId);
        else
            insertExport.bindNull(1);
        insertExport.bind(2, header.kioskId).bind(3, header.databaseId).bind(4, header.sequence);
        insertExport.bind(5, header.placeName).bind(6, header.kioskVersion);
        if (header.exportedAt.empty())
            insertExport.bindNull(7);
        else
            insertExport.bind(7, header.exportedAt);
        insertExport.bind(8, header.clockStatus).bind(9, std::int64_t{header.clockTrusted ? 1 : 0});
        insertExport.bind(10, header.period.firstDay).bind(11, header.period.lastDay);
        insertExport.bind(12, header.period.undatedRows).bind(13, header.countsRows);
        insertExport.bind(14, header.countsSha256).bind(15, sourcePath);
        insertExport.step();
        exportId = insertExport.integer(0);

        auto pack = database_.prepare("INSERT INTO export_packs(export_id, pack_id, version) VALUES (?1, ?2, ?3)");
        for (const PackCatalog& installed : header.installedPacks) {
            pack.bind(1, exportId).bind(2, installed.packId).bind(3, installed.version).run();
            pack.reset();
        }
        auto language = database_.prepare(
            "INSERT INTO catalog_languages(export_id, pack_id, code, name) VALUES (?1, ?2, ?3, ?4)");
        auto category = database_.prepare(
            "INSERT INTO catalog_categories(export_id, pack_id, category_id, title) VALUES (?1, ?2, ?3, ?4)");
        auto page = database_.prepare(
            "INSERT INTO catalog_pages(export_id, pack_id, page_id, pack_version, category_id, kind, title) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (const PackCatalog& catalog : header.catalog) {
            for (const CatalogLanguage& entry : catalog.languages) {
                language.bind(1, exportId).bind(2, catalog.packId).bind(3, entry.code).bind(4, entry.name).run();
                language.reset();
            }
            for (const CatalogCategory& entry : catalog.categories) {
                category.bind(1, exportId).bind(2, catalog.packId).bind(3, entry.id).bind(4, entry.title).run();
                category.reset();
            }
            for (const CatalogPage& entry : catalog.pages) {
                page.bind(1, exportId).bind(2, catalog.packId).bind(3, entry.id).bind(4, catalog.version);
                page.bind(5, entry.categoryId).bind(6, entry.kind).bind(7, entry.title).run();
                page.reset();
            }
        }

        auto insertCount = database_.prepare(
            "INSERT INTO counts(export_id, day, boot, uptime_day, metric, subject, language, detail, count) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        std::int64_t rows = 0;
        parseCountsCsv(csvText, [&](const CsvCount& row) {
            insertCount.bind(1, exportId);
            if (row.dayNumber)
                insertCount.bind(2, *row.dayNumber);
            else
                insertCount.bindNull(2);
            insertCount.bind(3, row.boot).bind(4, row.uptimeDay);
            insertCount.bind(5, nameId(row.metric)).bind(6, nameId(row.subject));
            insertCount.bind(7, nameId(row.language)).bind(8, nameId(row.detail));
            insertCount.bind(9, row.count);
            insertCount.run();
            insertCount.reset();
            ++rows;
        });
        if (rows != header.countsRows)
            throw ExportFormatError("the header promises " + std::to_string(header.countsRows) + " rows, the file has " +
                                    std::to_string(rows));
        transaction.commit();
        return rows;
    } catch (...) {
        // Names added inside a transaction that rolls back must leave the cache too.
        for (const std::string& name : namesAddedInTransaction_)
            nameIds_.erase(name);
        throw;
    }
}

} // namespace kiosk::stats
