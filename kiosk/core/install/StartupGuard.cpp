#include "install/StartupGuard.hpp"

#include "os/FileSystem.hpp"
#include "os/Log.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace kiosk::install {

namespace {

std::filesystem::path countFile(const DataDirectory& data) {
    return data.root() / "unfinished-starts";
}

int readCount(const DataDirectory& data) {
    try {
        const std::string text = os::readTextFile(countFile(data), 32);
        int count = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (error != std::errc() || count < 0)
            return 0;
        return count;
    } catch (const std::exception&) {
        return 0; // none yet (the first start), or damaged: start normally
    }
}

bool writeCount(const DataDirectory& data, int count) {
    try {
        os::createDirectoriesDurably(data.root());
        os::writeFileAtomically(countFile(data), std::to_string(count) + "\n");
        return true;
    } catch (const std::exception& error) {
        os::log("cannot record the start in ", countFile(data).string(), ": ", error.what());
        return false;
    }
}

} // namespace

int recordStart(const DataDirectory& data) {
    const int before = readCount(data);
    // Capped, so a kiosk restarting for years cannot overflow it.
    if (!writeCount(data, std::min(before + 1, 1000)))
        return 0;
    return before;
}

void markStayedUp(const DataDirectory& data) {
    writeCount(data, 0);
}

} // namespace kiosk::install
