#include "stats/UsageRecorder.hpp"

#include "os/ConfinedDirectory.hpp"
#include "os/SystemStatus.hpp"
#include "stats/Calendar.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/ExportSigning.hpp"
#include "stats/KioskIdentity.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace kiosk::stats {

namespace {

constexpr std::size_t maximumIdBytes = 200;

// Pack ids and reason codes are short; a runaway string must not bloat every export.
// Cut on a UTF-8 character boundary.
std::string_view clipped(std::string_view text) {
    if (text.size() <= maximumIdBytes)
        return text;
    std::size_t length = maximumIdBytes;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
        --length;
    return text.substr(0, length);
}

std::string twoDigits(int value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

std::string localIsoTime(std::int64_t wallSeconds, int utcOffsetMinutes) {
    const std::int64_t day = localDayNumber(wallSeconds, utcOffsetMinutes);
    const std::int64_t secondOfDay = wallSeconds + std::int64_t{utcOffsetMinutes} * 60 - day * 86400;
    const int offset = utcOffsetMinutes < 0 ? -utcOffsetMinutes : utcOffsetMinutes;
    return formatDay(day) + "T" + twoDigits(static_cast<int>(secondOfDay / 3600)) + ":" +
           twoDigits(static_cast<int>(secondOfDay / 60 % 60)) + ":" +
           twoDigits(static_cast<int>(secondOfDay % 60)) + (utcOffsetMinutes < 0 ? "-" : "+") +
           twoDigits(offset / 60) + ":" + twoDigits(offset % 60);
}

std::vector<NamedCount> sortedNamedCounts(const std::map<std::string, std::int64_t>& counts,
                                          const std::map<std::string, std::string>& titles,
                                          std::size_t limit) {
    std::vector<NamedCount> sorted;
    for (const auto& [id, count] : counts) {
        const auto title = titles.find(id);
        sorted.push_back({id, title != titles.end() ? title->second : id, count});
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const NamedCount& left, const NamedCount& right) {
        return left.count > right.count;
    });
    if (sorted.size() > limit)
        sorted.resize(limit);
    return sorted;
}

} // namespace

UsageRecorder::UsageRecorder(const time::Clock& clock, RecorderOptions options)
    : clock_(clock), options_(std::move(options)) {
    if (!options_.isWallClockSynchronised)
        options_.isWallClockSynchronised = [] { return os::isWallClockSynchronised(); };
    if (!options_.currentBootId)
        options_.currentBootId = [] { return os::currentBootId(); };
    lastCommitMilliseconds_ = clock_.monotonicMilliseconds();
    openIdentityAndStore();
}

void UsageRecorder::openIdentityAndStore() {
    try {
        std::filesystem::create_directories(options_.dataDirectory);
        if (kioskId_.empty())
            kioskId_ = loadOrCreateKioskId(options_.dataDirectory);
    } catch (const std::exception& error) {
        lastError_ = std::string("cannot read or make the kiosk id: ") + error.what();
        return;
    }
    // Made at the first start, like the id: the first export is signed already.
    if (std::optional<signing::SecretKey> key =
            loadOrCreateExportKey(options_.dataDirectory, exportKeyProblem_))
        exportKey_ = std::make_shared<const signing::SecretKey>(std::move(*key));
    if (!exportKeyProblem_.empty())
        std::fprintf(stderr, "kiosk: statistics: %s\n", exportKeyProblem_.c_str());
    openStore();
    if (store_)
        startBoot();
}

UsageRecorder::~UsageRecorder() {
    close();
}

void UsageRecorder::openStore() {
    try {
        store_.emplace(StatsStore::open(options_.dataDirectory / "stats.db"));
        if (store_->setAsidePath())
            setAsideDatabase_ = store_->setAsidePath();
    } catch (const std::exception& error) {
        store_.reset();
        lastError_ = error.what();
    }
}

std::optional<std::string> UsageRecorder::settingOrNothing(std::string_view key) const {
    if (!store_)
        return std::nullopt;
    try {
        return store_->setting(key);
    } catch (const StoreError&) {
        return std::nullopt;
    }
}

void UsageRecorder::saveSetting(std::string_view key, std::string_view value) {
    if (!store_)
        return;
    try {
        store_->setSetting(key, value);
    } catch (const StoreError& error) {
        lastError_ = error.what();
    }
}

// A boot number counts boots of this kiosk (per stats.db). It is what undated counts are
// filed under, so it must change exactly when the kernel's boot id does.
void UsageRecorder::startBoot() {
    bootId_ = options_.currentBootId();
    const std::string storedBootId = settingOrNothing("boot_id").value_or("");
    const std::int64_t storedNumber = std::atoll(settingOrNothing("boot_number").value_or("0").c_str());
    if (bootId_.empty() || storedBootId != bootId_) {
        bootNumber_ = storedNumber + 1;
        saveSetting("boot_id", bootId_);
        saveSetting("boot_number", std::to_string(bootNumber_));
    } else {
        bootNumber_ = std::max<std::int64_t>(storedNumber, 1);
    }
    // Trust gained earlier in this boot (before a restart of the kiosk program) still holds.
    synchronisedThisBoot_ =
        synchronisedThisBoot_ || (!bootId_.empty() && settingOrNothing("clock_synchronised_boot") == bootId_);
    setByStaffThisBoot_ =
        setByStaffThisBoot_ || (!bootId_.empty() && settingOrNothing("clock_set_by_staff_boot") == bootId_);
}

// After a fresh stats.db replaced a corrupt one mid-run: this boot's state goes with it.
void UsageRecorder::saveBootState() {
    saveSetting("boot_id", bootId_);
    saveSetting("boot_number", std::to_string(bootNumber_));
    if (!bootId_.empty() && synchronisedThisBoot_)
        saveSetting("clock_synchronised_boot", bootId_);
    if (!bootId_.empty() && setByStaffThisBoot_)
        saveSetting("clock_set_by_staff_boot", bootId_);
}

ClockStatus UsageRecorder::clockStatus() {
    // Once synchronised, the clock stays good enough for day-level dating until the next
    // boot, even if the network (and with it the kernel's sync flag) goes away.
    if (!synchronisedThisBoot_ && options_.isWallClockSynchronised()) {
        synchronisedThisBoot_ = true;
        if (!bootId_.empty())
            saveSetting("clock_synchronised_boot", bootId_);
    }
    return judgeClock(
        {synchronisedThisBoot_, setByStaffThisBoot_, clock_.wallSeconds(), options_.buildDateSeconds});
}

void UsageRecorder::record(Metric metric, std::string_view subject, std::string_view language,
                           std::string_view detail) {
    if (closed_)
        return;
    const ClockStatus status = clockStatus();
    const std::int64_t wall = clock_.wallSeconds();
    CountKey key{
        periodFor(status, wall, options_.utcOffsetMinutes, bootNumber_, clock_.monotonicMilliseconds()),
        std::string(metricName(metric)), std::string(clipped(subject)), std::string(clipped(language)),
        std::string(clipped(detail))};
    pending_[key] += 1;

    // Hour of day: kiosk-wide, and only on days with a date (an hour of an unknown day is noise).
    const bool hourly = metric == Metric::SessionStarted || metric == Metric::PageView;
    if (hourly && isTrusted(status)) {
        CountKey hourKey{key.period,
                         std::string(metricName(metric == Metric::SessionStarted ? Metric::SessionsByHour
                                                                                 : Metric::PageViewsByHour)),
                         {},
                         {},
                         twoDigits(localHourOfDay(wall, options_.utcOffsetMinutes))};
        pending_[hourKey] += 1;
    }
}

void UsageRecorder::sessionStarted() {
    record(Metric::SessionStarted);
}
void UsageRecorder::attractShown() {
    record(Metric::AttractShown);
}
void UsageRecorder::attractConverted() {
    record(Metric::AttractConverted);
}
void UsageRecorder::pageViewed(std::string_view pageId, std::string_view language) {
    record(Metric::PageView, pageId, language);
}
void UsageRecorder::pageLeft(std::string_view pageId, std::string_view language,
                             std::int64_t dwellMilliseconds) {
    record(Metric::Dwell, pageId, language, dwellBucketName(dwellBucketFor(dwellMilliseconds)));
}
void UsageRecorder::categoryOpened(std::string_view categoryId) {
    record(Metric::CategoryOpen, categoryId);
}
void UsageRecorder::galleryOpened(std::string_view pageId) {
    record(Metric::GalleryOpen, pageId);
}
void UsageRecorder::fullscreenPictureOpened(std::string_view pageId) {
    record(Metric::FullscreenPictureOpen, pageId);
}
void UsageRecorder::languageSwitched(std::string_view fromLanguage, std::string_view toLanguage) {
    record(Metric::LanguageSwitch, {}, fromLanguage, toLanguage);
}
void UsageRecorder::pollAnswered(std::string_view pageId, std::string_view language,
                                 pack::PollAnswer answer) {
    record(Metric::PollAnswer, pageId, language, pack::pollAnswerName(answer));
}
void UsageRecorder::cardShown(std::string_view pageId, std::string_view language, int card) {
    record(Metric::CardView, pageId, language, std::to_string(card + 1));
}
void UsageRecorder::storyLeft(std::string_view pageId, std::string_view language, int furthestCard,
                              int cardCount) {
    record(Metric::StoryReach, pageId, language, storyReachName(storyReachFor(furthestCard, cardCount)));
}
void UsageRecorder::packInstalled(std::string_view packId, std::int64_t version) {
    record(Metric::PackInstalled, packId, {}, std::to_string(version));
}
void UsageRecorder::packRefused(std::string_view reasonCode) {
    record(Metric::PackRefused, reasonCode);
}

void UsageRecorder::setInstalledPacks(const std::vector<PackCatalog>& packs) {
    if (!store_)
        return;
    try {
        store_->rememberInstalledPacks(packs);
    } catch (const StoreError& error) {
        lastError_ = error.what();
    }
}

void UsageRecorder::setPlaceName(std::string_view placeName) {
    saveSetting("place_name", clipped(placeName));
}

std::string UsageRecorder::placeName() const {
    return settingOrNothing("place_name").value_or("");
}

void UsageRecorder::wallClockSetByStaff() {
    setByStaffThisBoot_ = true;
    if (!bootId_.empty())
        saveSetting("clock_set_by_staff_boot", bootId_);
}

void UsageRecorder::commit() {
    lastCommitMilliseconds_ = clock_.monotonicMilliseconds();
    if (pending_.empty())
        return;
    if (!store_) {
        // The data dir may have been unwritable at start (a card mounted late, a full disk).
        openIdentityAndStore();
        if (!store_)
            return;
    }
    try {
        store_->addCounts(pending_);
        pending_.clear();
        lastError_.clear();
        return;
    } catch (const StoreError& error) {
        lastError_ = error.what();
        if (!error.isCorruption())
            return; // kept in memory; retried after the next interval
    }
    // The file went bad under us: set it aside, start afresh, keep this batch.
    store_.reset();
    openStore();
    if (!store_)
        return;
    saveBootState();
    try {
        store_->addCounts(pending_);
        pending_.clear();
        lastError_.clear();
    } catch (const StoreError& error) {
        lastError_ = error.what();
    }
}

void UsageRecorder::commitWhenDue() {
    if (closed_ || pending_.empty())
        return;
    if (clock_.monotonicMilliseconds() - lastCommitMilliseconds_ >= options_.commitIntervalMilliseconds)
        commit();
}

void UsageRecorder::wentIdle() {
    if (!closed_)
        commit();
}

void UsageRecorder::flush() {
    if (!closed_)
        commit();
}

void UsageRecorder::close() {
    if (closed_)
        return;
    commit();
    store_.reset();
    closed_ = true;
}

PreparedExport UsageRecorder::prepareExport(const std::filesystem::path& stickKioskFolder) {
    PreparedExport prepared;
    prepared.stickKioskFolder = stickKioskFolder;
    prepared.dataDirectory = options_.dataDirectory;
    prepared.signingKey = exportKey_;
    if (!closed_)
        commit();
    if (closed_ || !store_ || kioskId_.empty()) {
        prepared.error =
            "statistics are not being saved on this kiosk" + (lastError_.empty() ? "" : ": " + lastError_);
        return prepared;
    }
    try {
        prepared.counts = store_->readCounts();
        for (const auto& [key, count] : pending_) // a failed commit's counts are real too
            prepared.counts[key] += count;
        const ClockStatus status = clockStatus();
        ExportHeader& header = prepared.header;
        header.kioskId = kioskId_;
        header.databaseId = store_->databaseId();
        header.placeName = placeName();
        header.kioskVersion = KIOSK_VERSION_NUMBER;
        header.clockStatus = std::string(clockStatusName(status));
        header.clockTrusted = isTrusted(status);
        if (header.clockTrusted)
            header.exportedAt = localIsoTime(clock_.wallSeconds(), options_.utcOffsetMinutes);
        header.installedPacks = store_->installedPacks();
        header.catalog = store_->knownCatalog();
    } catch (const std::exception& error) {
        prepared.error = std::string("could not read the statistics: ") + error.what();
    }
    return prepared;
}

std::int64_t nextExportSequence(std::int64_t ownLast, std::int64_t onStick, std::string& warning) {
    // The stick's numbers count only as far as this kiosk could have got: one far beyond its
    // own last export was planted (or is another kiosk's folder copied under this id).
    if (onStick > ownLast + kMaximumExportSequenceStep) {
        warning = "the USB stick claims export " + std::to_string(onStick) + " of this kiosk, more than " +
                  std::to_string(kMaximumExportSequenceStep) + " beyond its last one (" +
                  std::to_string(ownLast) + "): not numbered after it";
        onStick = 0;
    }
    return std::max(ownLast, onStick) + 1;
}

ExportResult writePreparedExport(const PreparedExport& prepared) {
    ExportResult result;
    if (!prepared.error.empty()) {
        result.error = prepared.error;
        result.reasonCode = "not-recording";
        return result;
    }
    try {
        ExportHeader header = prepared.header;
        header.sequence = nextExportSequence(
            lastExportSequence(prepared.dataDirectory),
            std::max(highestSequenceIn(prepared.stickKioskFolder, header.kioskId), prepared.sequenceFloor),
            result.warning);
        const WrittenExport written =
            writeExport(prepared.stickKioskFolder, header, prepared.counts, prepared.signingKey.get());
        storeLastExportSequence(prepared.dataDirectory, header.sequence);
        result.saved = true;
        result.sequence = header.sequence;
        result.rows = written.rows;
        result.countsFile = written.countsFile;
        result.headerFile = written.headerFile;
    } catch (const os::ConfinementError& error) {
        result.error = std::string("not saved: ") + error.what();
        result.reasonCode = "link-on-stick";
    } catch (const os::NoSpaceError& error) {
        result.error = std::string("the USB stick is full: ") + error.what();
        result.reasonCode = "stick-full";
    } catch (const std::exception& error) {
        result.error = std::string("could not save statistics to the USB stick: ") + error.what();
        result.reasonCode = "write-failed";
    }
    return result;
}

ExportResult UsageRecorder::exportTo(const std::filesystem::path& stickKioskFolder) {
    return writePreparedExport(prepareExport(stickKioskFolder));
}

UsageSummary UsageRecorder::summarize(SummarySpan span) {
    UsageSummary summary;
    CountTable counts;
    std::map<std::string, std::string> pageTitles;
    if (store_) {
        try {
            counts = store_->readCounts();
            for (const PackCatalog& pack : store_->knownCatalog())
                for (const CatalogPage& page : pack.pages)
                    pageTitles[page.id] = page.title;
        } catch (const StoreError& error) {
            lastError_ = error.what();
        }
    }
    for (const auto& [key, count] : pending_)
        counts[key] += count;

    const ClockStatus status = clockStatus();
    const bool trusted = isTrusted(status);
    const std::int64_t today = localDayNumber(clock_.wallSeconds(), options_.utcOffsetMinutes);
    summary.dated = trusted || span == SummarySpan::SinceInstall;
    auto included = [&](const CountPeriod& period) {
        if (span == SummarySpan::SinceInstall)
            return true;
        if (!trusted)
            return !period.isDated() && period.boot == bootNumber_;
        if (!period.isDated())
            return false;
        const auto day = parseDay(period.date);
        if (!day)
            return false;
        return span == SummarySpan::Today ? *day == today : isoWeekOf(*day) == isoWeekOf(today);
    };

    std::map<std::string, std::int64_t> pageViews;
    std::map<std::string, std::int64_t> languageViews;
    for (const auto& [key, count] : counts) {
        if (!included(key.period))
            continue;
        const auto metric = metricFromName(key.metric);
        if (!metric)
            continue;
        switch (*metric) {
        case Metric::SessionStarted:
            summary.sessions += count;
            break;
        case Metric::AttractShown:
            summary.attractShown += count;
            break;
        case Metric::AttractConverted:
            summary.attractConverted += count;
            break;
        case Metric::PageView:
            summary.pageViews += count;
            pageViews[key.subject] += count;
            languageViews[key.language] += count;
            break;
        case Metric::Dwell:
            if (const auto bucket = dwellBucketFromName(key.detail))
                summary.dwell[static_cast<std::size_t>(*bucket)] += count;
            break;
        case Metric::CategoryOpen:
            summary.categoryOpens += count;
            break;
        case Metric::GalleryOpen:
            summary.galleryOpens += count;
            break;
        case Metric::FullscreenPictureOpen:
            summary.fullscreenPictureOpens += count;
            break;
        case Metric::LanguageSwitch:
            summary.languageSwitches += count;
            break;
        case Metric::SessionsByHour: {
            const int hour = std::atoi(key.detail.c_str());
            if (hour >= 0 && hour < 24)
                summary.sessionsByHour[static_cast<std::size_t>(hour)] += count;
            break;
        }
        case Metric::PackInstalled:
        case Metric::PackRefused:
        case Metric::PageViewsByHour:
        case Metric::PollAnswer: // exported and merged; the staff view does not show them
        case Metric::CardView:
        case Metric::StoryReach:
            break;
        }
    }
    summary.topPages = sortedNamedCounts(pageViews, pageTitles, 10);
    summary.languages = sortedNamedCounts(languageViews, {}, 100);
    return summary;
}

RecorderHealth UsageRecorder::health() const {
    RecorderHealth health;
    health.persisting = store_.has_value();
    health.exportKeyProblem = exportKeyProblem_;
    health.lastError = lastError_;
    health.setAsideDatabase = setAsideDatabase_;
    health.pendingCounters = static_cast<std::int64_t>(pending_.size());
    health.lastCommitMonotonicMilliseconds = lastCommitMilliseconds_;
    return health;
}

} // namespace kiosk::stats
