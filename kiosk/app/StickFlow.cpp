#include "StickFlow.hpp"

#include "install/InstallHistory.hpp"
#include "install/Reason.hpp"
#include "os/Log.hpp"
#include "text/Unicode.hpp"

#include <chrono>

namespace kiosk::app {

namespace {

// How long a finished notice or a statistics banner stays. Villagers must get their screen
// back without anyone reading and tapping OK; staff find the outcome in the staff view.
constexpr std::int64_t kNoticeLingerMilliseconds = 8000;

std::chrono::steady_clock::time_point asTimePoint(std::int64_t milliseconds) {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(milliseconds));
}

// The staff view's line about the last stick: what the villagers' notice said, with the
// reason code and the installer's English detail, which the notice leaves out.
std::string describeForStaff(const install::InstallSnapshot& snapshot) {
    std::string line = install::installStageName(snapshot.stage);
    if (snapshot.pack)
        line += " · " + snapshot.pack->packId + " v" + std::to_string(snapshot.pack->packVersion);
    if (snapshot.stage != install::InstallStage::Installed)
        line += " · " + std::string(install::reasonCode(snapshot.reason));
    if (!snapshot.detail.empty())
        line += " · " + snapshot.detail;
    return line;
}

} // namespace

StickFlow::StickFlow(const time::Clock& clock, std::filesystem::path dataDirectory,
                     platform::UsbWatcherSettings watcher, install::InstallSettings installSettings,
                     stats::UsageRecorder& recorder, const text::UiStrings& strings,
                     std::optional<stats::UsbOutboxSettings> outbox)
    : clock_(clock), dataDirectory_(std::move(dataDirectory)), watcher_(std::move(watcher)),
      installSettings_(std::move(installSettings)), recorder_(recorder), strings_(strings) {
    if (outbox) {
        if (!outbox->log)
            outbox->log = [](const std::string& line) { os::log(line); };
        outbox_.emplace(clock, std::move(*outbox), recorder);
    }
}

StickFlow::~StickFlow() = default; // the job's destructor cancels and joins its thread

void StickFlow::ignoreSticksPresentNow() {
    for (const platform::StickEvent& event : watcher_.pollNow()) {
        if (event.kind == platform::StickEvent::Kind::Appeared) {
            os::log("safe start: leaving the stick ", event.stick.string(),
                    " alone until it is plugged in again");
            ignoredSticks_.insert(event.stick);
        }
    }
}

std::optional<std::filesystem::path> StickFlow::stickKioskFolder() const {
    for (const std::filesystem::path& stick : watcher_.sticks()) {
        std::error_code error;
        if (std::filesystem::is_directory(stick / "kiosk", error))
            return stick / "kiosk";
    }
    return std::nullopt;
}

std::optional<std::string> StickFlow::exportThroughOutbox() {
    if (!outbox_)
        return std::nullopt;
    const std::optional<std::filesystem::path> kioskFolder = stickKioskFolder();
    if (!kioskFolder)
        return "No USB stick with a kiosk folder is plugged in.";
    outbox_->requestExport(stats::highestSequenceIn(*kioskFolder, recorder_.kioskId()));
    statistics_ = ui::InstallNotice::StatisticsOutcome::Saving;
    followOutbox();
    staffBanner_ = true;
    hideNoticeAtMilliseconds_ = 0;
    if (outbox_->status().state == stats::UsbOutboxStatus::State::NotSaved)
        return "Statistics not saved: " + outbox_->status().reasonCode;
    return "Statistics are being copied to the USB stick: the banner at the bottom says when they are saved.";
}

std::unique_ptr<pack::PackReader> StickFlow::onFrame(const std::string& language) {
    const std::int64_t now = clock_.monotonicMilliseconds();
    for (const platform::StickEvent& event : watcher_.poll(asTimePoint(now))) {
        if (event.kind == platform::StickEvent::Kind::Disappeared)
            ignoredSticks_.erase(event.stick);
        if (ignoredSticks_.contains(event.stick))
            continue;
        if (event.kind == platform::StickEvent::Kind::Appeared)
            stickAppeared(event.stick);
        else
            stickDisappeared(event.stick);
    }
    if (outbox_) {
        // At most one look at the result file a second, from this hook, which an idle kiosk
        // already runs once a second: no wake-ups of its own.
        outbox_->poll();
        followOutbox();
    }

    std::unique_ptr<pack::PackReader> installed;
    if (job_) {
        const install::InstallSnapshot snapshot = job_->snapshot();
        if (!dismissed_)
            describe(snapshot, language);
        if (job_->finished() && !jobReported_) {
            jobReported_ = true;
            os::log("USB install ", install::installStageName(snapshot.stage), ": ",
                    install::reasonCode(snapshot.reason), " ", text::printableForLog(snapshot.detail, 2000));
            lastStickOutcome_ = describeForStaff(snapshot);
            recordInHistory(snapshot);
            if (snapshot.stage == install::InstallStage::Installed) {
                recorder_.packInstalled(snapshot.pack ? snapshot.pack->packId : "",
                                        snapshot.pack ? snapshot.pack->packVersion : 0);
                try {
                    installed = std::make_unique<pack::PackReader>(
                        pack::PackReader::openFile(snapshot.installedFile, KIOSK_VERSION_NUMBER));
                } catch (const pack::PackError& error) {
                    // Verified a moment ago; if it cannot open now the next start falls back.
                    os::log("the installed pack does not open: ", error.what());
                }
                // Every install also refreshes the statistics on the stick.
                exportStatistics();
                if (!dismissed_)
                    describe(snapshot, language);
            } else if (snapshot.stage == install::InstallStage::Refused) {
                recorder_.packRefused(install::reasonCode(snapshot.reason));
            }
        }
    }
    if (staffBanner_)
        showStatisticsBanner();
    // A finished install's notice lingers a few seconds once the statistics have an answer too.
    if (notice_ && job_ && job_->finished() && hideNoticeAtMilliseconds_ == 0 &&
        statistics_ != ui::InstallNotice::StatisticsOutcome::Saving)
        hideNoticeAtMilliseconds_ = now + kNoticeLingerMilliseconds;
    if (notice_ && hideNoticeAtMilliseconds_ > 0 && now >= hideNoticeAtMilliseconds_) {
        notice_.reset();
        dismissed_ = true;
        staffBanner_ = false;
    }
    return installed;
}

void StickFlow::stickAppeared(const std::filesystem::path& stick) {
    if (job_ && !job_->finished())
        return; // one stick at a time; the next one is looked at when it is plugged in again
    stick_ = stick;
    statistics_ = ui::InstallNotice::StatisticsOutcome::None;
    statisticsReasonCode_.clear();
    staffBanner_ = false;
    exportStatistics();
    notice_.reset();
    dismissed_ = false;
    hideNoticeAtMilliseconds_ = 0;
    install::InstallRequest request;
    request.stickRoot = stick;
    request.dataDirectory = dataDirectory_;
    request.settings = installSettings_;
    jobReported_ = false;
    job_ = std::make_unique<install::PackInstallJob>(std::move(request));
}

void StickFlow::stickDisappeared(const std::filesystem::path& stick) {
    if (!stick_ || *stick_ != stick)
        return;
    stick_.reset();
    if (notice_)
        notice_->stickStillPresent = false;
}

void StickFlow::exportStatistics() {
    if (!stick_)
        return;
    std::error_code error;
    // Only a stick with a kiosk/ folder is meant for the kiosk: nothing else on a stick is
    // ever changed.
    if (!std::filesystem::is_directory(*stick_ / "kiosk", error))
        return;
    if (outbox_) {
        // The stick is read-only here, but its exports are still readable: the outbox's
        // export is numbered above them, as one written onto the stick would be.
        outbox_->requestExport(stats::highestSequenceIn(*stick_ / "kiosk", recorder_.kioskId()));
        statistics_ = ui::InstallNotice::StatisticsOutcome::Saving;
        followOutbox();
        return;
    }
    const stats::ExportResult result = recorder_.exportTo(*stick_ / "kiosk");
    if (!result.warning.empty())
        os::log(result.warning);
    if (result.saved) {
        statistics_ = ui::InstallNotice::StatisticsOutcome::Saved;
        statisticsReasonCode_.clear();
        lastStatisticsOutcome_.clear();
    } else {
        // Shown as a code on the villagers' banner and in words in the staff view.
        statistics_ = ui::InstallNotice::StatisticsOutcome::NotSaved;
        statisticsReasonCode_ = result.reasonCode;
        lastStatisticsOutcome_ = "statistics not saved · " + result.reasonCode + " · " + result.error;
        os::log("statistics not saved to the stick: ", result.error);
    }
}

void StickFlow::recordInHistory(const install::InstallSnapshot& snapshot) const {
    // A stick without a pack for the kiosk (one that brought only a question for the
    // statistics) is no install for the staff's list.
    if (snapshot.stage == install::InstallStage::NothingForKiosk)
        return;
    install::InstallHistoryEntry entry;
    entry.wallSeconds = clock_.wallSeconds();
    entry.outcome = install::installStageName(snapshot.stage);
    if (snapshot.pack) {
        entry.packId = snapshot.pack->packId;
        entry.packVersion = snapshot.pack->packVersion;
    }
    entry.reasonCode = install::reasonCode(snapshot.reason);
    try {
        install::InstallHistory::append(install::DataDirectory(dataDirectory_), std::move(entry));
    } catch (const std::exception& error) {
        // The install itself is done; only the staff's list misses it.
        os::log("cannot add the install to the staff's list: ", error.what());
    }
}

std::string StickFlow::lastStickOutcome() const {
    if (lastStatisticsOutcome_.empty())
        return lastStickOutcome_;
    return lastStickOutcome_.empty() ? lastStatisticsOutcome_
                                     : lastStickOutcome_ + " · " + lastStatisticsOutcome_;
}

// What the notice says about the statistics follows the outbox, once this stick asked it.
void StickFlow::followOutbox() {
    using Outcome = ui::InstallNotice::StatisticsOutcome;
    if (!outbox_ || statistics_ == Outcome::None)
        return;
    const stats::UsbOutboxStatus& status = outbox_->status();
    switch (status.state) {
    case stats::UsbOutboxStatus::State::Idle:
    case stats::UsbOutboxStatus::State::Saving:
        statistics_ = Outcome::Saving;
        statisticsReasonCode_.clear();
        break;
    case stats::UsbOutboxStatus::State::Saved:
        statistics_ = Outcome::Saved;
        statisticsReasonCode_.clear();
        break;
    case stats::UsbOutboxStatus::State::NotSaved:
        statistics_ = Outcome::NotSaved;
        statisticsReasonCode_ = status.reasonCode;
        break;
    }
}

// The small banner about the statistics alone: while saving, then for a few seconds.
void StickFlow::showStatisticsBanner() {
    using Outcome = ui::InstallNotice::StatisticsOutcome;
    if (statistics_ == Outcome::None) {
        notice_.reset();
        return;
    }
    ui::InstallNotice notice;
    notice.stage = ui::InstallNotice::Stage::Statistics;
    notice.statistics = statistics_;
    notice.statisticsReasonCode = statisticsReasonCode_;
    notice.stickStillPresent = stick_.has_value();
    if (statistics_ != Outcome::Saving && hideNoticeAtMilliseconds_ == 0)
        hideNoticeAtMilliseconds_ = clock_.monotonicMilliseconds() + kNoticeLingerMilliseconds;
    notice_ = notice;
}

void StickFlow::describe(const install::InstallSnapshot& snapshot, const std::string& language) {
    using Stage = ui::InstallNotice::Stage;
    ui::InstallNotice notice;
    switch (snapshot.stage) {
    case install::InstallStage::Scanning:
        return;
    case install::InstallStage::Found:
        notice.stage = Stage::Found;
        break;
    case install::InstallStage::Copying:
        notice.stage = Stage::Copying;
        break;
    case install::InstallStage::Verifying:
        notice.stage = Stage::Verifying;
        break;
    case install::InstallStage::Installed:
        notice.stage = Stage::Installed;
        break;
    case install::InstallStage::Refused:
        notice.stage = Stage::Refused;
        break;
    case install::InstallStage::NothingForKiosk:
        // A stick with nothing for the kiosk must not interrupt the villager: at most a small
        // banner about the statistics, for a few seconds.
        showStatisticsBanner();
        return;
    }
    notice.progress = static_cast<float>(snapshot.progress);
    notice.statistics = statistics_;
    notice.statisticsReasonCode = statisticsReasonCode_;
    notice.stickStillPresent = stick_.has_value();
    if (snapshot.pack) {
        const install::PackDescription& pack = *snapshot.pack;
        notice.packTitle = pack.title.in(language, pack.defaultLanguage);
        if (!pack.publisher.empty()) {
            std::string details = strings_.get("usb_pages_changed", language);
            details = text::fillPlaceholder(details, "version", std::to_string(pack.packVersion));
            details = text::fillPlaceholder(details, "publisher", pack.publisher);
            details = text::fillPlaceholder(details, "date", pack.created);
            details = text::fillPlaceholder(details, "added", std::to_string(snapshot.pagesAdded));
            details = text::fillPlaceholder(details, "removed", std::to_string(snapshot.pagesRemoved));
            notice.packDetails = details;
        }
    }
    if (snapshot.stage == install::InstallStage::Refused) {
        notice.reasonMessage = strings_.get(install::reasonMessageKey(snapshot.reason), language);
        notice.reasonCode = std::string(install::reasonCode(snapshot.reason));
    }
    notice_ = notice;
}

} // namespace kiosk::app
