#include "stats/Json.hpp"

#include <cstdio>

namespace kiosk::stats {

std::string jsonQuoted(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted += '"';
    for (const char character : text) {
        switch (character) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(character) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(character));
                quoted += escaped;
            } else {
                quoted += character;
            }
        }
    }
    quoted += '"';
    return quoted;
}

std::optional<JsonDocument> JsonDocument::parse(std::string text) {
    auto connection =
        std::make_shared<db::Database>(db::Database::open(":memory:", db::Database::Mode::ReadWriteCreate));
    // CASE, not AND: SQLite may evaluate both sides of AND, and json_type throws on bad JSON.
    auto check =
        connection->prepare("SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END");
    check.bind(1, text);
    if (!check.step() || check.integer(0) != 1)
        return std::nullopt;
    return JsonDocument(std::move(text), std::move(connection));
}

std::optional<std::string> JsonDocument::typeAt(const std::string& path) const {
    auto query = connection_->prepare("SELECT json_type(?1, ?2)");
    query.bind(1, text_).bind(2, path);
    if (!query.step())
        return std::nullopt;
    return query.optionalText(0);
}

std::optional<std::string> JsonDocument::text(const std::string& path) const {
    if (typeAt(path) != "text")
        return std::nullopt;
    auto query = connection_->prepare("SELECT json_extract(?1, ?2)");
    query.bind(1, text_).bind(2, path);
    query.step();
    return query.text(0);
}

std::optional<std::int64_t> JsonDocument::integer(const std::string& path) const {
    if (typeAt(path) != "integer")
        return std::nullopt;
    auto query = connection_->prepare("SELECT json_extract(?1, ?2)");
    query.bind(1, text_).bind(2, path);
    query.step();
    return query.integer(0);
}

std::optional<bool> JsonDocument::boolean(const std::string& path) const {
    const auto type = typeAt(path);
    if (type == "true")
        return true;
    if (type == "false")
        return false;
    return std::nullopt;
}

bool JsonDocument::isNull(const std::string& path) const {
    return typeAt(path) == "null";
}

std::vector<JsonDocument> JsonDocument::objects(const std::string& path) const {
    std::vector<JsonDocument> elements;
    if (typeAt(path) != "array")
        return elements;
    auto query = connection_->prepare("SELECT value FROM json_each(?1, ?2) WHERE type = 'object'");
    query.bind(1, text_).bind(2, path);
    while (query.step())
        elements.push_back(JsonDocument(query.text(0), connection_));
    return elements;
}

} // namespace kiosk::stats
