#include "pack/PackTextTotal.hpp"

#include "pack/PackLimits.hpp"

#include <string>
#include <vector>

namespace kiosk::pack {

std::uint64_t storedTextCharacters(const db::Database& database, std::uint64_t stopAbove) {
    // The tables and their TEXT columns as the file declares them (the install check has
    // already found them equal to the format's schema).
    std::vector<std::string> tables;
    {
        db::Statement rows =
            database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (rows.step())
            tables.push_back(rows.text(0));
    }
    std::uint64_t total = 0;
    for (const std::string& table : tables) {
        std::string sum;
        {
            db::Statement columns = database.prepare(
                "SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT' ORDER BY cid");
            columns.bind(1, table);
            while (columns.step())
                sum += (sum.empty() ? "" : " + ") + std::string("coalesce(length(\"") + columns.text(0) +
                       "\"), 0)";
        }
        if (sum.empty())
            continue;
        // Row by row, so that counting stops at the limit: SQLite's length() counts characters.
        db::Statement rows = database.prepare("SELECT " + sum + " FROM \"" + table + "\"");
        while (rows.step()) {
            total += static_cast<std::uint64_t>(rows.integer(0));
            if (total > stopAbove)
                return total;
        }
    }
    return total;
}

void checkStoredTextTotal(const db::Database& database) {
    const auto maximum = static_cast<std::uint64_t>(kMaximumTextCharacters);
    if (storedTextCharacters(database, maximum) > maximum)
        throw PackLimitError(Limit::TextTotal, "the pack has " + describeCountLimit(Limit::TextTotal) +
                                                   ": split it into several packs");
}

} // namespace kiosk::pack
