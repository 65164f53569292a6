#include "PackChoice.hpp"

#include "EmbeddedDemoPack.hpp"
#include "os/Log.hpp"

#include <cstdlib>

namespace kiosk::app {

std::filesystem::path defaultDataDirectory() {
    if (const char* explicitDirectory = std::getenv("KIOSK_DATA_DIR");
        explicitDirectory && *explicitDirectory)
        return explicitDirectory;
    if (const char* dataHome = std::getenv("XDG_DATA_HOME"); dataHome && *dataHome)
        return std::filesystem::path(dataHome) / "commune-kiosk";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local/share/commune-kiosk";
    return "/var/lib/commune-kiosk";
}

PackChoice choosePack(const KioskOptions& options) {
    PackChoice choice;
    if (options.pack) {
        // Development and tests: any pack, unsigned, shown as it is.
        choice.reader = std::make_unique<pack::PackReader>(
            pack::PackReader::openFile(*options.pack, KIOSK_VERSION_NUMBER));
        choice.origin = options.pack->string();
        choice.source = install::PackSource::CommandLine;
        choice.reason = install::Reason::StartupCommandLine;
        return choice;
    }
    const install::DataDirectory data(options.dataDirectory.value_or(defaultDataDirectory()));
    const int unfinishedStarts = install::recordStart(data);
    choice.safeStart = install::isSafeStart(unfinishedStarts);
    if (choice.safeStart)
        os::log("safe start: the last ", unfinishedStarts,
                " starts did not stay up a minute; skipping the installed pack and the sticks plugged in");
    install::StartupPack startup =
        install::openStartupPack(data, embeddedDemoPack(), KIOSK_VERSION_NUMBER, choice.safeStart);
    choice.reader = std::move(startup.reader);
    choice.origin = startup.detail;
    choice.source = startup.source;
    choice.reason = startup.reason;
    return choice;
}

} // namespace kiosk::app
