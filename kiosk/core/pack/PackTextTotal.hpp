// How much text a pack stores: every TEXT column of every table, each value once, as
// kMaximumTextCharacters counts it. One function for the builder (on what it wrote) and the
// install check (before it checks every text, so that an oversized pack is refused after
// reading the limit's worth, not all of it).
#pragma once

#include "db/Database.hpp"

#include <cstdint>

namespace kiosk::pack {

// The characters of all text in `database`, counting stopped once past `stopAbove`. Throws
// db::DatabaseError for a file SQLite cannot read.
std::uint64_t storedTextCharacters(const db::Database& database, std::uint64_t stopAbove);

// Throws PackLimitError (Limit::TextTotal) when the text is over kMaximumTextCharacters.
void checkStoredTextTotal(const db::Database& database);

} // namespace kiosk::pack
