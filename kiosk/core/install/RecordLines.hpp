// The small line records the kiosk keeps in its data folder (the installed versions, the
// install history): a first line that names the record and its version, then one entry a
// line. One reader for both, so a damaged file is treated the same way wherever it is.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace kiosk::install {

// A whole number of 0 or more, all of `text`; nothing for anything else.
std::optional<std::int64_t> nonNegativeWholeNumber(std::string_view text);

enum class RecordHeader { Empty, Foreign, Matches };

// Calls `visit(line, lineNumber)` for each line after the first (numbered from 2) when the
// first line is exactly `header`; says what the first line was.
RecordHeader
forEachRecordLine(std::string_view text, std::string_view header,
                  const std::function<void(std::string_view line, std::size_t lineNumber)>& visit);

} // namespace kiosk::install
