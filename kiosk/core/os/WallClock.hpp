// Setting the system's wall clock, for staff on a board with no network and no RTC.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::os {

// Sets CLOCK_REALTIME. Needs CAP_SYS_TIME (the systemd unit grants it); returns the reason
// in words when the system refuses.
bool setWallClock(std::int64_t secondsSinceEpoch, std::string& whyNot);

} // namespace kiosk::os
