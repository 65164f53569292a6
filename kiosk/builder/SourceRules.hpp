// What a well-formed value in a pack source looks like: ids, numbers, dates, file names.
// Pure functions, so the rules can be tested one by one and documented in README.md.
#pragma once

#include "pack/PackIds.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::builder {

// Ids: the format's grammar (pack/PackIds.hpp), which the reader checks too.
using pack::isLanguageCode;
using pack::isValidItemId;
using pack::isValidPackId;

// Digits only (no sign, no spaces), within [minimum, maximum].
std::optional<std::int64_t> parseWholeNumber(const std::string& text, std::int64_t minimum,
                                             std::int64_t maximum);
std::optional<bool> parseYesNo(const std::string& text);

// YYYY-MM-DD, a real calendar day.
bool isCalendarDate(const std::string& text);
// YYYY, YYYY-MM or YYYY-MM-DD.
bool isPeriodDate(const std::string& text);
// YYYY-MM-DD or YYYY-MM-DD HH:MM (24-hour clock).
bool isMeetingTime(const std::string& text);
// True when `end` is earlier than `start`. Both are in one of the forms above; a shorter
// form is compared on the part both have, so "2021" does not end before "2021-06".
bool endsBeforeStart(const std::string& start, const std::string& end);

// A bare file name inside images/: no folders, not hidden, .png, .jpg or .jpeg.
bool isImageFileName(const std::string& name);
// Why `name` cannot name a picture ("give only the file name..."), or nothing when it can.
std::optional<std::string> pictureNameProblem(const std::string& name);
bool isWebLink(const std::string& text);

} // namespace kiosk::builder
