#include "os/WallClock.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace kiosk::os {

bool setWallClock(std::int64_t secondsSinceEpoch, std::string& whyNot) {
    timespec time{};
    time.tv_sec = static_cast<time_t>(secondsSinceEpoch);
    if (clock_settime(CLOCK_REALTIME, &time) == 0)
        return true;
    whyNot = errno == EPERM ? "the kiosk may not set the clock (needs CAP_SYS_TIME)" : std::strerror(errno);
    return false;
}

} // namespace kiosk::os
