#include "SystemdNotifier.hpp"

#if KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiosk::platform {

namespace {

// 0 does not unset NOTIFY_SOCKET: the kiosk may start helpers that must not notify for it.
constexpr int kKeepEnvironment = 0;

} // namespace

SystemdNotifier::SystemdNotifier() {
#if KIOSK_HAVE_SYSTEMD
    std::uint64_t watchdogMicroseconds = 0;
    if (sd_watchdog_enabled(kKeepEnvironment, &watchdogMicroseconds) > 0)
        // Half the interval, as sd_watchdog_enabled(3) advises: a late frame is not a hang.
        pingIntervalMilliseconds_ = static_cast<std::int64_t>(watchdogMicroseconds / 2000);
#endif
}

SystemdNotifier::~SystemdNotifier() {
#if KIOSK_HAVE_SYSTEMD
    if (readySent_)
        sd_notify(kKeepEnvironment, "STOPPING=1");
#endif
}

void SystemdNotifier::ready() {
    if (readySent_)
        return;
    readySent_ = true;
#if KIOSK_HAVE_SYSTEMD
    sd_notify(kKeepEnvironment, "READY=1\nSTATUS=Showing the kiosk");
#endif
}

void SystemdNotifier::keepAlive(std::int64_t nowMilliseconds) {
    if (pingIntervalMilliseconds_ <= 0 || nowMilliseconds - lastPingMilliseconds_ < pingIntervalMilliseconds_)
        return;
    lastPingMilliseconds_ = nowMilliseconds;
#if KIOSK_HAVE_SYSTEMD
    sd_notify(kKeepEnvironment, "WATCHDOG=1");
#endif
}

} // namespace kiosk::platform
