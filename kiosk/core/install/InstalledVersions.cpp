#include "install/InstalledVersions.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/PackSignature.hpp"

#include <charconv>

namespace kiosk::install {

namespace {

constexpr std::string_view kHeader = "kiosk-installed-versions 1";
// Far more than any kiosk will see (one line per pack id it ever installed).
constexpr std::uint64_t kMaximumRecordBytes = 64 * 1024;

std::optional<std::int64_t> wholeNumber(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

} // namespace

InstalledVersions InstalledVersions::load(const DataDirectory& data) {
    const std::filesystem::path file = data.installedVersionsFile();
    if (!os::linkStatus(file))
        return {};
    try {
        return parse(os::readTextFile(file, kMaximumRecordBytes));
    } catch (const std::exception& error) {
        InstalledVersions unreadable;
        unreadable.problem_ = std::string("cannot read the installed-versions record: ") + error.what();
        return unreadable;
    }
}

InstalledVersions InstalledVersions::parse(std::string_view text) {
    InstalledVersions record;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNumber;
        if (lineNumber == 1) {
            if (line != kHeader) {
                record.problem_ =
                    "the installed-versions record does not start with '" + std::string(kHeader) + "'";
                return record;
            }
            continue;
        }
        if (line.empty())
            continue;
        const std::size_t space = line.find(' ');
        const std::string_view packId = line.substr(0, space);
        const std::optional<std::int64_t> version =
            space == std::string_view::npos ? std::nullopt : wholeNumber(line.substr(space + 1));
        if (!signing::isWellFormedPackId(packId) || !version) {
            // Keep what can be read: every line that is readable still protects its pack.
            record.problem_ =
                "line " + std::to_string(lineNumber) + " of the installed-versions record is damaged";
            continue;
        }
        record.raise(std::string(packId), *version);
    }
    if (lineNumber == 0)
        record.problem_ = "the installed-versions record is empty";
    return record;
}

std::optional<std::int64_t> InstalledVersions::highest(const std::string& packId) const {
    const auto found = highest_.find(packId);
    if (found == highest_.end())
        return std::nullopt;
    return found->second;
}

bool InstalledVersions::raise(const std::string& packId, std::int64_t version) {
    const auto [entry, inserted] = highest_.try_emplace(packId, version);
    if (inserted)
        return true;
    if (entry->second >= version)
        return false;
    entry->second = version;
    return true;
}

std::string InstalledVersions::format() const {
    std::string text(kHeader);
    text += '\n';
    for (const auto& [packId, version] : highest_)
        text += packId + ' ' + std::to_string(version) + '\n';
    return text;
}

void InstalledVersions::save(const DataDirectory& data) const {
    os::createDirectoriesDurably(data.packsDirectory());
    os::writeFileAtomically(data.installedVersionsFile(), format());
}

} // namespace kiosk::install
