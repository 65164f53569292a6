#include "stats/MergedDatabase.hpp"

#include <array>

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
-- Each distinct (metric, subject, language, detail) once: a few thousand keys for millions of counts.
CREATE TABLE IF NOT EXISTS counter_keys(key_id INTEGER PRIMARY KEY, metric TEXT NOT NULL, subject TEXT NOT NULL,
  language TEXT NOT NULL, detail TEXT NOT NULL, UNIQUE (metric, subject, language, detail));
CREATE TABLE IF NOT EXISTS counts(
  count_id INTEGER PRIMARY KEY, -- export_id * 2^32 + row: one export's rows are one range, no extra index
  export_id INTEGER NOT NULL,
  day INTEGER,                 -- days since 1970-01-01 (local calendar); NULL when undated
  boot INTEGER NOT NULL,       -- undated rows: boot counter; 0 for dated rows
  uptime_day INTEGER NOT NULL, -- undated rows: day of uptime within the boot
  key_id INTEGER NOT NULL REFERENCES counter_keys(key_id),
  count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_languages(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL, code TEXT NOT NULL,
  name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_categories(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL,
  category_id TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_pages(export_id INTEGER NOT NULL, pack_id TEXT NOT NULL, page_id TEXT NOT NULL,
  pack_version INTEGER NOT NULL, category_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL);
-- Each signing kiosk's export key, pinned at the first export merged from it (stats/ExportSigning.hpp).
CREATE TABLE IF NOT EXISTS kiosk_keys(kiosk_id TEXT PRIMARY KEY, public_key TEXT NOT NULL,
  pinned_from TEXT NOT NULL);
CREATE VIEW IF NOT EXISTS readable_counts AS
  SELECT e.kiosk_id, e.place_name, e.database_id,
         CASE WHEN c.day IS NULL THEN NULL ELSE date(c.day * 86400, 'unixepoch') END AS date,
         NULLIF(c.boot, 0) AS boot, CASE WHEN c.day IS NULL THEN c.uptime_day END AS uptime_day,
         k.metric, k.subject, k.language, k.detail, c.count
  FROM counts c JOIN exports e USING (export_id) JOIN counter_keys k USING (key_id);
)sql";

constexpr std::int64_t rowsPerExport = std::int64_t{1} << 32;

class CountInserter {
  public:
    static constexpr int rowsPerStatement = 64;
    static constexpr int columns = 7;

    CountInserter(db::Database& database, std::int64_t firstCountId)
        : database_(database), batch_(database.prepare(statementFor(rowsPerStatement))),
          nextCountId_(firstCountId) {}

    void add(std::int64_t exportId, const CsvCount& row, std::int64_t keyId) {
        if (rows_ >= rowsPerExport)
            throw ExportFormatError("too many rows in one export");
        Row& slot = pending_[pendingCount_++];
        slot = Row{nextCountId_++, exportId, row.dayNumber, row.boot, row.uptimeDay, keyId, row.count};
        ++rows_;
        if (pendingCount_ == rowsPerStatement)
            flush(batch_);
    }

    void finish() {
        if (pendingCount_ == 0)
            return;
        db::Statement rest = database_.prepare(statementFor(pendingCount_));
        flush(rest);
    }
    std::int64_t rows() const { return rows_; }

  private:
    struct Row {
        std::int64_t countId;
        std::int64_t exportId;
        std::optional<std::int64_t> day;
        std::int64_t boot;
        std::int64_t uptimeDay;
        std::int64_t keyId;
        std::int64_t count;
    };

    static std::string statementFor(int rowCount) {
        std::string sql =
            "INSERT INTO counts(count_id, export_id, day, boot, uptime_day, key_id, count) VALUES ";
        for (int row = 0; row < rowCount; ++row)
            sql += row ? ",(?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?)";
        return sql;
    }

    void flush(db::Statement& statement) {
        for (int index = 0; index < pendingCount_; ++index) {
            const Row& row = pending_[static_cast<std::size_t>(index)];
            const int base = index * columns;
            statement.bind(base + 1, row.countId).bind(base + 2, row.exportId);
            if (row.day)
                statement.bind(base + 3, *row.day);
            else
                statement.bindNull(base + 3);
            statement.bind(base + 4, row.boot).bind(base + 5, row.uptimeDay).bind(base + 6, row.keyId);
            statement.bind(base + 7, row.count);
        }
        statement.runAndReset();
        pendingCount_ = 0;
    }

    db::Database& database_;
    db::Statement batch_;
    std::array<Row, rowsPerStatement> pending_{};
    int pendingCount_ = 0;
    std::int64_t nextCountId_;
    std::int64_t rows_ = 0;
};

void configure(db::Database& database) {
    // A rollback journal, not WAL: a merge mostly appends pages, which a rollback journal
    // does not copy, while WAL would write every page twice (measured: 17 % faster).
    // Large pages: fewer B-tree pages for millions of small rows. (Takes effect on a new file.)
    database.execute("PRAGMA page_size=16384");
    database.execute("PRAGMA journal_mode=DELETE");
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
        throw db::DatabaseError(path.string() +
                                " is not a merged statistics database (run kiosk-stats merge)");
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

std::int64_t MergedDatabase::highestSequenceOf(const std::string& kioskId) const {
    auto query = database_.prepare("SELECT coalesce(max(sequence), 0) FROM exports WHERE kiosk_id = ?1");
    query.bind(1, kioskId);
    query.step();
    return query.integer(0);
}

std::optional<PinnedKey> MergedDatabase::pinnedKey(const std::string& kioskId) const {
    auto query = database_.prepare("SELECT public_key, pinned_from FROM kiosk_keys WHERE kiosk_id = ?1");
    query.bind(1, kioskId);
    if (!query.step())
        return std::nullopt;
    return PinnedKey{query.text(0), query.text(1)};
}

std::int64_t MergedDatabase::keyId(const CsvCount& row) {
    if (!keysLoaded_) {
        auto all = database_.prepare("SELECT key_id, metric, subject, language, detail FROM counter_keys");
        while (all.step()) {
            keyText_ = all.text(1) + '\x1f' + all.text(2) + '\x1f' + all.text(3) + '\x1f' + all.text(4);
            keyIds_.emplace(keyText_, all.integer(0));
        }
        keysLoaded_ = true;
    }
    // One reused buffer: no allocation per row once it has grown.
    keyText_.assign(row.metric);
    keyText_ += '\x1f';
    keyText_ += row.subject;
    keyText_ += '\x1f';
    keyText_ += row.language;
    keyText_ += '\x1f';
    keyText_ += row.detail;
    if (const auto found = keyIds_.find(std::string_view(keyText_)); found != keyIds_.end())
        return found->second;
    auto insert = database_.prepare("INSERT INTO counter_keys(metric, subject, language, detail) VALUES (?1, "
                                    "?2, ?3, ?4) RETURNING key_id");
    insert.bind(1, row.metric).bind(2, row.subject).bind(3, row.language).bind(4, row.detail);
    insert.step();
    const std::int64_t id = insert.integer(0);
    keyIds_.emplace(keyText_, id);
    keysAddedInTransaction_.push_back(keyText_);
    return id;
}

std::int64_t MergedDatabase::importExport(const ExportHeader& header, std::string_view csvText,
                                          const std::string& sourcePath, bool replacePinnedKey) {
    db::Transaction transaction(database_);
    keysAddedInTransaction_.clear();
    try {
        std::int64_t exportId = 0;
        if (const auto stored = storedExport(header.kioskId, header.databaseId)) {
            exportId = stored->exportId;
            database_.prepare("DELETE FROM counts WHERE count_id BETWEEN ?1 AND ?2")
                .bind(1, exportId * rowsPerExport)
                .bind(2, exportId * rowsPerExport + rowsPerExport - 1)
                .run();
            for (const char* table :
                 {"export_packs", "catalog_languages", "catalog_categories", "catalog_pages"})
                database_.prepare(std::string("DELETE FROM ") + table + " WHERE export_id = ?1")
                    .bind(1, exportId)
                    .run();
            database_.prepare("DELETE FROM exports WHERE export_id = ?1").bind(1, exportId).run();
        }
        auto insertExport = database_.prepare(
            "INSERT INTO exports(export_id, kiosk_id, database_id, sequence, place_name, kiosk_version, "
            "exported_at, "
            "clock_status, clock_trusted, first_day, last_day, undated_rows, counts_rows, counts_sha256, "
            "source_path) "
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
        insertExport.reset(); // a RETURNING statement left mid-way would block COMMIT

        auto pack =
            database_.prepare("INSERT INTO export_packs(export_id, pack_id, version) VALUES (?1, ?2, ?3)");
        for (const PackCatalog& installed : header.installedPacks) {
            pack.bind(1, exportId).bind(2, installed.packId).bind(3, installed.version).runAndReset();
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
                language.bind(1, exportId)
                    .bind(2, catalog.packId)
                    .bind(3, entry.code)
                    .bind(4, entry.name)
                    .runAndReset();
            }
            for (const CatalogCategory& entry : catalog.categories) {
                category.bind(1, exportId)
                    .bind(2, catalog.packId)
                    .bind(3, entry.id)
                    .bind(4, entry.title)
                    .runAndReset();
            }
            for (const CatalogPage& entry : catalog.pages) {
                page.bind(1, exportId).bind(2, catalog.packId).bind(3, entry.id).bind(4, catalog.version);
                page.bind(5, entry.categoryId).bind(6, entry.kind).bind(7, entry.title).runAndReset();
            }
        }

        // Many rows per INSERT: per-statement overhead dominates a one-row insert.
        CountInserter inserter(database_, exportId * rowsPerExport);
        parseCountsCsv(csvText, [&](const CsvCount& row) { inserter.add(exportId, row, keyId(row)); });
        inserter.finish();
        const std::int64_t rows = inserter.rows();
        if (rows != header.countsRows)
            throw ExportFormatError("the header promises " + std::to_string(header.countsRows) +
                                    " rows, the file has " + std::to_string(rows));
        // In the same transaction: the key is pinned exactly when its export's counts are in.
        if (!header.kioskPublicKey.empty()) {
            const auto pinned = pinnedKey(header.kioskId);
            if (!pinned || (replacePinnedKey && pinned->publicKey != header.kioskPublicKey))
                database_
                    .prepare("INSERT OR REPLACE INTO kiosk_keys(kiosk_id, public_key, pinned_from) VALUES "
                             "(?1, ?2, ?3)")
                    .bind(1, header.kioskId)
                    .bind(2, header.kioskPublicKey)
                    .bind(3, sourcePath)
                    .run();
        }
        transaction.commit();
        return rows;
    } catch (...) {
        // Keys added inside a transaction that rolls back must leave the cache too.
        for (const std::string& key : keysAddedInTransaction_)
            keyIds_.erase(key);
        throw;
    }
}

} // namespace kiosk::stats
