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
// The code points of valid UTF-8 text (invalid sequences are skipped).
std::vector<char32_t> codePoints(std::string_view text);
std::string encodeUtf8(char32_t codePoint);

// Why a string is not acceptable pack text, or nothing when it is.
std::optional<std::string> packTextProblem(std::string_view text);

} // namespace kiosk::text
