#include "install/InstallHistory.hpp"

#include "install/RecordLines.hpp"
#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"

#include <algorithm>
#include <optional>

namespace kiosk::install {

namespace {

constexpr std::string_view kHeader = "kiosk-install-history 1";
// kKeptInstalls short lines; anything much larger was not written by the kiosk.
constexpr std::uint64_t kMaximumRecordBytes = 64 * 1024;
constexpr std::size_t kMaximumFieldBytes = 200;

// A field as it may stand in the file: no tab or line break, a bounded length.
std::string fieldOf(std::string_view text) {
    std::string field(text.substr(0, kMaximumFieldBytes));
    std::replace_if(
        field.begin(), field.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return field;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    while (true) {
        const std::size_t tab = line.find('\t');
        fields.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos)
            return fields;
        line = line.substr(tab + 1);
    }
}

} // namespace

std::vector<InstallHistoryEntry> InstallHistory::load(const DataDirectory& data) {
    const std::filesystem::path file = data.installHistoryFile();
    if (!os::linkStatus(file))
        return {};
    try {
        return parse(os::readTextFile(file, kMaximumRecordBytes));
    } catch (const std::exception&) {
        return {};
    }
}

std::vector<InstallHistoryEntry> InstallHistory::parse(std::string_view text) {
    std::vector<InstallHistoryEntry> entries;
    const RecordHeader header = forEachRecordLine(text, kHeader, [&](std::string_view line, std::size_t) {
        const std::vector<std::string_view> fields = splitTabs(line);
        if (fields.size() != 5)
            return;
        const std::optional<std::int64_t> seconds = nonNegativeWholeNumber(fields[0]);
        const std::optional<std::int64_t> version = nonNegativeWholeNumber(fields[3]);
        if (!seconds || !version || fields[1].empty() || fields[4].empty())
            return;
        entries.push_back({*seconds, fieldOf(fields[1]), fieldOf(fields[2]), *version, fieldOf(fields[4])});
    });
    if (header != RecordHeader::Matches)
        return {};
    if (entries.size() > kKeptInstalls)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(kKeptInstalls));
    return entries;
}

std::string InstallHistory::format(const std::vector<InstallHistoryEntry>& entries) {
    std::string text = std::string(kHeader) + "\n";
    for (const InstallHistoryEntry& entry : entries)
        text += std::to_string(std::max<std::int64_t>(0, entry.wallSeconds)) + "\t" + fieldOf(entry.outcome) +
                "\t" + fieldOf(entry.packId) + "\t" +
                std::to_string(std::max<std::int64_t>(0, entry.packVersion)) + "\t" +
                fieldOf(entry.reasonCode) + "\n";
    return text;
}

void InstallHistory::append(const DataDirectory& data, InstallHistoryEntry entry) {
    std::vector<InstallHistoryEntry> entries = load(data);
    entries.push_back(std::move(entry));
    if (entries.size() > kKeptInstalls)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(kKeptInstalls));
    os::writeFileAtomically(data.installHistoryFile(), format(entries));
}

} // namespace kiosk::install
