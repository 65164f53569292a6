#include "Diagnostics.hpp"

#include "text/Unicode.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::builder {

std::string Diagnostic::format() const {
    std::string result = location.file;
    if (location.line > 0)
        result += ":" + std::to_string(location.line);
    return result + ": " + message;
}

void Diagnostics::report(SourceLocation location, std::string message) {
    entries_.push_back(Diagnostic{std::move(location), std::move(message)});
}

void Diagnostics::report(const std::string& file, int line, std::string message) {
    report(SourceLocation{file, line}, std::move(message));
}

std::vector<std::string> Diagnostics::formattedInOrder() const {
    std::vector<Diagnostic> sorted = entries_;
    // Stable, so several problems on one line keep the order they were found in.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& left, const Diagnostic& right) {
        if (left.location.file != right.location.file)
            return left.location.file < right.location.file;
        return left.location.line < right.location.line;
    });
    std::vector<std::string> lines;
    lines.reserve(sorted.size());
    for (const Diagnostic& diagnostic : sorted)
        lines.push_back(diagnostic.format());
    return lines;
}

std::string describeCharacter(char32_t codePoint) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(codePoint));
    const bool invisible = codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0xA0) ||
                           (codePoint >= 0x200B && codePoint <= 0x200F) ||
                           (codePoint >= 0x2028 && codePoint <= 0x202E) || codePoint == 0xFEFF ||
                           (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF;
    if (invisible)
        return code;
    return std::string(code) + " '" + text::encodeUtf8(codePoint) + "'";
}

} // namespace kiosk::builder
