#include "install/RecordLines.hpp"

#include <charconv>

namespace kiosk::install {

std::optional<std::int64_t> nonNegativeWholeNumber(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

RecordHeader
forEachRecordLine(std::string_view text, std::string_view header,
                  const std::function<void(std::string_view line, std::size_t lineNumber)>& visit) {
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (++lineNumber == 1) {
            if (line != header)
                return RecordHeader::Foreign;
            continue;
        }
        visit(line, lineNumber);
    }
    return lineNumber == 0 ? RecordHeader::Empty : RecordHeader::Matches;
}

} // namespace kiosk::install
