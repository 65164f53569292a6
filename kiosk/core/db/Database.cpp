#include "db/Database.hpp"

#include "os/FileSystem.hpp"

#include <sqlite3.h>

namespace kiosk::db {

namespace {

[[noreturn]] void throwFromConnection(sqlite3* connection, const std::string& context) {
    const char* message = connection ? sqlite3_errmsg(connection) : "out of memory";
    throw DatabaseError(context + ": " + message);
}

} // namespace

void Database::Closer::operator()(sqlite3* connection) const {
    sqlite3_close_v2(connection);
}
void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

Database Database::open(const std::filesystem::path& path, Mode mode) {
    // SQLite opens a FIFO and waits for a writer: `--pack` naming one, or one put where a pack
    // should be, hung the kiosk. A read-only database is always an existing regular file.
    if (mode == Mode::ReadOnly && path != ":memory:") {
        try {
            os::requireRegularFile(path);
        } catch (const os::FileError& error) {
            throw DatabaseError(std::string("cannot open ") + path.string() + ": " + error.what());
        }
    }
    const int flags =
        mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3* raw = nullptr;
    const int result = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOFOLLOW, nullptr);
    Database database(raw);
    if (result != SQLITE_OK)
        throwFromConnection(raw, "cannot open " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    if (mode == Mode::ReadOnly)
        database.applyHostileFileSafeguards();
    return database;
}

Database Database::openReadOnlyMemory(std::span<const std::uint8_t> bytes) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        Database failed(raw);
        throwFromConnection(raw, "cannot open an in-memory database");
    }
    Database database(raw);
    // SQLite never writes through a READONLY deserialized buffer, so casting away const is safe.
    auto* data = const_cast<unsigned char*>(bytes.data());
    const auto size = static_cast<sqlite3_int64>(bytes.size());
    if (sqlite3_deserialize(raw, "main", data, size, size, SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
        throwFromConnection(raw, "cannot read the embedded pack");
    database.applyHostileFileSafeguards();
    return database;
}

// A pack comes from a USB stick and is treated as hostile. These are the settings that
// https://sqlite.org/security.html recommends for databases from untrusted sources: no
// writes to the schema through corrupt shadow tables, no SQL functions or virtual tables
// reached from schema objects, no triggers or views run at all, and bounded resources.
void Database::applyHostileFileSafeguards() {
    sqlite3* raw = connection_.get();
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    sqlite3_limit(raw, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(raw, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(raw, SQLITE_LIMIT_EXPR_DEPTH, 20);
    sqlite3_limit(raw, SQLITE_LIMIT_COMPOUND_SELECT, 3);
    sqlite3_limit(raw, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(raw, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(raw, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
    sqlite3_limit(raw, SQLITE_LIMIT_VARIABLE_NUMBER, 10);
    sqlite3_limit(raw, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
    execute("PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;");
}

void Database::execute(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(connection_.get(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw DatabaseError(message + " (in: " + sql.substr(0, 80) + ")");
    }
}

Statement Database::prepare(std::string_view sql) const {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(connection_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        throwFromConnection(connection_.get(), "cannot prepare '" + std::string(sql.substr(0, 80)) + "'");
    return Statement(connection_.get(), raw);
}

void Statement::fail(const char* action) const {
    throwFromConnection(connection_, action);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_.get(), index, value) != SQLITE_OK)
        fail("cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
        fail("cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    if (sqlite3_bind_blob64(statement_.get(), index, blob.data(), blob.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        fail("cannot bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(statement_.get(), index) != SQLITE_OK)
        fail("cannot bind");
    return *this;
}

bool Statement::step() {
    const int result = sqlite3_step(statement_.get());
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    fail("query failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

void Statement::runAndReset() {
    run();
    reset();
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_.get(), column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(statement_.get(), column);
    const int size = sqlite3_column_bytes(statement_.get(), column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_.get(), column));
    const int size = sqlite3_column_bytes(statement_.get(), column);
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
}

std::span<const std::uint8_t> Statement::blobView(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_.get(), column));
    const int size = sqlite3_column_bytes(statement_.get(), column);
    return data ? std::span<const std::uint8_t>(data, static_cast<std::size_t>(size))
                : std::span<const std::uint8_t>();
}

std::size_t Statement::bytes(int column) const {
    return static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
}

Transaction::Transaction(Database& database) : database_(database) {
    database_.execute("BEGIN");
}

Transaction::~Transaction() {
    if (!finished_) {
        try {
            database_.execute("ROLLBACK");
        } catch (...) {
        }
    }
}

void Transaction::commit() {
    database_.execute("COMMIT");
    finished_ = true;
}

} // namespace kiosk::db
