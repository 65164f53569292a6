// Anonymous usage statistics: what the UI calls as villagers use the kiosk.
//
// What is kept: per local day (or, while the clock is untrustworthy, per boot and day of
// uptime) how many sessions, page views per page and language, dwell-time buckets,
// category / gallery / full-screen picture opens, language switches, attract loops and
// conversions, pack installs and refusals; sessions and page views per hour of day as
// kiosk-wide totals only. What is never kept: the time of a tap, the order of pages in a
// session, anything typed, anything that tells two visitors apart.
//
// Batching and the power-cut bound: counts collect in memory and are committed to
// stats.db (WAL, synchronous=FULL: durable when the commit returns) by commitWhenDue() at most once
// every `commitIntervalMilliseconds` (30 s), and at once by wentIdle(), flush() and
// close(). A power cut or kill -9 therefore loses at most the counts recorded since the
// last commit: at most 30 s of use (plus up to one frame), and nothing from a visitor
// whose session ended in the idle timeout before the cut. A commit that fails (full or
// failing SD card) keeps the counts in memory and is retried on the next interval.
//
// No method throws: statistics must never stop the kiosk. Problems show in health().
// Not thread-safe: call it from the UI thread (only writePreparedExport may run elsewhere).
#pragma once

#include "pack/PackModel.hpp"
#include "signing/Keys.hpp"
#include "stats/ClockTrust.hpp"
#include "stats/CountKey.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/Metrics.hpp"
#include "stats/PackCatalog.hpp"
#include "stats/StatsStore.hpp"
#include "time/Clock.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats {

// Midnight UTC of the day this library was built: a wall clock earlier than this is wrong.
std::int64_t buildDateWallSeconds();

struct RecorderOptions {
    std::filesystem::path dataDirectory;
    std::int64_t buildDateSeconds = buildDateWallSeconds();
    int utcOffsetMinutes = 7 * 60; // Vietnam: UTC+7 all year
    std::int64_t commitIntervalMilliseconds = 30'000;
    // The kernel's answers by default; tests substitute their own.
    std::function<bool()> isWallClockSynchronised;
    std::function<std::string()> currentBootId;
};

struct ExportResult {
    bool saved = false;
    std::int64_t sequence = 0;
    std::int64_t rows = 0;
    std::filesystem::path countsFile;
    std::filesystem::path headerFile;
    std::string error; // plain words for the staff view when !saved
    // When !saved, a short code for the villagers' banner and the log: not-recording,
    // link-on-stick (a link, FIFO, device or mount on the way), stick-full, write-failed.
    std::string reasonCode;
    std::string warning; // saved, but something on the stick was ignored (for the log)
};

// The sequence of the next export: above this kiosk's own last one and above the highest
// already on the stick, unless the stick's is more than kMaximumExportSequenceStep beyond
// its own (then `warning` says so and the stick's is ignored). Never above
// kMaximumExportSequence + kMaximumExportSequenceStep + 1: the stick's number is range-checked.
std::int64_t nextExportSequence(std::int64_t ownLast, std::int64_t onStick, std::string& warning);

// An export read from stats.db and ready to be written: writing it (USB stick, fsyncs) is
// the slow part, and writePreparedExport() may run on a worker thread.
struct PreparedExport {
    std::filesystem::path stickKioskFolder;
    std::filesystem::path dataDirectory;
    ExportHeader header; // sequence, checksum and period are filled in when written
    CountTable counts;
    std::string error;                                    // set when nothing could be prepared
    std::shared_ptr<const signing::SecretKey> signingKey; // unsigned when empty
    // The export is numbered above this too: the highest sequence on the stick it is meant
    // for, when it is written elsewhere first (the USB outbox) and copied there later.
    std::int64_t sequenceFloor = 0;
};

// Picks the next sequence (never reused: neither the one this kiosk remembers nor one
// already on the stick, nor `sequenceFloor`), writes CSV then header atomically, remembers the sequence.
// Touches no recorder state: safe on another thread, one export at a time.
ExportResult writePreparedExport(const PreparedExport& prepared);

enum class SummarySpan { Today, ThisWeek, SinceInstall };

struct NamedCount {
    std::string id;
    std::string title; // from the pack catalog; the id when unknown
    std::int64_t count = 0;
};

// What the staff view shows. Today and ThisWeek need a trustworthy clock; without one
// they cover the current boot instead and `dated` is false.
struct UsageSummary {
    bool dated = true;
    std::int64_t sessions = 0;
    std::int64_t pageViews = 0;
    std::int64_t attractShown = 0;
    std::int64_t attractConverted = 0;
    std::int64_t categoryOpens = 0;
    std::int64_t galleryOpens = 0;
    std::int64_t fullscreenPictureOpens = 0;
    std::int64_t languageSwitches = 0;
    std::array<std::int64_t, 4> dwell{}; // indexed by DwellBucket
    std::array<std::int64_t, 24> sessionsByHour{};
    std::vector<NamedCount> topPages;  // most viewed first, at most 10
    std::vector<NamedCount> languages; // page views per language, most first
};

struct RecorderHealth {
    bool persisting = false; // false: stats.db could not be opened; counting in memory only
    std::string lastError;   // empty when the last commit succeeded
    std::optional<std::filesystem::path> setAsideDatabase; // a corrupt stats.db moved aside at start
    // Empty when exports are signed with the kiosk's own key as ever (stats/ExportSigning.hpp);
    // otherwise why not, or that a damaged key was replaced (the office must accept the new one).
    std::string exportKeyProblem;
    std::int64_t pendingCounters = 0;
    std::int64_t lastCommitMonotonicMilliseconds = 0;
};

class UsageRecorder {
  public:
    UsageRecorder(const time::Clock& clock, RecorderOptions options);
    ~UsageRecorder();
    UsageRecorder(const UsageRecorder&) = delete;
    UsageRecorder& operator=(const UsageRecorder&) = delete;

    // --- Visitor activity (cheap: a map update, no I/O) ---
    void sessionStarted();   // the first touch after idle or attract
    void attractShown();     // the attract loop began: at start-up and after each idle timeout
    void attractConverted(); // a touch on the attract loop started a session (call sessionStarted too)
    void pageViewed(std::string_view pageId, std::string_view language);
    void pageLeft(std::string_view pageId, std::string_view language, std::int64_t dwellMilliseconds);
    void categoryOpened(std::string_view categoryId);
    void galleryOpened(std::string_view pageId);
    void fullscreenPictureOpened(std::string_view pageId);
    void languageSwitched(std::string_view fromLanguage, std::string_view toLanguage);
    // A visitor answered the page's poll (the UI lets each session answer a page once).
    void pollAnswered(std::string_view pageId, std::string_view language, pack::PollAnswer answer);
    // A story card shown (0-based `card`), and how far she got when she left the page.
    void cardShown(std::string_view pageId, std::string_view language, int card);
    void storyLeft(std::string_view pageId, std::string_view language, int furthestCard, int cardCount);

    // --- Content packs ---
    void packInstalled(std::string_view packId, std::int64_t version);
    void packRefused(std::string_view reasonCode);
    // At start-up and after every install: which packs are on screen, and their pages.
    void setInstalledPacks(const std::vector<PackCatalog>& packs);

    // --- Staff ---
    void setPlaceName(std::string_view placeName);
    std::string placeName() const;
    // Staff set the date by hand: trust the wall clock until the next boot.
    void wallClockSetByStaff();
    ClockStatus clockStatus();
    const std::string& kioskId() const { return kioskId_; }
    // Commits, then writes the cumulative export to <stickKioskFolder>/stats/<kiosk-id>/.
    // Blocks for the USB writes; a UI that must not stall uses the two steps below.
    ExportResult exportTo(const std::filesystem::path& stickKioskFolder);
    // Step one, on the UI thread: commits and reads the counts (milliseconds).
    PreparedExport prepareExport(const std::filesystem::path& stickKioskFolder);
    // Reads stats.db: call when the staff view opens, not every frame.
    UsageSummary summarize(SummarySpan span);
    RecorderHealth health() const;

    // --- Lifecycle ---
    void commitWhenDue(); // commits when the interval has passed; called often (every frame)
    void wentIdle();      // the idle timeout ended a session: commits now
    void flush();         // commits now
    void close();         // commits and closes stats.db; later calls count nothing

  private:
    void record(Metric metric, std::string_view subject = {}, std::string_view language = {},
                std::string_view detail = {});
    void commit();
    void openIdentityAndStore();
    void openStore();
    void startBoot();
    void saveBootState();
    std::optional<std::string> settingOrNothing(std::string_view key) const;
    void saveSetting(std::string_view key, std::string_view value);

    const time::Clock& clock_;
    RecorderOptions options_;
    std::string kioskId_;
    std::shared_ptr<const signing::SecretKey> exportKey_; // shared with exports being written
    std::string exportKeyProblem_;
    std::optional<StatsStore> store_;
    std::optional<std::filesystem::path> setAsideDatabase_;
    CountTable pending_;
    std::int64_t lastCommitMilliseconds_ = 0;
    std::string bootId_;
    std::int64_t bootNumber_ = 1;
    bool synchronisedThisBoot_ = false;
    bool setByStaffThisBoot_ = false;
    std::string lastError_;
    bool closed_ = false;
};

} // namespace kiosk::stats
