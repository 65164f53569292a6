#include "install/InstalledVersions.hpp"

#include "install/RecordLines.hpp"
#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/PackSignature.hpp"

namespace kiosk::install {

namespace {

constexpr std::string_view kHeader = "kiosk-installed-versions 1";
// Far more than any kiosk will see (one line per pack id it ever installed).
constexpr std::uint64_t kMaximumRecordBytes = 64 * 1024;

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
    const RecordHeader header =
        forEachRecordLine(text, kHeader, [&](std::string_view line, std::size_t number) {
            if (line.empty())
                return;
            const std::size_t space = line.find(' ');
            const std::string_view packId = line.substr(0, space);
            const std::optional<std::int64_t> version = space == std::string_view::npos
                                                            ? std::nullopt
                                                            : nonNegativeWholeNumber(line.substr(space + 1));
            if (!signing::isWellFormedPackId(packId) || !version) {
                // Keep what can be read: every line that is readable still protects its pack.
                record.problem_ =
                    "line " + std::to_string(number) + " of the installed-versions record is damaged";
                return;
            }
            record.raise(std::string(packId), *version);
        });
    if (header == RecordHeader::Foreign)
        record.problem_ = "the installed-versions record does not start with '" + std::string(kHeader) + "'";
    if (header == RecordHeader::Empty)
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
