#include "PackChoice.hpp"

#include "EmbeddedDemoPack.hpp"

#include <cstdlib>

namespace kiosk::app {

std::filesystem::path defaultDataDirectory() {
    if (const char* explicitDirectory = std::getenv("KIOSK_DATA_DIR"); explicitDirectory && *explicitDirectory)
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
        choice.reader = std::make_unique<pack::PackReader>(pack::PackReader::openFile(*options.pack, KIOSK_VERSION_NUMBER));
        choice.origin = options.pack->string();
        return choice;
    }
    const std::filesystem::path installed =
        options.dataDirectory.value_or(defaultDataDirectory()) / "packs" / "current.kpack";
    std::string why = "no pack installed at " + installed.string();
    std::error_code error;
    if (std::filesystem::exists(installed, error)) {
        try {
            choice.reader = std::make_unique<pack::PackReader>(pack::PackReader::openFile(installed, KIOSK_VERSION_NUMBER));
            choice.origin = installed.string();
            return choice;
        } catch (const pack::PackError& packError) {
            why = "installed pack refused: " + std::string(packError.what());
        }
    }
    choice.reader = std::make_unique<pack::PackReader>(pack::PackReader::openMemory(embeddedDemoPack(), KIOSK_VERSION_NUMBER));
    choice.origin = "built-in demo pack (" + why + ")";
    return choice;
}

} // namespace kiosk::app
