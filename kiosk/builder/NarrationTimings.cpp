#include "NarrationTimings.hpp"

#include "SourceRules.hpp"

namespace kiosk::builder {

namespace {

std::string formatTimestamp(std::int64_t milliseconds) {
    const std::int64_t seconds = milliseconds / 1000;
    std::string text =
        std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") + std::to_string(seconds % 60);
    if (milliseconds % 1000 != 0) {
        std::string fraction = std::to_string(1000 + milliseconds % 1000).substr(1);
        while (fraction.back() == '0')
            fraction.pop_back();
        text += "." + fraction;
    }
    return text;
}

} // namespace

std::optional<std::int64_t> parseTimestampMilliseconds(const std::string& text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2)
        return std::nullopt;
    const std::size_t dot = text.find('.', colon);
    const std::string secondsText =
        text.substr(colon + 1, dot == std::string::npos ? std::string::npos : dot - colon - 1);
    const std::string fractionText = dot == std::string::npos ? "" : text.substr(dot + 1);
    if (secondsText.size() != 2 ||
        (dot != std::string::npos && (fractionText.empty() || fractionText.size() > 3)))
        return std::nullopt;
    const std::optional<std::int64_t> minutes = parseWholeNumber(text.substr(0, colon), 0, 99);
    const std::optional<std::int64_t> seconds = parseWholeNumber(secondsText, 0, 59);
    std::optional<std::int64_t> fraction =
        fractionText.empty() ? std::optional<std::int64_t>(0) : parseWholeNumber(fractionText, 0, 999);
    if (!minutes || !seconds || !fraction)
        return std::nullopt;
    for (std::size_t digits = fractionText.size(); digits < 3; ++digits)
        *fraction *= 10;
    return (*minutes * 60 + *seconds) * 1000 + *fraction;
}

std::optional<std::vector<std::int64_t>> parseNarrationTimings(const SourceText& file, std::size_t blockCount,
                                                               std::int64_t durationMilliseconds,
                                                               Diagnostics& diagnostics) {
    std::vector<std::int64_t> starts;
    bool valid = true;
    int lastLine = 0;
    for (const SourceLine& line : file.lines) {
        const std::string text = trimSpaces(line.text);
        if (text.empty() || text.front() == '#')
            continue;
        lastLine = line.number;
        const std::optional<std::int64_t> start = parseTimestampMilliseconds(text);
        if (!start) {
            diagnostics.report(file.displayName, line.number,
                               "a time must be minutes:seconds, like 1:05 or 1:05.5, found '" + text + "'");
            valid = false;
            continue;
        }
        if (starts.size() == blockCount) {
            diagnostics.report(file.displayName, line.number,
                               "more times than the page has blocks (" + std::to_string(blockCount) +
                                   "): one time per heading, paragraph and list item");
            return std::nullopt;
        }
        if (!starts.empty() && *start <= starts.back()) {
            diagnostics.report(file.displayName, line.number,
                               "block " + std::to_string(starts.size() + 1) + " starts at " +
                                   formatTimestamp(*start) + ", not after block " +
                                   std::to_string(starts.size()) + " (" + formatTimestamp(starts.back()) +
                                   ")");
            valid = false;
        } else if (*start >= durationMilliseconds) {
            diagnostics.report(file.displayName, line.number,
                               "block " + std::to_string(starts.size() + 1) + " starts at " +
                                   formatTimestamp(*start) + ", after the recording's end (" +
                                   formatTimestamp(durationMilliseconds) + ")");
            valid = false;
        }
        starts.push_back(*start);
    }
    if (valid && starts.size() != blockCount) {
        diagnostics.report(file.displayName, lastLine,
                           std::to_string(starts.size()) + " times for a page of " +
                               std::to_string(blockCount) +
                               " blocks: give one time per heading, paragraph and list item");
        valid = false;
    }
    return valid ? std::optional(std::move(starts)) : std::nullopt;
}

} // namespace kiosk::builder
