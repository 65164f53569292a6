// Tells systemd how the kiosk is doing (sd_notify): ready once the first frame is on the
// screen, alive at least every half watchdog interval from the event loop, stopping at the
// end. Without systemd (a developer's terminal, the tests) every call does nothing.
#pragma once

#include <cstdint>

namespace kiosk::platform {

class SystemdNotifier {
  public:
    SystemdNotifier();
    ~SystemdNotifier();
    SystemdNotifier(const SystemdNotifier&) = delete;
    SystemdNotifier& operator=(const SystemdNotifier&) = delete;

    // Call after the first frame was presented: a Type=notify unit counts as started then.
    void ready();
    // Call on every turn of the event loop; pings the watchdog only when one is due, so it
    // costs nothing on busy frames and keeps an idle kiosk's one wake-up a second enough.
    void keepAlive(std::int64_t nowMilliseconds);
    bool watchdogEnabled() const { return pingIntervalMilliseconds_ > 0; }

  private:
    std::int64_t pingIntervalMilliseconds_ = 0; // 0: systemd wants no pings
    std::int64_t lastPingMilliseconds_ = 0;
    bool readySent_ = false;
};

} // namespace kiosk::platform
