// Text rules shared by the pack builder and the kiosk: UTF-8 validity and NFC.
// ImGui 1.86 cannot place combining marks, so every string a pack holds is NFC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

bool isValidUtf8(std::string_view text);
// True when `text` is valid UTF-8 and already in Normalization Form C.
bool isNfc(std::string_view text);
// Returns the NFC form of `text`, or nothing when it is not valid UTF-8.
std::optional<std::string> toNfc(std::string_view text);
// The NFD form (letters and their combining marks apart), or nothing when it is not valid UTF-8.
std::optional<std::string> toNfd(std::string_view text);
// The code points of valid UTF-8 text (invalid sequences are skipped).
std::vector<char32_t> codePoints(std::string_view text);
std::string encodeUtf8(char32_t codePoint);

// Text someone else chose (a file name on a USB stick, a line another program wrote) made
// safe for one log line or the staff view: letters of any script are kept (a Vietnamese file
// name stays readable), but control and format characters (a newline that would forge a
// journal line, terminal escapes, bidi overrides), separators, unassigned code points, bytes
// that are not UTF-8 are written as \xNN, one per byte. At most `maximumBytes` of the text
// are shown, then "...". Its own output comes back unchanged, so a message may be escaped
// again where it is logged.
std::string printableForLog(std::string_view untrusted, std::size_t maximumBytes = 120);

// Why a string is not acceptable pack text, or nothing when it is.
std::optional<std::string> packTextProblem(std::string_view text);

} // namespace kiosk::text
