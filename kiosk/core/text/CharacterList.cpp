#include "text/CharacterList.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace kiosk::text {

namespace {

// More code points than any pack can use (the fonts hold fewer glyphs): a list claiming more
// is damaged or made to exhaust memory.
constexpr char32_t kMaximumCharacters = 65536;
constexpr char32_t kLastCodePoint = 0x10FFFF;

void appendHex(std::string& out, char32_t value) {
    char digits[8];
    const auto written = std::to_chars(digits, digits + sizeof digits, static_cast<std::uint32_t>(value), 16);
    out.append(digits, written.ptr);
}

char32_t parseHex(std::string_view digits) {
    // Lower-case only and no leading zeros: one spelling per list, as the builder writes it.
    if (digits.empty() || digits.size() > 6 || (digits.size() > 1 && digits.front() == '0'))
        throw CharacterListError("bad code point '" + std::string(digits.substr(0, 8)) + "'");
    for (const char digit : digits)
        if (!((digit >= '0' && digit <= '9') || (digit >= 'a' && digit <= 'f')))
            throw CharacterListError("bad code point '" + std::string(digits) + "'");
    std::uint32_t value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (value > kLastCodePoint || (value >= 0xD800 && value <= 0xDFFF))
        throw CharacterListError("'" + std::string(digits) + "' is not a character");
    return static_cast<char32_t>(value);
}

} // namespace

std::string formatCharacterList(const std::vector<char32_t>& characters) {
    std::string out;
    for (std::size_t start = 0; start < characters.size();) {
        std::size_t end = start;
        while (end + 1 < characters.size() && characters[end + 1] == characters[end] + 1)
            ++end;
        if (!out.empty())
            out += ' ';
        appendHex(out, characters[start]);
        if (end > start) {
            out += '-';
            appendHex(out, characters[end]);
        }
        start = end + 1;
    }
    return out;
}

std::vector<char32_t> parseCharacterList(std::string_view list) {
    std::vector<char32_t> characters;
    if (list.empty())
        return characters; // a pack without text
    for (std::size_t itemStart = 0; itemStart <= list.size();) {
        const std::size_t space = std::min(list.find(' ', itemStart), list.size());
        const std::string_view item = list.substr(itemStart, space - itemStart);
        itemStart = space + 1;
        if (item.empty())
            throw CharacterListError("empty item (two spaces, or a space at an end)");
        const std::size_t dash = item.find('-');
        const char32_t low = parseHex(item.substr(0, dash));
        const char32_t high = dash == std::string_view::npos ? low : parseHex(item.substr(dash + 1));
        if (dash != std::string_view::npos && high <= low)
            throw CharacterListError("range '" + std::string(item) + "' does not ascend");
        if (low < 0xD800 && high > 0xDFFF)
            throw CharacterListError("range '" + std::string(item) + "' spans the surrogates");
        if (!characters.empty() && low <= characters.back() + 1)
            throw CharacterListError("'" + std::string(item) +
                                     "' is out of order or joins the item before it");
        if (characters.size() + (high - low + 1) > kMaximumCharacters)
            throw CharacterListError("more than " + std::to_string(kMaximumCharacters) + " characters");
        for (char32_t character = low; character <= high; ++character)
            characters.push_back(character);
    }
    return characters;
}

} // namespace kiosk::text
