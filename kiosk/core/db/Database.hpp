// RAII owners for SQLite connections and statements, with errors as exceptions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::db {

class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Statement;

class Database {
  public:
    enum class Mode { ReadOnly, ReadWriteCreate };

    // Opens a file. ReadOnly connections are the ones that see pack files: they are put
    // in defensive mode with the untrusted-schema switches set (see applyHostileFileSafeguards).
    static Database open(const std::filesystem::path& path, Mode mode);
    // Opens a read-only, defensive connection over bytes in memory (the embedded demo pack).
    // The bytes must outlive the connection.
    static Database openReadOnlyMemory(std::span<const std::uint8_t> bytes);

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;
    ~Database() = default;

    void execute(const std::string& sql);
    Statement prepare(std::string_view sql) const;
    sqlite3* handle() const { return connection_.get(); }

  private:
    struct Closer {
        void operator()(sqlite3* connection) const;
    };
    explicit Database(sqlite3* connection) : connection_(connection) {}
    void applyHostileFileSafeguards();

    std::unique_ptr<sqlite3, Closer> connection_;
};

class Statement {
  public:
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);

    // Advances to the next row; false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Makes the statement ready to run again: nothing bound, at its start.
    void reset();
    // run() then reset(): an insert in a loop, bound afresh each time.
    void runAndReset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    // The blob without copying it: SQLite's own buffer, valid until the statement steps again,
    // is reset or is destroyed, or the same column is read as another type.
    std::span<const std::uint8_t> blobView(int column) const;
    std::size_t bytes(int column) const;

  private:
    friend class Database;
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    Statement(sqlite3* connection, sqlite3_stmt* statement)
        : connection_(connection), statement_(statement) {}
    [[noreturn]] void fail(const char* action) const;

    sqlite3* connection_;
    std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

// Wraps BEGIN/COMMIT; rolls back if destroyed without commit().
class Transaction {
  public:
    explicit Transaction(Database& database);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

  private:
    Database& database_;
    bool finished_ = false;
};

} // namespace kiosk::db
