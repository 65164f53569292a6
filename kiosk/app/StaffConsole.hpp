// The staff view's services over the real kiosk: the PIN, the statistics, the packs and the
// clock. Everything it shows is about the kiosk, never about a visitor.
#pragma once

#include "AudioOutput.hpp"
#include "StaffServices.hpp"
#include "install/Reason.hpp"
#include "pack/PackModel.hpp"
#include "staff/StaffAccess.hpp"
#include "stats/UsageRecorder.hpp"
#include "text/UiStrings.hpp"

#include <filesystem>
#include <functional>
#include <optional>

namespace kiosk::app {

struct ShownPackDescription {
    pack::PackMetadata metadata;
    std::string origin; // where it came from, and why (e.g. a fallback), in English for the log
    install::Reason reason = install::Reason::StartupCurrent; // which pack start-up chose, and why
    std::string lastKnownGood;                                // "–" when there is none
};

class StaffConsole final : public ui::StaffServices {
  public:
    // `findStickFolder` returns the kiosk/ folder of a plugged-in stick, if any.
    // `exportThroughOutbox` exports where sticks are read-only (see StickFlow) and says how
    // it went; nothing when the export is to be written onto the stick directly.
    // `strings` must outlive the console.
    StaffConsole(const time::Clock& clock, const text::UiStrings& strings,
                 const std::filesystem::path& dataDirectory, stats::UsageRecorder& recorder,
                 ShownPackDescription shownPack,
                 std::function<std::optional<std::filesystem::path>()> findStickFolder,
                 std::function<std::optional<std::string>()> exportThroughOutbox = {});

    void setShownPack(ShownPackDescription shownPack) { shownPack_ = std::move(shownPack); }
    // What the last USB stick's install came to ("" before the first), shown among the facts.
    void setLastStickOutcome(std::function<std::string()> lastStickOutcome) {
        lastStickOutcome_ = std::move(lastStickOutcome);
    }
    // The output the kiosk plays on; it must outlive the console. Until set, there is no sound.
    void setAudioOutput(ui::AudioOutput* audio) { audio_ = audio; }

    ui::PinResult checkPin(const std::string& pin) override;
    std::int64_t lockedOutForMilliseconds() const override;
    ui::StaffReport report(ui::StaffSpan span) override;
    std::string exportNow() override;
    std::string confirmDateIsCorrect() override;
    std::string setDateTime(const time::LocalDateTime& dateTime) override;
    std::string setPlaceName(const std::string& placeName) override;
    std::string placeName() const override;
    ui::StaffSound sound() override;
    std::string changeVolume(int steps) override;
    std::string playTestSound() override;
    bool hasPreviousPack() const override;
    std::string goBackToPreviousPack() override;
    // Called after the packs on disk were swapped back: the kiosk must show the current pack.
    void setPreviousPackChosen(std::function<void()> chosen) { previousPackChosen_ = std::move(chosen); }
    time::LocalDateTime currentDateTime() const override;

  private:
    std::string label(const char* key) const;

    const time::Clock& clock_;
    const text::UiStrings& strings_;
    std::filesystem::path dataDirectory_;
    stats::UsageRecorder& recorder_;
    staff::StaffAccess access_;
    ShownPackDescription shownPack_;
    std::function<std::optional<std::filesystem::path>()> findStickFolder_;
    std::function<std::optional<std::string>()> exportThroughOutbox_;
    std::function<std::string()> lastStickOutcome_;
    std::function<void()> previousPackChosen_;
    ui::AudioOutput* audio_ = nullptr;
};

} // namespace kiosk::app
