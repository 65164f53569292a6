#include "stats/OutboxCopy.hpp"

#include "os/ConfinedDirectory.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/KioskIdentity.hpp"
#include "text/Unicode.hpp"

#include <algorithm>

namespace kiosk::stats {

namespace {

// "<n>.csv" or "<n>.json" as ExportFormat names them; anything else is not copied.
bool isExportFileName(const std::string& name, std::string_view extension) {
    return name.size() > extension.size() && name.ends_with(extension) &&
           parseExportSequence(std::string_view(name).substr(0, name.size() - extension.size())).has_value();
}

void copyKioskFolder(const os::ConfinedDirectory& outbox, const os::ConfinedDirectory& stick,
                     const std::string& kioskId, OutboxCopyReport& report) {
    // The outbox's side: whatever is odd there is skipped and named, it stops nothing.
    std::optional<os::ConfinedDirectory> from;
    try {
        from.emplace(outbox.subdirectory(kioskId, os::ConfinedDirectory::IfMissing::Fail));
    } catch (const os::ConfinementError& error) {
        report.problems.push_back(std::string("outbox: ") + error.what() + ": skipped");
        return;
    }
    std::vector<os::DirectoryEntry> entries = from->list();
    std::sort(entries.begin(), entries.end(),
              [](const os::DirectoryEntry& left, const os::DirectoryEntry& right) {
                  return left.name < right.name;
              });
    std::optional<os::ConfinedDirectory> to;
    // The CSVs first: a header on the stick must always describe a complete CSV.
    for (const std::string_view extension : {".csv", ".json"}) {
        for (const os::DirectoryEntry& entry : entries) {
            if (!isExportFileName(entry.name, extension))
                continue;
            if (entry.status.type != os::FileType::Regular) {
                report.problems.push_back(kioskId + "/" + text::printableForLog(entry.name) +
                                          " in the outbox is not a plain file: skipped");
                continue;
            }
            if (entry.status.size > kMaximumCopiedFileBytes) {
                report.problems.push_back(kioskId + "/" + entry.name + " is larger than 32 MB: skipped");
                continue;
            }
            std::vector<std::uint8_t> bytes;
            try {
                bytes = from->readFile(entry.name, kMaximumCopiedFileBytes);
            } catch (const os::ConfinementError& error) { // replaced since it was listed
                report.problems.push_back(std::string("outbox: ") + error.what() + ": skipped");
                continue;
            }
            if (!to)
                to.emplace(stick.subdirectory("stats/" + kioskId, os::ConfinedDirectory::IfMissing::Create));
            to->writeFileAtomically(entry.name, bytes);
            ++report.copied;
        }
    }
}

} // namespace

OutboxCopyReport copyOutboxToStick(const std::filesystem::path& outboxStats,
                                   const std::filesystem::path& stickKioskFolder) {
    OutboxCopyReport report;
    std::optional<os::ConfinedDirectory> outbox;
    std::optional<os::ConfinedDirectory> stick;
    try {
        outbox.emplace(os::ConfinedDirectory::open(outboxStats));
        stick.emplace(os::ConfinedDirectory::open(stickKioskFolder));
    } catch (const os::ConfinementError& error) {
        report.refused = true;
        report.problems.push_back(error.what());
        return report;
    } catch (const std::exception& error) {
        report.failed = true;
        report.problems.push_back(error.what());
        return report;
    }
    std::vector<std::string> kioskIds;
    try {
        for (const os::DirectoryEntry& entry : outbox->list())
            if (isValidKioskId(entry.name))
                kioskIds.push_back(entry.name);
            else
                report.problems.push_back("outbox: " + text::printableForLog(entry.name) +
                                          " is not a kiosk folder: skipped");
    } catch (const std::exception& error) {
        report.failed = true;
        report.problems.push_back(error.what());
        return report;
    }
    std::sort(kioskIds.begin(), kioskIds.end());
    for (const std::string& kioskId : kioskIds) {
        try {
            copyKioskFolder(*outbox, *stick, kioskId, report);
        } catch (const os::ConfinementError& error) { // the stick's side
            report.refused = true;
            report.problems.push_back(error.what());
        } catch (const std::exception& error) {
            report.failed = true;
            report.problems.push_back(error.what());
        }
    }
    return report;
}

} // namespace kiosk::stats
