#include "signing/FieldFile.hpp"

#include "signing/SigningError.hpp"

#include <algorithm>

namespace kiosk::signing {

FieldFile FieldFile::parse(std::string_view text, std::string_view header, bool allowComments) {
    FieldFile file;
    std::size_t start = 0;
    int lineNumber = 0;
    bool headerSeen = false;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1); // written or copied on Windows
        if (!headerSeen) {
            if (line != header)
                throw SigningError("line 1 should be '" + std::string(header) + "'");
            headerSeen = true;
            continue;
        }
        if (allowComments && (line.empty() || line.front() == '#'))
            continue;
        const std::size_t colon = line.find(": ");
        if (colon == std::string_view::npos || colon == 0)
            throw SigningError("line " + std::to_string(lineNumber) + " is not 'name: value'");
        std::string name(line.substr(0, colon));
        std::string value(line.substr(colon + 2));
        if (file.has(name))
            throw SigningError("field '" + name + "' appears twice");
        file.fields_.emplace_back(std::move(name), std::move(value));
    }
    if (!headerSeen)
        throw SigningError("the file is empty");
    return file;
}

const std::string& FieldFile::required(std::string_view name) const {
    for (const auto& [fieldName, value] : fields_)
        if (fieldName == name)
            return value;
    throw SigningError("field '" + std::string(name) + "' is missing");
}

bool FieldFile::has(std::string_view name) const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [&](const auto& field) { return field.first == name; });
}

void FieldFile::requireOnly(std::initializer_list<std::string_view> known) const {
    for (const auto& [name, value] : fields_)
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw SigningError("unknown field '" + name.substr(0, 40) + "'");
}

std::vector<std::string> FieldFile::names() const {
    std::vector<std::string> names;
    for (const auto& field : fields_)
        names.push_back(field.first);
    return names;
}

} // namespace kiosk::signing
