#include "UsbWatcher.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"

namespace kiosk::platform {

namespace {

std::vector<os::DirectoryEntry> subfolders(const std::filesystem::path& folder) {
    std::vector<os::DirectoryEntry> folders;
    try {
        for (os::DirectoryEntry& entry : os::listDirectory(folder))
            if (entry.status.type == os::FileType::Directory && !entry.name.starts_with("."))
                folders.push_back(std::move(entry));
    } catch (const os::FileError&) {
        // The root does not exist on this system, or just vanished.
    }
    return folders;
}

void addMountPointsBelow(const std::filesystem::path& root, std::set<std::filesystem::path>& sticks) {
    const std::optional<os::FileStatus> rootStatus = os::linkStatus(root);
    if (!rootStatus || rootStatus->type != os::FileType::Directory)
        return;
    for (const os::DirectoryEntry& level1 : subfolders(root)) {
        const std::filesystem::path path1 = root / level1.name;
        if (level1.status.device != rootStatus->device) {
            sticks.insert(path1);
            continue;
        }
        for (const os::DirectoryEntry& level2 : subfolders(path1))
            if (level2.status.device != level1.status.device)
                sticks.insert(path1 / level2.name);
    }
}

} // namespace

UsbWatcher::UsbWatcher(UsbWatcherSettings settings) : settings_(std::move(settings)) {}

std::vector<StickEvent> UsbWatcher::poll(std::chrono::steady_clock::time_point now) {
    if (polledOnce_ && now - lastPoll_ < settings_.pollInterval)
        return {};
    lastPoll_ = now;
    return pollNow();
}

std::vector<StickEvent> UsbWatcher::pollNow() {
    polledOnce_ = true;
    std::set<std::filesystem::path> found = findSticks();
    std::vector<StickEvent> events;
    for (const std::filesystem::path& stick : sticks_)
        if (!found.contains(stick))
            events.push_back(StickEvent{StickEvent::Kind::Disappeared, stick});
    for (const std::filesystem::path& stick : found)
        if (!sticks_.contains(stick))
            events.push_back(StickEvent{StickEvent::Kind::Appeared, stick});
    sticks_ = std::move(found);
    return events;
}

std::set<std::filesystem::path> UsbWatcher::findSticks() const {
    std::set<std::filesystem::path> sticks;
    for (const std::filesystem::path& root : settings_.mountRoots)
        addMountPointsBelow(root, sticks);
    for (const std::filesystem::path& root : settings_.testRoots)
        for (const os::DirectoryEntry& entry : subfolders(root))
            sticks.insert(root / entry.name);
    return sticks;
}

} // namespace kiosk::platform
