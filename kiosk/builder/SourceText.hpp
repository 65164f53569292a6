// Reads one text file of a pack source into checked, NFC-normalised lines.
// Source files come from field officers' laptops and USB sticks: they may be huge, carry a
// byte-order mark, Windows line ends, stray tabs or bytes that are not UTF-8.
#pragma once

#include "Diagnostics.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::builder {

inline constexpr std::uint64_t kMaximumTextFileBytes = 1024 * 1024;

struct SourceLine {
    int number = 0;   // 1-based line number in the file
    std::string text; // NFC, no line end, tabs turned into spaces
};

struct SourceText {
    std::string displayName;
    std::vector<SourceLine> lines;
};

// Reports every line that is not valid UTF-8 or holds a control character, and returns
// nothing when the file cannot be used at all (unreadable, too large, bad bytes).
std::optional<SourceText> readSourceText(const std::filesystem::path& path, const std::string& displayName,
                                         Diagnostics& diagnostics);

// The same checks on text already in memory (what readSourceText does after reading).
std::optional<SourceText> splitSourceText(const std::string& content, const std::string& displayName,
                                          Diagnostics& diagnostics);

// Removes spaces at both ends.
std::string trimSpaces(const std::string& text);
// "a.png, b.png," -> {"a.png", "b.png"}: trimmed items, empty ones (a trailing comma) dropped.
std::vector<std::string> splitCommaList(const std::string& text);

} // namespace kiosk::builder
