// What happens when a USB stick is plugged in: the statistics go onto it (when it has a
// kiosk/ folder), a pack on it is installed or refused, and the screen says so in the
// villager's language. Runs on the UI thread once a frame; the slow work (copying,
// checking) happens on the install job's own thread.
//
// Where the kiosk sees sticks read-only (a Raspberry Pi board, `--usb-export-outbox`), the
// statistics go into the outbox instead and a root helper copies them (stats/UsbOutbox.hpp);
// the notice says "saving" until the helper answers, then saved or not saved and why.
#pragma once

#include "InstallNotice.hpp"
#include "UsbWatcher.hpp"
#include "install/PackInstallJob.hpp"
#include "pack/PackReader.hpp"
#include "stats/UsageRecorder.hpp"
#include "stats/UsbOutbox.hpp"
#include "text/UiStrings.hpp"
#include "time/Clock.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace kiosk::app {

class StickFlow {
  public:
    // `installSettings`: the kiosk's fonts and built-in pack, which every install checks against.
    // `outbox`: set when sticks are read-only for the kiosk; nothing writes onto the stick.
    StickFlow(const time::Clock& clock, std::filesystem::path dataDirectory,
              platform::UsbWatcherSettings watcher, install::InstallSettings installSettings,
              stats::UsageRecorder& recorder, const text::UiStrings& strings,
              std::optional<stats::UsbOutboxSettings> outbox = std::nullopt);
    ~StickFlow();
    StickFlow(const StickFlow&) = delete;
    StickFlow& operator=(const StickFlow&) = delete;

    // Returns the newly installed pack, opened, when an install has just finished: the caller
    // shows it from now on.
    std::unique_ptr<pack::PackReader> onFrame(const std::string& language);
    const std::optional<ui::InstallNotice>& notice() const { return notice_; }
    void noticeDismissed() {
        notice_.reset();
        dismissed_ = true;
    }
    // The kiosk/ folder of a plugged-in stick, for the staff view's "export now".
    std::optional<std::filesystem::path> stickKioskFolder() const;
    // The staff view's "export now" where sticks are read-only: asks for the copy and shows
    // the statistics banner until the answer. Nothing without an outbox (the staff view
    // then writes onto the stick itself); else a sentence for the staff view.
    std::optional<std::string> exportThroughOutbox();
    // A safe start: sticks plugged in now are left alone (one of them may be what kept the
    // kiosk restarting); each is read when it is plugged in again.
    void ignoreSticksPresentNow();
    // What the last stick's install came to, for the staff view (the villagers' notice
    // closes by itself); "" before the first stick.
    // The last stick's install and, when they could not be saved, its statistics.
    std::string lastStickOutcome() const;
    // True while something on screen depends on the job: the loop keeps drawing.
    bool isBusy() const { return job_ && !job_->finished(); }

  private:
    void stickAppeared(const std::filesystem::path& stick);
    void stickDisappeared(const std::filesystem::path& stick);
    void exportStatistics();
    void followOutbox();
    void showStatisticsBanner();
    void describe(const install::InstallSnapshot& snapshot, const std::string& language);
    // Adds a finished install to <data>/packs/install-history.txt (the staff's list).
    void recordInHistory(const install::InstallSnapshot& snapshot) const;

    const time::Clock& clock_;
    std::filesystem::path dataDirectory_;
    platform::UsbWatcher watcher_;
    install::InstallSettings installSettings_;
    stats::UsageRecorder& recorder_;
    const text::UiStrings& strings_;
    std::optional<std::filesystem::path> stick_;
    std::unique_ptr<install::PackInstallJob> job_;
    bool jobReported_ = false;
    std::optional<stats::UsbOutbox> outbox_;
    // For the stick now plugged in (None: it has no kiosk/ folder, or nothing was saved).
    ui::InstallNotice::StatisticsOutcome statistics_ = ui::InstallNotice::StatisticsOutcome::None;
    std::string statisticsReasonCode_;
    bool staffBanner_ = false; // the staff view asked for an export: banner until the answer
    std::optional<ui::InstallNotice> notice_;
    bool dismissed_ = false; // the notice for this stick was closed: do not show it again
    std::int64_t hideNoticeAtMilliseconds_ = 0;
    std::string lastStickOutcome_;
    std::string lastStatisticsOutcome_;             // "" when the last stick's statistics were saved
    std::set<std::filesystem::path> ignoredSticks_; // until they are pulled out
};

} // namespace kiosk::app
