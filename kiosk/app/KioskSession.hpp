// One run of the kiosk: the pack on screen, the statistics, the staff view, USB sticks, and
// the SDL runtime that draws them, all on one clock (the real one, or the harness's).
#pragma once

#include "KioskRuntime.hpp"
#include "PackChoice.hpp"
#include "StaffConsole.hpp"
#include "StickFlow.hpp"
#include "UsageStatistics.hpp"
#include "app/KioskOptions.hpp"

#include <memory>

namespace kiosk::app {

class KioskSession {
  public:
    KioskSession(const KioskOptions& options, PackChoice pack, const text::UiStrings& strings,
                 const platform::RuntimeSettings& settings, const time::Clock& clock);

    platform::KioskRuntime& runtime() { return *runtime_; }
    // The loop ended as asked (SIGTERM, a quit, the end of a script), not by a crash or the
    // watchdog: this start does not count towards a safe start.
    void endedCleanly();

  private:
    // Before every frame: USB sticks, installs, the notice. True while it needs frames.
    bool beforeFrame();
    // Shows the pack in `file` from this frame on (the villager starts again at home).
    void showPack(const std::filesystem::path& file, const std::string& origin);
    void showReader(std::unique_ptr<pack::PackReader> reader, const std::string& origin);
    void recordStayedUp();
    ShownPackDescription describeShownPack() const;

    std::filesystem::path dataDirectory_;
    const time::Clock& clock_;
    std::int64_t startedMilliseconds_ = 0;
    bool stayedUp_ = false;           // recorded for the start-up guard (install/StartupGuard.hpp)
    bool previousPackChosen_ = false; // staff went back to the previous pack: show it next frame
    const text::UiStrings& strings_;
    PackChoice pack_;
    UsageStatistics statistics_;
    StickFlow stickFlow_;
    StaffConsole staffConsole_;
    std::optional<ui::InstallNotice> shownNotice_;    // what the UI was last given
    std::unique_ptr<platform::KioskRuntime> runtime_; // last: it draws with everything above
};

} // namespace kiosk::app
