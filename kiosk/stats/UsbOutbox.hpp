// The kiosk's side of the USB outbox (platform/raspberry-pi/README.md, "USB sticks"). On a
// board the kiosk sees sticks read-only, so it never writes one: it writes its statistics
// export into its own outbox folder, with the layout of a stick (ExportFormat.hpp),
//
//   OUTBOX/kiosk/stats/<kiosk-id>/<sequence>.csv|.json
//
// then creates OUTBOX/request. Root's usb-export (started by commune-kiosk-export.path)
// copies the folder to the attached sticks and leaves one line in a result file:
//
//   ok STICK FILES TIME      FILES files were copied to the stick STICK (e.g. sda1)
//   no-stick TIME            there was no stick to copy to
//   failed STICK WHY TIME    WHY is a short code: read-only-stick, copy, ...
//
// TIME is `date -Iseconds` (2026-11-25T10:00:05+07:00). The file is written by another
// program and read by the kiosk, so it is read as if hostile: a few hundred bytes at most,
// never through a link, malformed lines ignored (and reported for the log).
#pragma once

#include "stats/UsageRecorder.hpp"
#include "time/Clock.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats {

struct UsbExportResult {
    enum class Outcome { Copied, NoStick, Failed };
    Outcome outcome = Outcome::NoStick;
    std::string stick;            // Copied and Failed
    std::int64_t files = 0;       // Copied
    std::string reason;           // Failed: usb-export's short code
    std::int64_t wallSeconds = 0; // TIME, seconds since 1970 UTC
    bool operator==(const UsbExportResult&) const = default;
};

// One line without its newline (a trailing carriage return is allowed). Nothing for any
// other words, a missing or extra field, FILES that is not a plain number, a STICK or WHY
// that is not 1-64 of [A-Za-z0-9._-], or a TIME that parseIsoDateTime refuses.
std::optional<UsbExportResult> parseUsbExportResultLine(std::string_view line);

// "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM" / "-HH:MM", as `date -Iseconds`
// writes it, to seconds since 1970 UTC. Nothing for anything else (no fractions, no
// missing offset: a time without one could be off by hours).
std::optional<std::int64_t> parseIsoDateTime(std::string_view text);

// How much of the result file is read. One line is under 100 bytes.
inline constexpr std::size_t kMaximumResultFileBytes = 512;

struct UsbExportResultReading {
    std::optional<UsbExportResult> newest; // the well-formed line with the latest TIME
    std::vector<std::string> problems;     // for the log: malformed lines (made printable), a
                                           // file too long, not a regular file, unreadable
};

// Reads the first kMaximumResultFileBytes of the result file. A missing file is no problem:
// nothing has been exported since the board started.
UsbExportResultReading readUsbExportResultFile(const std::filesystem::path& file);

struct UsbOutboxSettings {
    std::filesystem::path outbox;     // --usb-export-outbox
    std::filesystem::path resultFile; // --usb-export-result
    std::int64_t pollIntervalMilliseconds = 1000;
    // usb-export takes seconds (it syncs the stick); a minute without an answer means it
    // is not coming (not installed, not running, stuck).
    std::int64_t timeoutMilliseconds = 60'000;
    std::function<void(const std::string&)> log; // one line each, no newline; may be empty
};

struct UsbOutboxStatus {
    enum class State { Idle, Saving, Saved, NotSaved };
    State state = State::Idle;
    // NotSaved: usb-export's WHY, or no-stick, nothing-copied, incomplete-copy, timeout,
    // outbox-write-failed. Small, for staff.
    std::string reasonCode;
    bool operator==(const UsbOutboxStatus&) const = default;
};

// Not thread-safe: the UI thread calls everything (the writes are small fsyncs on the SD card).
class UsbOutbox {
  public:
    UsbOutbox(const time::Clock& clock, UsbOutboxSettings settings, UsageRecorder& recorder);

    // Writes the cumulative export into the outbox (each file atomically and durably), then
    // creates OUTBOX/request atomically; the status becomes Saving. `sequenceFloor`: the
    // highest sequence of this kiosk already on the stick (ExportFormat's numbering must
    // stay above it). While an earlier request is unanswered, the new export waits for that
    // answer, so usb-export never copies a folder that is changing under it.
    void requestExport(std::int64_t sequenceFloor);
    // Call every frame: while a request is unanswered, reads the result file at most once
    // per poll interval, and gives up after the timeout.
    void poll();
    const UsbOutboxStatus& status() const { return status_; }
    bool isWaiting() const { return waiting_; }

    std::filesystem::path exportFolder() const;
    std::filesystem::path requestFile() const { return settings_.outbox / "request"; }

  private:
    void writeExportAndRequest(std::int64_t sequenceFloor);
    void finish(const std::optional<UsbExportResult>& result);
    void removeSupersededExports(const std::string& databaseId, std::int64_t newestSequence);
    void removeCopiedExports(std::int64_t upToSequence);
    std::int64_t countExportFiles() const;
    void log(const std::string& line) const;

    const time::Clock& clock_;
    UsbOutboxSettings settings_;
    UsageRecorder& recorder_;
    UsbOutboxStatus status_;
    bool waiting_ = false;
    std::int64_t requestSequence_ = 0;
    std::int64_t requestWallSeconds_ = 0;
    std::int64_t requestedAtMilliseconds_ = 0;
    std::int64_t lastPollMilliseconds_ = 0;
    std::int64_t filesAtRequest_ = 0;
    std::vector<std::string> loggedProblems_; // per request, so a bad file is logged once
    bool exportAgain_ = false;
    std::int64_t exportAgainFloor_ = 0;
};

} // namespace kiosk::stats
