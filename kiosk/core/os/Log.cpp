#include "os/Log.hpp"

#include <cerrno>
#include <string>
#include <unistd.h>

namespace kiosk::os {

void logLine(std::string_view message) noexcept {
    try {
        std::string line = "kiosk: ";
        line.append(message);
        line.push_back('\n');
        std::string_view left = line;
        while (!left.empty()) {
            const ssize_t written = ::write(STDERR_FILENO, left.data(), left.size());
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return;
            left.remove_prefix(static_cast<std::size_t>(written));
        }
    } catch (...) {
        // Out of memory for the line: nothing better to do than to lose it.
    }
}

} // namespace kiosk::os
