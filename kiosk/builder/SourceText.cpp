#include "SourceText.hpp"

#include "os/FileSystem.hpp"
#include "text/Unicode.hpp"

namespace kiosk::builder {

namespace {

bool isControlCharacter(char32_t codePoint) {
    return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
}

} // namespace

std::string trimSpaces(const std::string& text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    const std::size_t last = text.find_last_not_of(' ');
    return text.substr(first, last - first + 1);
}

std::vector<std::string> splitCommaList(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        std::string item = trimSpaces(text.substr(start, comma - start));
        if (!item.empty())
            items.push_back(std::move(item));
        start = comma + 1;
    }
    return items;
}

std::optional<SourceText> splitSourceText(const std::string& content, const std::string& displayName,
                                          Diagnostics& diagnostics) {
    SourceText result;
    result.displayName = displayName;
    bool usable = true;
    std::size_t start = 0;
    // Windows Notepad starts UTF-8 files with a byte-order mark; it is not part of the text.
    static const std::string byteOrderMark = "\xEF\xBB\xBF";
    if (content.compare(0, byteOrderMark.size(), byteOrderMark) == 0)
        start = byteOrderMark.size();
    int number = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string::npos)
            end = content.size();
        std::string line = content.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        // A tab has no glyph in the kiosk's font; in this format it can only mean "some space".
        for (char& character : line)
            if (character == '\t')
                character = ' ';
        std::optional<std::string> normalised = text::toNfc(line);
        if (!normalised) {
            diagnostics.report(displayName, number, "invalid UTF-8 (save the file as UTF-8 in your editor)");
            usable = false;
            continue;
        }
        bool lineHasControl = false;
        for (const char32_t codePoint : text::codePoints(*normalised)) {
            if (isControlCharacter(codePoint)) {
                diagnostics.report(displayName, number, "control character " + describeCharacter(codePoint));
                lineHasControl = true;
                break;
            }
        }
        usable = usable && !lineHasControl;
        result.lines.push_back(SourceLine{number, std::move(*normalised)});
    }
    if (!usable)
        return std::nullopt;
    return result;
}

std::optional<SourceText> readSourceText(const std::filesystem::path& path, const std::string& displayName,
                                         Diagnostics& diagnostics) {
    std::string content;
    try {
        content = os::readTextFile(path, kMaximumTextFileBytes);
    } catch (const os::FileError& error) {
        diagnostics.report(displayName, 0, error.what());
        return std::nullopt;
    }
    return splitSourceText(content, displayName, diagnostics);
}

} // namespace kiosk::builder
