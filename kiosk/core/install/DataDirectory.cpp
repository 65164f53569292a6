#include "install/DataDirectory.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"

namespace kiosk::install {

std::vector<std::string> removeInstallLeftovers(const DataDirectory& data) {
    std::vector<std::string> removed;
    try {
        for (const os::DirectoryEntry& entry : os::listDirectory(data.stagingDirectory()))
            removed.push_back("staging/" + entry.name);
        if (!removed.empty())
            os::removeDirectoryContents(data.stagingDirectory());
    } catch (const os::FileError&) {
        // No staging folder yet (or an unreadable one: the next install reports it).
    }
    try {
        const std::string current = data.currentPack().filename().string();
        const std::string lastKnownGood = data.lastKnownGoodPack().filename().string();
        for (const os::DirectoryEntry& entry : os::listDirectory(data.packsDirectory())) {
            if (entry.name == current || entry.name == lastKnownGood)
                continue;
            // os::writeFileAtomically's temporaries, and journals SQLite would find "hot" and
            // refuse to open a read-only pack beside.
            const bool leftover = entry.name.find(".tmp-") != std::string::npos ||
                                  entry.name.ends_with("-journal") || entry.name.ends_with("-wal") ||
                                  entry.name.ends_with("-shm");
            if (!leftover)
                continue;
            os::removeFileDurably(data.packsDirectory() / entry.name);
            removed.push_back("packs/" + entry.name);
        }
    } catch (const os::FileError&) {
    }
    return removed;
}

} // namespace kiosk::install
