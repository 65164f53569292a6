// Just enough JSON for the export header. Writing is string building with correct
// escaping; reading leans on SQLite's JSON functions (already linked, well fuzzed) in a
// private in-memory connection, so no hand-written parser sees files from USB sticks.
#pragma once

#include "db/Database.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats {

// `text` as a JSON string literal, quotes included.
std::string jsonQuoted(std::string_view text);

class JsonDocument {
  public:
    // Nullopt when `text` is not valid JSON or not an object.
    static std::optional<JsonDocument> parse(std::string text);

    // Paths are SQLite JSON paths, e.g. "$.kiosk_id" or "$.period.first_day".
    std::optional<std::string> text(const std::string& path) const;
    std::optional<std::int64_t> integer(const std::string& path) const;
    std::optional<bool> boolean(const std::string& path) const;
    bool isNull(const std::string& path) const;
    // Each element of the array at `path`, as a JSON document of its own.
    std::vector<JsonDocument> objects(const std::string& path) const;

  private:
    JsonDocument(std::string text, std::shared_ptr<db::Database> connection)
        : text_(std::move(text)), connection_(std::move(connection)) {}
    std::optional<std::string> typeAt(const std::string& path) const;

    std::string text_;
    std::shared_ptr<db::Database> connection_; // shared by the documents made from one parse
};

} // namespace kiosk::stats
