#include "stats/UsbOutbox.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "stats/Calendar.hpp"
#include "stats/ExportFormat.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <charconv>

namespace kiosk::stats {

namespace {

// A malformed line is logged once per request, at most this many: a file that keeps
// changing must not fill the journal.
constexpr std::size_t kMaximumLoggedProblems = 8;
constexpr std::size_t kMaximumNameLength = 64;
// Headers name every page of every pack: generous, but not unbounded.
constexpr std::uint64_t kMaximumHeaderBytes = 16 * 1024 * 1024;

bool isPlainName(std::string_view text) {
    if (text.empty() || text.size() > kMaximumNameLength)
        return false;
    return std::all_of(text.begin(), text.end(), [](char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
               (character >= '0' && character <= '9') || character == '.' || character == '_' ||
               character == '-';
    });
}

std::optional<std::int64_t> parseDigits(std::string_view text, std::size_t maximumDigits) {
    if (text.empty() || text.size() > maximumDigits)
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

std::vector<std::string_view> splitOnBlanks(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t position = 0;
    while (position < line.size()) {
        while (position < line.size() && (line[position] == ' ' || line[position] == '\t'))
            ++position;
        const std::size_t start = position;
        while (position < line.size() && line[position] != ' ' && line[position] != '\t')
            ++position;
        if (position > start)
            fields.push_back(line.substr(start, position - start));
    }
    return fields;
}

// The sequence of an export file name "<n>.csv" or "<n>.json"; nothing for other names.
std::optional<std::int64_t> sequenceOf(const std::string& name, std::string_view extension) {
    if (name.size() <= extension.size() || !name.ends_with(extension))
        return std::nullopt;
    return parseDigits(std::string_view(name).substr(0, name.size() - extension.size()), 18);
}

} // namespace

std::optional<std::int64_t> parseIsoDateTime(std::string_view text) {
    // 2026-11-25T10:00:05+07:00 (25 characters) or 2026-11-25T03:00:05Z (20).
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const std::optional<std::int64_t> day = parseDay(text.substr(0, 10));
    const auto hours = parseDigits(text.substr(11, 2), 2);
    const auto minutes = parseDigits(text.substr(14, 2), 2);
    const auto seconds = parseDigits(text.substr(17, 2), 2);
    if (!day || !hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 60)
        return std::nullopt;
    const std::string_view zone = text.substr(19);
    std::int64_t offsetSeconds = 0;
    if (zone != "Z") {
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
            return std::nullopt;
        const auto offsetHours = parseDigits(zone.substr(1, 2), 2);
        const auto offsetMinutes = parseDigits(zone.substr(4, 2), 2);
        if (!offsetHours || !offsetMinutes || *offsetHours > 14 || *offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = (*offsetHours * 3600 + *offsetMinutes * 60) * (zone[0] == '-' ? -1 : 1);
    }
    return *day * 86400 + *hours * 3600 + *minutes * 60 + *seconds - offsetSeconds;
}

std::optional<UsbExportResult> parseUsbExportResultLine(std::string_view line) {
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const std::vector<std::string_view> fields = splitOnBlanks(line);
    if (fields.empty())
        return std::nullopt;
    UsbExportResult result;
    std::size_t expectedFields = 0;
    if (fields[0] == "ok") {
        result.outcome = UsbExportResult::Outcome::Copied;
        expectedFields = 4;
    } else if (fields[0] == "no-stick") {
        result.outcome = UsbExportResult::Outcome::NoStick;
        expectedFields = 2;
    } else if (fields[0] == "failed") {
        result.outcome = UsbExportResult::Outcome::Failed;
        expectedFields = 4;
    } else {
        return std::nullopt;
    }
    if (fields.size() != expectedFields)
        return std::nullopt;
    const std::optional<std::int64_t> time = parseIsoDateTime(fields.back());
    if (!time)
        return std::nullopt;
    result.wallSeconds = *time;
    if (result.outcome == UsbExportResult::Outcome::NoStick)
        return result;
    if (!isPlainName(fields[1]))
        return std::nullopt;
    result.stick = std::string(fields[1]);
    if (result.outcome == UsbExportResult::Outcome::Copied) {
        const std::optional<std::int64_t> files = parseDigits(fields[2], 9);
        if (!files)
            return std::nullopt;
        result.files = *files;
    } else {
        if (!isPlainName(fields[2]))
            return std::nullopt;
        result.reason = std::string(fields[2]);
    }
    return result;
}

UsbExportResultReading readUsbExportResultFile(const std::filesystem::path& file) {
    UsbExportResultReading reading;
    if (!os::linkStatus(file))
        return reading; // nothing exported since the board started
    os::FileStart start;
    try {
        start = os::readFileStart(file, kMaximumResultFileBytes);
    } catch (const os::FileError& error) {
        reading.problems.push_back(error.what());
        return reading;
    }
    std::string_view text = start.bytes;
    if (!start.wholeFile) {
        reading.problems.push_back(file.string() + " is longer than " +
                                   std::to_string(kMaximumResultFileBytes) +
                                   " bytes: only its first lines are read");
        // The last line read is cut off: it is not a line at all.
        const std::size_t lastNewline = text.rfind('\n');
        text = lastNewline == std::string_view::npos ? std::string_view() : text.substr(0, lastNewline + 1);
    }
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNumber;
        if (line.empty() || line == "\r")
            continue;
        if (const std::optional<UsbExportResult> result = parseUsbExportResultLine(line)) {
            if (!reading.newest || result->wallSeconds >= reading.newest->wallSeconds)
                reading.newest = result;
        } else {
            reading.problems.push_back(file.string() + ":" + std::to_string(lineNumber) +
                                       ": not a usb-export result: '" + text::printableForLog(line, 80) +
                                       "'");
        }
    }
    return reading;
}

UsbOutbox::UsbOutbox(const time::Clock& clock, UsbOutboxSettings settings, UsageRecorder& recorder)
    : clock_(clock), settings_(std::move(settings)), recorder_(recorder) {}

std::filesystem::path UsbOutbox::exportFolder() const {
    return exportFolderFor(settings_.outbox / "kiosk", recorder_.kioskId());
}

void UsbOutbox::log(const std::string& line) const {
    if (settings_.log)
        settings_.log(line);
}

void UsbOutbox::requestExport(std::int64_t sequenceFloor) {
    if (waiting_) {
        exportAgain_ = true;
        exportAgainFloor_ = std::max(exportAgainFloor_, sequenceFloor);
        status_ = UsbOutboxStatus{UsbOutboxStatus::State::Saving, {}};
        return;
    }
    writeExportAndRequest(sequenceFloor);
}

void UsbOutbox::writeExportAndRequest(std::int64_t sequenceFloor) {
    PreparedExport prepared = recorder_.prepareExport(settings_.outbox / "kiosk");
    prepared.sequenceFloor = sequenceFloor;
    // ExportFormat writes each file through a temporary name, fsync and rename, CSV first;
    // the folders it creates are fsynced into their parents.
    const ExportResult written = writePreparedExport(prepared);
    if (!written.saved) {
        log("statistics not written to the USB outbox: " + written.error);
        status_ = UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "outbox-write-failed"};
        return;
    }
    try {
        removeSupersededExports(prepared.header.databaseId, written.sequence);
    } catch (const std::exception& error) {
        // Only tidying: the request goes out all the same.
        log(std::string("cannot tidy the USB outbox: ") + error.what());
    }
    try {
        filesAtRequest_ = countExportFiles();
        // Last, and atomically: the path unit starts usb-export the moment `request` exists,
        // and everything it copies must be complete on the SD card by then. The words are
        // for a person looking into the outbox; usb-export does not read them.
        os::writeFileAtomically(requestFile(), "export " + std::to_string(written.sequence) + "\n");
    } catch (const os::FileError& error) {
        log(std::string("cannot ask for the statistics to be copied to the USB stick: ") + error.what());
        status_ = UsbOutboxStatus{UsbOutboxStatus::State::NotSaved, "outbox-write-failed"};
        return;
    }
    waiting_ = true;
    requestSequence_ = written.sequence;
    requestWallSeconds_ = clock_.wallSeconds();
    requestedAtMilliseconds_ = clock_.monotonicMilliseconds();
    lastPollMilliseconds_ = requestedAtMilliseconds_;
    loggedProblems_.clear();
    status_ = UsbOutboxStatus{UsbOutboxStatus::State::Saving, {}};
    log("statistics export " + std::to_string(written.sequence) + " is in the USB outbox; copy requested");
}

void UsbOutbox::poll() {
    if (!waiting_)
        return;
    const std::int64_t now = clock_.monotonicMilliseconds();
    if (now - lastPollMilliseconds_ < settings_.pollIntervalMilliseconds)
        return;
    lastPollMilliseconds_ = now;
    const UsbExportResultReading reading = readUsbExportResultFile(settings_.resultFile);
    for (const std::string& problem : reading.problems) {
        if (loggedProblems_.size() >= kMaximumLoggedProblems ||
            std::find(loggedProblems_.begin(), loggedProblems_.end(), problem) != loggedProblems_.end())
            continue;
        loggedProblems_.push_back(problem);
        log(problem +
            (loggedProblems_.size() == kMaximumLoggedProblems ? " (further problems are not logged)" : ""));
    }
    // The answer to this request is a line written after it. Both times come from the
    // board's one clock; a line from the same second counts, as `date -Iseconds` truncates.
    if (reading.newest && reading.newest->wallSeconds >= requestWallSeconds_)
        finish(reading.newest);
    else if (now - requestedAtMilliseconds_ >= settings_.timeoutMilliseconds)
        finish(std::nullopt);
}

void UsbOutbox::finish(const std::optional<UsbExportResult>& result) {
    waiting_ = false;
    using State = UsbOutboxStatus::State;
    if (!result) {
        log("no answer from usb-export within " + std::to_string(settings_.timeoutMilliseconds / 1000) +
            " s: statistics not saved to the USB stick");
        status_ = UsbOutboxStatus{State::NotSaved, "timeout"};
        // A second request would most likely go unanswered too: the next stick tries again.
        exportAgain_ = false;
        return;
    }
    switch (result->outcome) {
    case UsbExportResult::Outcome::NoStick:
        log("usb-export found no stick to copy the statistics to");
        status_ = UsbOutboxStatus{State::NotSaved, "no-stick"};
        break;
    case UsbExportResult::Outcome::Failed:
        log("usb-export could not copy the statistics to " + result->stick + ": " + result->reason);
        status_ = UsbOutboxStatus{State::NotSaved, result->reason};
        break;
    case UsbExportResult::Outcome::Copied:
        if (result->files == 0) {
            log("usb-export copied nothing to " + result->stick);
            status_ = UsbOutboxStatus{State::NotSaved, "nothing-copied"};
        } else if (result->files < filesAtRequest_) {
            // Something was skipped (usb-export refuses files over 32 MB): keep it all.
            log("usb-export copied " + std::to_string(result->files) + " of " +
                std::to_string(filesAtRequest_) + " files to " + result->stick);
            status_ = UsbOutboxStatus{State::NotSaved, "incomplete-copy"};
        } else {
            log("usb-export copied " + std::to_string(result->files) + " files to " + result->stick);
            status_ = UsbOutboxStatus{State::Saved, {}};
            removeCopiedExports(requestSequence_);
        }
        break;
    }
    if (exportAgain_) {
        exportAgain_ = false;
        writeExportAndRequest(exportAgainFloor_);
        exportAgainFloor_ = 0;
    }
}

// Exports are cumulative (ExportFormat.hpp): the newest export of a counting database holds
// everything an older one of the same database does, so older ones in the outbox would only
// be copied again and again. Exports of another database (a corrupt stats.db set aside)
// are not contained in the new one: they stay until a stick has them.
void UsbOutbox::removeSupersededExports(const std::string& databaseId, std::int64_t newestSequence) {
    const std::filesystem::path folder = exportFolder();
    for (const os::DirectoryEntry& entry : os::listDirectory(folder)) {
        if (entry.status.type != os::FileType::Regular)
            continue;
        if (entry.name.find(".tmp-") != std::string::npos) {
            // Left by a write that a power cut interrupted; usb-export never copies these.
            os::removeFileDurably(folder / entry.name);
            continue;
        }
        const std::optional<std::int64_t> sequence = sequenceOf(entry.name, ".csv");
        if (!sequence || *sequence >= newestSequence)
            continue;
        const std::filesystem::path header = folder / (std::to_string(*sequence) + ".json");
        bool sameDatabase = false;
        bool headerReadable = false;
        if (os::linkStatus(header)) {
            try {
                bool foreign = false;
                sameDatabase =
                    parseHeaderJson(os::readTextFile(header, kMaximumHeaderBytes), foreign).databaseId ==
                    databaseId;
                headerReadable = true;
            } catch (const std::exception&) {
                // Unreadable: kept, as anything not understood is.
            }
        }
        const bool orphanCsv = !os::linkStatus(header); // the header never got written: useless
        if (orphanCsv || (headerReadable && sameDatabase)) {
            os::removeFileDurably(header); // the header first: it must never name a missing CSV
            os::removeFileDurably(folder / entry.name);
        }
    }
}

// After an `ok`: every export up to the requested one is on a stick now.
void UsbOutbox::removeCopiedExports(std::int64_t upToSequence) {
    const std::filesystem::path folder = exportFolder();
    try {
        std::vector<std::int64_t> copied;
        for (const os::DirectoryEntry& entry : os::listDirectory(folder)) {
            if (entry.status.type != os::FileType::Regular)
                continue;
            for (const std::string_view extension : {".csv", ".json"})
                if (const auto sequence = sequenceOf(entry.name, extension);
                    sequence && *sequence <= upToSequence)
                    copied.push_back(*sequence);
        }
        std::sort(copied.begin(), copied.end());
        copied.erase(std::unique(copied.begin(), copied.end()), copied.end());
        for (const std::int64_t sequence : copied) {
            os::removeFileDurably(folder / (std::to_string(sequence) + ".json"));
            os::removeFileDurably(folder / (std::to_string(sequence) + ".csv"));
        }
    } catch (const os::FileError& error) {
        log(std::string("cannot tidy the USB outbox: ") + error.what());
    }
}

std::int64_t UsbOutbox::countExportFiles() const {
    std::int64_t count = 0;
    for (const os::DirectoryEntry& entry : os::listDirectory(exportFolder()))
        if (entry.status.type == os::FileType::Regular &&
            (sequenceOf(entry.name, ".csv") || sequenceOf(entry.name, ".json")))
            ++count;
    return count;
}

} // namespace kiosk::stats
