#include "SourceRules.hpp"

#include <algorithm>

namespace kiosk::builder {

namespace {

bool isDigit(char character) {
    return character >= '0' && character <= '9';
}
bool isUppercaseLetter(char character) {
    return character >= 'A' && character <= 'Z';
}

// Matches `text` against a pattern where 'D' is a digit and anything else is itself.
bool matchesShape(const std::string& text, const std::string& shape) {
    if (text.size() != shape.size())
        return false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const bool matches = shape[index] == 'D' ? isDigit(text[index]) : text[index] == shape[index];
        if (!matches)
            return false;
    }
    return true;
}

int number(const std::string& text, std::size_t offset, std::size_t length) {
    return std::stoi(text.substr(offset, length));
}

int daysInMonth(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leapYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leapYear ? 29 : days[month - 1];
}

bool isPlausibleYear(int year) {
    return year >= 1900 && year <= 2200;
}

bool isYearMonth(const std::string& text) {
    if (!matchesShape(text, "DDDD-DD"))
        return false;
    const int month = number(text, 5, 2);
    return isPlausibleYear(number(text, 0, 4)) && month >= 1 && month <= 12;
}

bool hasExtension(const std::string& name, const std::string& extension) {
    if (name.size() <= extension.size())
        return false;
    return std::equal(extension.rbegin(), extension.rend(), name.rbegin(), [](char expected, char actual) {
        return expected == (isUppercaseLetter(actual) ? static_cast<char>(actual - 'A' + 'a') : actual);
    });
}

} // namespace

std::optional<std::int64_t> parseWholeNumber(const std::string& text, std::int64_t minimum,
                                             std::int64_t maximum) {
    // Eighteen digits cannot overflow an int64; longer numbers are never meant seriously here.
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), isDigit))
        return std::nullopt;
    const std::int64_t value = std::stoll(text);
    if (value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

std::optional<bool> parseYesNo(const std::string& text) {
    if (text == "yes")
        return true;
    if (text == "no")
        return false;
    return std::nullopt;
}

bool isCalendarDate(const std::string& text) {
    if (!matchesShape(text, "DDDD-DD-DD") || !isYearMonth(text.substr(0, 7)))
        return false;
    const int day = number(text, 8, 2);
    return day >= 1 && day <= daysInMonth(number(text, 0, 4), number(text, 5, 2));
}

bool isPeriodDate(const std::string& text) {
    if (matchesShape(text, "DDDD"))
        return isPlausibleYear(number(text, 0, 4));
    return isYearMonth(text) || isCalendarDate(text);
}

bool isMeetingTime(const std::string& text) {
    if (isCalendarDate(text))
        return true;
    if (!matchesShape(text, "DDDD-DD-DD DD:DD") || !isCalendarDate(text.substr(0, 10)))
        return false;
    return number(text, 11, 2) <= 23 && number(text, 14, 2) <= 59;
}

bool endsBeforeStart(const std::string& start, const std::string& end) {
    const std::size_t common = std::min(start.size(), end.size());
    return end.substr(0, common) < start.substr(0, common);
}

bool isImageFileName(const std::string& name) {
    if (name.empty() || name.size() > 200 || name.front() == '.')
        return false;
    const bool hasForbiddenCharacter = std::any_of(name.begin(), name.end(), [](char character) {
        return character == '/' || character == '\\' || character == ':' ||
               static_cast<unsigned char>(character) < 0x20;
    });
    if (hasForbiddenCharacter)
        return false;
    return hasExtension(name, ".png") || hasExtension(name, ".jpg") || hasExtension(name, ".jpeg");
}

std::optional<std::string> pictureNameProblem(const std::string& name) {
    if (isImageFileName(name))
        return std::nullopt;
    const bool looksLikePath = name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
                               name.find("..") != std::string::npos;
    if (looksLikePath)
        return "'" + name + "': give only the file name of a picture in images/, no folders";
    return "'" + name + "' is not a picture file name (.png, .jpg or .jpeg from images/)";
}

bool isWebLink(const std::string& text) {
    const bool knownScheme = text.starts_with("https://") || text.starts_with("http://");
    return knownScheme && text.size() <= 2000 && text.find(' ') == std::string::npos;
}

} // namespace kiosk::builder
