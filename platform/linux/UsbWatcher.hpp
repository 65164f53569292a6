// Notices USB sticks coming and going by polling the folders where Linux mounts them.
//
// A stick is a mount point one or two levels below a mount root: /media/LABEL (usbmount),
// /media/USER/LABEL and /run/media/USER/LABEL (udisks2), /mnt/LABEL. A folder counts as a mount
// point when it is on another device than its parent, so the empty /media/USER folder that
// udisks leaves behind is not a stick. For tests, a test root (`kiosk --usb-root DIR`) treats
// every folder directly inside DIR as a stick, mounted or not: creating DIR/STICK is "plugging
// in", removing it is "pulling out". Create the stick's files first and rename the folder in,
// so the watcher never sees half a stick.
//
// Polling, not udev or inotify: it needs no privileges or extra libraries, survives
// automounters being restarted, and a few directory listings a second cost nothing.
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <vector>

namespace kiosk::platform {

struct UsbWatcherSettings {
    std::vector<std::filesystem::path> mountRoots{"/media", "/run/media", "/mnt"};
    std::vector<std::filesystem::path> testRoots; // --usb-root DIR
    std::chrono::milliseconds pollInterval{1000};
};

struct StickEvent {
    enum class Kind { Appeared, Disappeared };
    Kind kind = Kind::Appeared;
    std::filesystem::path stick; // the folder to give PackInstallJob as its stick root
};

// Not thread-safe: call poll() from one thread (the UI's, once a frame is fine).
class UsbWatcher {
  public:
    explicit UsbWatcher(UsbWatcherSettings settings);

    // Looks again when `pollInterval` has passed since the last look (otherwise returns
    // nothing at once). Sticks present at the first look are reported as Appeared too.
    std::vector<StickEvent> poll(std::chrono::steady_clock::time_point now);
    // Looks now, whatever the interval.
    std::vector<StickEvent> pollNow();
    const std::set<std::filesystem::path>& sticks() const { return sticks_; }

  private:
    std::set<std::filesystem::path> findSticks() const;

    UsbWatcherSettings settings_;
    std::set<std::filesystem::path> sticks_;
    std::chrono::steady_clock::time_point lastPoll_{};
    bool polledOnce_ = false;
};

} // namespace kiosk::platform
