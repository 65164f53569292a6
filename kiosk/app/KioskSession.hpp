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

private:
    // Before every frame: USB sticks, installs, the notice. True while it needs frames.
    bool beforeFrame();
    ShownPackDescription describeShownPack() const;

    std::filesystem::path dataDirectory_;
    const text::UiStrings& strings_;
    PackChoice pack_;
    UsageStatistics statistics_;
    StickFlow stickFlow_;
    StaffConsole staffConsole_;
    std::optional<ui::InstallNotice> shownNotice_; // what the UI was last given
    std::unique_ptr<platform::KioskRuntime> runtime_; // last: it draws with everything above
};

} // namespace kiosk::app
