#include "stats/CsvCells.hpp"

namespace kiosk::stats {

namespace {

bool startsLikeAFormula(std::string_view text) {
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'': // the guard itself: doubled, so that reading it back is unambiguous
        return true;
    default:
        return false;
    }
}

} // namespace

void appendCsvCell(std::string& out, std::string_view text) {
    const bool guarded = startsLikeAFormula(text);
    const bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted)
        out += '"';
    if (guarded)
        out += '\'';
    for (const char character : text) {
        if (quoted && character == '"')
            out += '"';
        out += character;
    }
    if (quoted)
        out += '"';
}

std::string_view withoutFormulaGuard(std::string_view cell) {
    if (cell.size() >= 2 && cell.front() == '\'' && startsLikeAFormula(cell.substr(1)))
        return cell.substr(1);
    return cell;
}

} // namespace kiosk::stats
