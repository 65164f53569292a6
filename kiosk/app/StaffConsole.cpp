#include "StaffConsole.hpp"

#include "audio/SoundSettings.hpp"
#include "audio/TestChime.hpp"
#include "install/InstallHistory.hpp"
#include "install/PackRollback.hpp"
#include "os/Log.hpp"
#include "os/SystemStatus.hpp"
#include "os/WallClock.hpp"
#include "stats/Metrics.hpp"
#include "time/LocalDateTime.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::app {

namespace {

std::string describeBytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

const char* clockKey(stats::ClockStatus status) {
    switch (status) {
    case stats::ClockStatus::Synchronised:
        return "staff_clock_synchronised";
    case stats::ClockStatus::SetByStaff:
        return "staff_clock_set_by_staff";
    case stats::ClockStatus::NotSynchronised:
        return "staff_clock_not_synchronised";
    case stats::ClockStatus::BeforeBuildDate:
        return "staff_clock_before_build";
    }
    return "staff_unknown";
}

// What InstallHistory recorded ("installed", "refused"), in the staff's words.
const char* installOutcomeKey(const std::string& outcome) {
    if (outcome == "installed")
        return "staff_install_installed";
    if (outcome == "refused")
        return "staff_install_refused";
    return nullptr;
}

ui::StaffChart namedCountsChart(const std::string& title, const std::vector<stats::NamedCount>& counts) {
    ui::StaffChart chart;
    chart.title = title;
    for (const stats::NamedCount& count : counts)
        chart.bars.push_back(
            {count.title.empty() ? count.id : count.title, static_cast<double>(count.count)});
    return chart;
}

} // namespace

StaffConsole::StaffConsole(const time::Clock& clock, const text::UiStrings& strings,
                           const std::filesystem::path& dataDirectory, stats::UsageRecorder& recorder,
                           ShownPackDescription shownPack,
                           std::function<std::optional<std::filesystem::path>()> findStickFolder,
                           std::function<std::optional<std::string>()> exportThroughOutbox)
    : clock_(clock), strings_(strings), dataDirectory_(dataDirectory), recorder_(recorder),
      access_(dataDirectory, clock), shownPack_(std::move(shownPack)),
      findStickFolder_(std::move(findStickFolder)), exportThroughOutbox_(std::move(exportThroughOutbox)) {}

bool StaffConsole::hasPreviousPack() const {
    return install::hasLastKnownGood(install::DataDirectory(dataDirectory_));
}

std::string StaffConsole::goBackToPreviousPack() {
    const install::RollbackResult result =
        install::rollBackToLastKnownGood(install::DataDirectory(dataDirectory_), KIOSK_VERSION_NUMBER);
    os::log("staff went back to the previous pack: ", (result.done ? "" : "not done: "), result.detail);
    if (!result.done)
        return label("staff_not_done") + ": " + result.detail;
    if (previousPackChosen_)
        previousPackChosen_();
    return label("staff_done") + ": " + result.detail;
}

// Vietnamese first, the staff's language; English after it for a visiting programme officer.
std::string StaffConsole::label(const char* key) const {
    const std::string vietnamese = strings_.get(key, "vie");
    const std::string english = strings_.get(key, "eng");
    return vietnamese == english ? vietnamese : vietnamese + " (" + english + ")";
}

ui::PinResult StaffConsole::checkPin(const std::string& pin) {
    switch (access_.check(pin)) {
    case staff::PinCheck::Accepted:
        return ui::PinResult::Accepted;
    case staff::PinCheck::Wrong:
        return ui::PinResult::Wrong;
    case staff::PinCheck::LockedOut:
        return ui::PinResult::LockedOut;
    case staff::PinCheck::NoPinConfigured:
        return ui::PinResult::NoPinConfigured;
    }
    return ui::PinResult::Wrong;
}

std::int64_t StaffConsole::lockedOutForMilliseconds() const {
    return access_.lockedOutForMilliseconds();
}

ui::StaffReport StaffConsole::report(ui::StaffSpan span) {
    const stats::SummarySpan summarySpan = span == ui::StaffSpan::Today ? stats::SummarySpan::Today
                                           : span == ui::StaffSpan::ThisWeek
                                               ? stats::SummarySpan::ThisWeek
                                               : stats::SummarySpan::SinceInstall;
    const stats::UsageSummary summary = recorder_.summarize(summarySpan);
    ui::StaffReport report;
    // First, where staff look: a data folder the kiosk cannot write (read-only, full, a file
    // in its place) leaves the kiosk running, but nothing it counts survives a restart.
    const stats::RecorderHealth health = recorder_.health();
    if (!health.persisting || !health.lastError.empty())
        report.facts.push_back(
            {label("staff_fact_statistics"), label("staff_statistics_not_recorded") +
                                                 (health.lastError.empty() ? "" : " · " + health.lastError)});
    // A new key means the office refuses this kiosk's exports until it accepts the key
    // (kiosk-stats merge --accept-new-key): staff must pass that on.
    else if (!health.exportKeyProblem.empty())
        report.facts.push_back({label("staff_fact_statistics"),
                                label("staff_statistics_key_problem") + " · " + health.exportKeyProblem});
    const pack::PackMetadata& pack = shownPack_.metadata;
    report.facts.push_back({label("staff_fact_pack"), pack.packId + " v" + std::to_string(pack.packVersion) +
                                                          " · " + pack.publisher + " · " + pack.created});
    report.facts.push_back(
        {label("staff_fact_origin"),
         label(install::reasonMessageKey(shownPack_.reason).c_str()) + " · " + shownPack_.lastKnownGood});
    const std::optional<std::uint64_t> free = os::freeDiskBytes(dataDirectory_);
    if (const std::string stick = lastStickOutcome_ ? lastStickOutcome_() : ""; !stick.empty())
        report.facts.push_back({label("staff_fact_last_stick"), stick});
    // Newest first, across restarts: what became of the sticks of the last weeks.
    const std::vector<install::InstallHistoryEntry> installs =
        install::InstallHistory::load(install::DataDirectory(dataDirectory_));
    for (auto entry = installs.rbegin(); entry != installs.rend(); ++entry) {
        const time::LocalDateTime when = time::localDateTimeAt(entry->wallSeconds);
        const char* outcome = installOutcomeKey(entry->outcome);
        std::string line = time::formatDate(when) + " " + time::formatTimeOfDay(when) + " · " +
                           (outcome ? label(outcome) : entry->outcome);
        if (!entry->packId.empty())
            line += " · " + entry->packId + " v" + std::to_string(entry->packVersion);
        if (entry->reasonCode != "ok")
            line += " · " + entry->reasonCode;
        report.facts.push_back({entry == installs.rbegin() ? label("staff_fact_recent_installs") : "", line});
    }
    report.facts.push_back({label("staff_fact_clock"), label(clockKey(recorder_.clockStatus()))});
    report.facts.push_back(
        {label("staff_fact_kiosk"), recorder_.kioskId() +
                                        (recorder_.placeName().empty() ? "" : " · " + recorder_.placeName()) +
                                        " · " + (free ? describeBytes(*free) : label("staff_unknown"))});
    report.facts.push_back(
        {label(summary.dated ? "staff_fact_visits" : "staff_fact_visits_this_boot"),
         text::fillPlaceholder(
             text::fillPlaceholder(text::fillPlaceholder(strings_.get("staff_visits_value", "vie"),
                                                         "sessions", std::to_string(summary.sessions)),
                                   "pages", std::to_string(summary.pageViews)),
             "attract", std::to_string(summary.attractConverted))});

    report.charts.push_back(namedCountsChart(strings_.get("staff_chart_pages", "vie"), summary.topPages));
    report.charts.push_back(
        namedCountsChart(strings_.get("staff_chart_languages", "vie"), summary.languages));
    ui::StaffChart dwell;
    // Chart titles in Vietnamese alone: a chart's width holds no second language.
    dwell.title = strings_.get("staff_chart_dwell", "vie");
    const char* const dwellLabels[] = {"< 10 s", "10–30 s", "30 s–2 min", "> 2 min"};
    for (std::size_t bucket = 0; bucket < summary.dwell.size(); ++bucket)
        dwell.bars.push_back({dwellLabels[bucket], static_cast<double>(summary.dwell[bucket])});
    report.charts.push_back(dwell);
    ui::StaffChart hours;
    hours.title = strings_.get("staff_chart_hours", "vie");
    hours.vertical = true;
    for (std::size_t hour = 0; hour < summary.sessionsByHour.size(); ++hour)
        hours.bars.push_back({std::to_string(hour), static_cast<double>(summary.sessionsByHour[hour])});
    report.charts.push_back(hours);
    return report;
}

std::string StaffConsole::exportNow() {
    if (exportThroughOutbox_)
        if (std::optional<std::string> said = exportThroughOutbox_())
            return *said;
    const std::optional<std::filesystem::path> stick = findStickFolder_ ? findStickFolder_() : std::nullopt;
    if (!stick)
        return "No USB stick with a kiosk folder is plugged in.";
    const stats::ExportResult result = recorder_.exportTo(*stick);
    if (!result.saved)
        return "Statistics not saved: " + result.error;
    return "Statistics saved (" + std::to_string(result.rows) + " rows) to " +
           result.countsFile.filename().string();
}

std::string StaffConsole::confirmDateIsCorrect() {
    recorder_.wallClockSetByStaff();
    return "Thank you: counts are dated from now on.";
}

std::string StaffConsole::setDateTime(const time::LocalDateTime& dateTime) {
    std::string whyNot;
    if (!os::setWallClock(time::wallSecondsOf(dateTime), whyNot))
        return "Chưa đặt được ngày giờ / Date and time not set: " + whyNot;
    recorder_.wallClockSetByStaff();
    return "Đã đặt ngày giờ / Date and time set: " + time::formatDate(dateTime) + " " +
           time::formatTimeOfDay(dateTime);
}

std::string StaffConsole::setPlaceName(const std::string& placeName) {
    recorder_.setPlaceName(placeName);
    return "Đã lưu tên địa điểm / Place name saved: " + recorder_.placeName();
}

std::string StaffConsole::placeName() const {
    return recorder_.placeName();
}

ui::StaffSound StaffConsole::sound() {
    if (!audio_)
        return {};
    const ui::SoundDeviceStatus device = audio_->checkDevice();
    return {device.works, device.deviceName, audio_->volume()};
}

std::string StaffConsole::changeVolume(int steps) {
    if (!audio_)
        return "No sound output.";
    const int volume = std::clamp(audio_->volume() + steps * audio::kVolumeStepPercent, 0, 100);
    audio_->setVolume(volume);
    const std::string said = "Volume " + std::to_string(volume) + " %";
    try {
        audio::storeVolumePercent(dataDirectory_, volume);
    } catch (const std::exception& error) {
        return said + ", only until the kiosk restarts: " + error.what();
    }
    return said + ".";
}

std::string StaffConsole::playTestSound() {
    if (!audio_)
        return "No sound output.";
    // The clip id is negative: never a pack's recording, so no page's speaker lights up.
    audio_->play(audio::testChime(), ui::kKioskSoundClipId);
    if (audio_->status().state == ui::PlaybackState::Failed)
        return "No sound: " + audio_->lastError();
    return "Playing a test sound at " + std::to_string(audio_->volume()) + " %.";
}

time::LocalDateTime StaffConsole::currentDateTime() const {
    return time::localDateTimeAt(clock_.wallSeconds());
}

} // namespace kiosk::app
