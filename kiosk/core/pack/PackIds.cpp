#include "pack/PackIds.hpp"

#include <algorithm>

namespace kiosk::pack {

namespace {

bool isDigit(char character) {
    return character >= '0' && character <= '9';
}
bool isLowercaseLetter(char character) {
    return character >= 'a' && character <= 'z';
}
bool isUppercaseLetter(char character) {
    return character >= 'A' && character <= 'Z';
}

} // namespace

bool isValidItemId(std::string_view id) {
    if (id.empty() || id.size() > 64 || !(isLowercaseLetter(id[0]) || isDigit(id[0])))
        return false;
    return std::all_of(id.begin(), id.end(), [](char character) {
        return isLowercaseLetter(character) || isDigit(character) || character == '-' || character == '_';
    });
}

bool isValidPackId(std::string_view id) {
    if (id.empty() || id.size() > 100)
        return false;
    if (!(isLowercaseLetter(id[0]) || isUppercaseLetter(id[0]) || isDigit(id[0])))
        return false;
    return std::all_of(id.begin(), id.end(), [](char character) {
        return isLowercaseLetter(character) || isUppercaseLetter(character) || isDigit(character) ||
               character == '.' || character == '-';
    });
}

bool isLanguageCode(std::string_view code) {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), isLowercaseLetter);
}

} // namespace kiosk::pack
