#include "time/Clock.hpp"

#include <chrono>

namespace kiosk::time {

std::int64_t SystemClock::monotonicMilliseconds() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t SystemClock::wallSeconds() const {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace kiosk::time
