// How a cell goes into a CSV file that a programme officer may open in a spreadsheet: the one
// place for quoting and for OWASP's "CSV injection" rule. A place name or page title from a
// stick that begins with '=', '+', '-', '@', a tab or a carriage return would otherwise be
// run as a formula (`=HYPERLINK(...)`), so such a cell is written with a leading apostrophe,
// which spreadsheets show as plain text. A cell that itself begins with an apostrophe gets a
// second one, so that the guard can be taken off again without ambiguity by
// withoutFormulaGuard (the counts CSV is read back by kiosk-stats merge).
#pragma once

#include <string>
#include <string_view>

namespace kiosk::stats {

// Appends `text` as one cell: the formula guard where needed, then quotes when it holds a
// comma, quote, carriage return or newline.
void appendCsvCell(std::string& out, std::string_view text);

// A cell as read back (already unquoted), without the guard appendCsvCell added.
std::string_view withoutFormulaGuard(std::string_view cell);

} // namespace kiosk::stats
