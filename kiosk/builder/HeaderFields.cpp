#include "HeaderFields.hpp"

#include <algorithm>
#include <map>

namespace kiosk::builder {

namespace {

bool isKeyCharacter(char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
           character == '.' || character == '-';
}

std::size_t editDistance(const std::string& left, const std::string& right) {
    std::vector<std::size_t> previous(right.size() + 1);
    std::vector<std::size_t> current(right.size() + 1);
    for (std::size_t column = 0; column <= right.size(); ++column)
        previous[column] = column;
    for (std::size_t row = 1; row <= left.size(); ++row) {
        current[0] = row;
        for (std::size_t column = 1; column <= right.size(); ++column) {
            const std::size_t substitution =
                previous[column - 1] + (left[row - 1] == right[column - 1] ? 0 : 1);
            current[column] = std::min({previous[column] + 1, current[column - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[right.size()];
}

} // namespace

HeaderFields HeaderFields::parse(std::span<const SourceLine> lines, const std::string& file, int anchorLine,
                                 Diagnostics& diagnostics) {
    HeaderFields result;
    result.file_ = file;
    result.anchorLine_ = anchorLine;
    std::map<std::string, int> firstLineOfKey;
    for (const SourceLine& line : lines) {
        const std::string text = trimSpaces(line.text);
        if (text.empty() || text.front() == '#')
            continue;
        const std::size_t colon = text.find(':');
        const std::string key =
            colon == std::string::npos ? std::string() : trimSpaces(text.substr(0, colon));
        if (key.empty() || !std::all_of(key.begin(), key.end(), isKeyCharacter)) {
            diagnostics.report(file, line.number,
                               "expected 'key: value' (keys are lowercase, like 'title'), found '" +
                                   text.substr(0, 60) + "'");
            continue;
        }
        if (const auto [existing, inserted] = firstLineOfKey.emplace(key, line.number); !inserted) {
            diagnostics.report(file, line.number,
                               "'" + key + "' is given twice (first on line " +
                                   std::to_string(existing->second) + ")");
            continue;
        }
        result.fields_.push_back(HeaderField{key, trimSpaces(text.substr(colon + 1)), line.number});
    }
    return result;
}

const HeaderField* HeaderFields::find(std::string_view key) const {
    for (const HeaderField& field : fields_)
        if (field.key == key)
            return &field;
    return nullptr;
}

const HeaderField* HeaderFields::optional(std::string_view key) const {
    const HeaderField* field = find(key);
    return field && !field->value.empty() ? field : nullptr;
}

const HeaderField* HeaderFields::required(std::string_view key, Diagnostics& diagnostics) const {
    const HeaderField* field = find(key);
    if (!field) {
        diagnostics.report(file_, anchorLine_, "missing required key '" + std::string(key) + "'");
        return nullptr;
    }
    if (field->value.empty()) {
        diagnostics.report(file_, field->line, "'" + std::string(key) + "' is empty");
        return nullptr;
    }
    return field;
}

void HeaderFields::collectDisplayedValues(
    std::vector<DisplayedText>& displayed, std::initializer_list<std::string_view> hiddenKeys,
    std::initializer_list<std::string_view> hiddenLocalizedNames) const {
    for (const HeaderField& field : fields_) {
        const std::optional<LocalizedKey> localized = splitLocalizedKey(field.key);
        const bool hidden = std::find(hiddenKeys.begin(), hiddenKeys.end(), field.key) != hiddenKeys.end() ||
                            (localized && std::find(hiddenLocalizedNames.begin(), hiddenLocalizedNames.end(),
                                                    localized->name) != hiddenLocalizedNames.end());
        if (!hidden && !field.value.empty())
            displayed.push_back(DisplayedText{SourceLocation{file_, field.line}, field.value});
    }
}

std::optional<LocalizedKey> splitLocalizedKey(const std::string& key) {
    const std::size_t dot = key.rfind('.');
    if (dot == std::string::npos || dot == 0)
        return std::nullopt;
    return LocalizedKey{key.substr(0, dot), key.substr(dot + 1)};
}

std::string unknownKeyMessage(const std::string& key, const std::vector<std::string>& knownKeys) {
    std::string message = "unknown key '" + key + "'";
    const std::string* closest = nullptr;
    std::size_t closestDistance = 3; // further than two edits is not a typo
    for (const std::string& known : knownKeys) {
        const std::size_t distance = editDistance(key, known);
        if (distance < closestDistance) {
            closest = &known;
            closestDistance = distance;
        }
    }
    if (closest)
        message += " (did you mean '" + *closest + "'?)";
    return message;
}

} // namespace kiosk::builder
