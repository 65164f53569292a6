#include "text/UiStrings.hpp"

#include "text/Unicode.hpp"

#include <sstream>
#include <stdexcept>

namespace kiosk::text {

namespace {

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos)
            return fields;
        start = tab + 1;
    }
}

} // namespace

UiStrings UiStrings::parse(const std::string& tsv, const std::string& sourceName) {
    UiStrings strings;
    std::istringstream lines(tsv);
    std::string line;
    int lineNumber = 0;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string where = sourceName + ":" + std::to_string(lineNumber);
        if (const auto problem = packTextProblem(line))
            throw std::runtime_error(where + ": " + *problem);
        if (line.empty() || line[0] == '#')
            continue;
        const std::vector<std::string> fields = splitTabs(line);
        if (strings.languages_.empty()) {
            if (fields.size() < 2 || fields[0] != "key")
                throw std::runtime_error(where + ": expected a header line 'key<TAB>vie<TAB>eng...'");
            strings.languages_.assign(fields.begin() + 1, fields.end());
            continue;
        }
        if (fields.size() != strings.languages_.size() + 1)
            throw std::runtime_error(where + ": expected " + std::to_string(strings.languages_.size() + 1) +
                                     " tab-separated fields, found " + std::to_string(fields.size()));
        for (std::size_t column = 1; column < fields.size(); ++column)
            if (!fields[column].empty())
                strings.byKey_[fields[0]][strings.languages_[column - 1]] = fields[column];
    }
    if (strings.languages_.empty())
        throw std::runtime_error(sourceName + ": no header line");
    return strings;
}

std::string UiStrings::get(const std::string& key, const std::string& language) const {
    const auto entry = byKey_.find(key);
    if (entry == byKey_.end())
        return key;
    for (const std::string& candidate : {language, std::string("eng"), std::string("vie")})
        if (const auto found = entry->second.find(candidate); found != entry->second.end())
            return found->second;
    return key;
}

bool UiStrings::has(const std::string& key, const std::string& language) const {
    const auto entry = byKey_.find(key);
    return entry != byKey_.end() && entry->second.contains(language);
}

std::string UiStrings::allText() const {
    std::string text;
    for (const auto& [key, byLanguage] : byKey_)
        for (const auto& [language, value] : byLanguage)
            text += value;
    return text;
}

std::string fillPlaceholder(std::string pattern, const std::string& name, const std::string& value) {
    const std::string placeholder = "{" + name + "}";
    for (std::size_t at = pattern.find(placeholder); at != std::string::npos;
         at = pattern.find(placeholder, at + value.size()))
        pattern.replace(at, placeholder.size(), value);
    return pattern;
}

} // namespace kiosk::text
