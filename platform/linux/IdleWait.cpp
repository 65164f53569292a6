#include "IdleWait.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>
#include <vector>

namespace kiosk::platform {

FileHandle::~FileHandle() {
    if (descriptor_ >= 0)
        ::close(descriptor_);
}

FileHandle& FileHandle::operator=(FileHandle&& other) noexcept {
    if (this != &other) {
        if (descriptor_ >= 0)
            ::close(descriptor_);
        descriptor_ = std::exchange(other.descriptor_, -1);
    }
    return *this;
}

namespace {

constexpr const char* kInputDirectory = "/dev/input";

} // namespace

IdleWait::IdleWait(const char* videoDriver) {
    const std::string driver = videoDriver ? videoDriver : "";
    sdlWaitsWell_ = driver == "x11" || driver == "wayland" || driver == "windows" || driver == "cocoa";
    if (sdlWaitsWell_)
        return;
    wakeEvent_ = FileHandle(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    deviceWatch_ = FileHandle(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
    if (deviceWatch_)
        ::inotify_add_watch(deviceWatch_.get(), kInputDirectory, IN_CREATE | IN_DELETE | IN_ATTRIB);
    rescanInputDevices();
    // Events pushed by other threads reach SDL's queue but not our handles: the watch rings
    // our doorbell for them. Not for those added on the loop's own thread: SDL_PollEvent
    // itself adds one (SDL_POLLSENTINEL) on every call, and a ring for it would never let
    // the loop sleep.
    loopThread_ = SDL_ThreadID();
    SDL_AddEventWatch(&IdleWait::wakeOnPushedEvent, this);
}

IdleWait::~IdleWait() {
    if (!sdlWaitsWell_)
        SDL_DelEventWatch(&IdleWait::wakeOnPushedEvent, this);
}

int IdleWait::wakeOnPushedEvent(void* idleWait, SDL_Event*) {
    IdleWait& self = *static_cast<IdleWait*>(idleWait);
    if (SDL_ThreadID() != self.loopThread_)
        self.wake();
    return 0;
}

void IdleWait::rescanInputDevices() {
    std::error_code error;
    std::map<std::string, FileHandle> found;
    for (const auto& entry : std::filesystem::directory_iterator(kInputDirectory, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("event", 0) != 0)
            continue;
        if (auto existing = inputDevices_.find(name); existing != inputDevices_.end()) {
            found.emplace(name, std::move(existing->second));
            continue;
        }
        // Read-only and never grabbed: SDL keeps getting every event on its own handle.
        FileHandle device(::open(entry.path().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        if (device)
            found.emplace(name, std::move(device));
    }
    inputDevices_ = std::move(found);
}

void IdleWait::drain(int descriptor) {
    // Our copy of the events is only a doorbell; SDL reads its own.
    char buffer[4096];
    while (::read(descriptor, buffer, sizeof buffer) > 0) {
    }
}

void IdleWait::wake() {
    if (wakeEvent_) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t written = ::write(wakeEvent_.get(), &one, sizeof one);
    }
}

bool IdleWait::waitEvent(SDL_Event& event, int timeoutMilliseconds) {
    if (sdlWaitsWell_)
        return SDL_WaitEventTimeout(&event, timeoutMilliseconds) != 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMilliseconds);
    while (true) {
        if (SDL_PollEvent(&event))
            return true;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        std::vector<pollfd> watched;
        for (const int descriptor : {wakeEvent_.get(), deviceWatch_.get()})
            if (descriptor >= 0)
                watched.push_back(pollfd{descriptor, POLLIN, 0});
        for (const auto& [name, device] : inputDevices_)
            watched.push_back(pollfd{device.get(), POLLIN, 0});
        // A signal (SIGTERM) ends poll early with EINTR; SDL_PollEvent then finds SDL_QUIT.
        const int ready = ::poll(watched.data(), watched.size(), static_cast<int>(left.count()) + 1);
        if (ready <= 0)
            continue;
        bool devicesChanged = false;
        for (const pollfd& entry : watched) {
            if (entry.revents == 0)
                continue;
            if (entry.fd == deviceWatch_.get())
                devicesChanged = true;
            if (entry.revents & (POLLERR | POLLHUP | POLLNVAL)) {
                // Unplugged: forget the handle, or poll would keep reporting it.
                std::erase_if(inputDevices_,
                              [&](const auto& device) { return device.second.get() == entry.fd; });
                devicesChanged = true;
            } else {
                drain(entry.fd);
            }
        }
        if (devicesChanged)
            rescanInputDevices();
    }
}

} // namespace kiosk::platform
