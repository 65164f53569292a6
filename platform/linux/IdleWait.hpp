// Sleeping until the villager touches the screen, without SDL's polling.
//
// SDL 2.26 blocks in SDL_WaitEventTimeout only on video drivers that can wait (X11,
// Wayland); on KMS/DRM, the kiosk's driver on a Raspberry Pi, and on the offscreen driver it
// polls every millisecond: a thousand wake-ups a second on an idle kiosk. Here the kiosk
// instead sleeps in poll(2) on its own read-only handles to the input devices (which see
// every event SDL's handles see), so it wakes for a touch, for wake() from another thread,
// for a signal (SIGTERM from systemd) or when the timeout ends, and then lets SDL read.
#pragma once

#include "LoopEvents.hpp"

#include <SDL.h>
#include <map>
#include <string>
#include <utility>

namespace kiosk::platform {

class FileHandle {
  public:
    FileHandle() = default;
    explicit FileHandle(int descriptor) : descriptor_(descriptor) {}
    ~FileHandle();
    FileHandle(FileHandle&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}
    FileHandle& operator=(FileHandle&& other) noexcept;
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;

    int get() const { return descriptor_; }
    explicit operator bool() const { return descriptor_ >= 0; }

  private:
    int descriptor_ = -1;
};

class IdleWait final : public LoopEvents {
  public:
    // `videoDriver` is SDL_GetCurrentVideoDriver(): drivers that wait well keep SDL's wait.
    explicit IdleWait(const char* videoDriver);
    ~IdleWait() override;
    IdleWait(const IdleWait&) = delete;
    IdleWait& operator=(const IdleWait&) = delete;

    bool waitEvent(SDL_Event& event, int timeoutMilliseconds) override;
    // Safe from any thread: ends a wait early. Every SDL_PushEvent (from any thread) calls it.
    void wake();

  private:
    static int wakeOnPushedEvent(void* idleWait, SDL_Event* event);
    void rescanInputDevices();
    void drain(int descriptor);

    bool sdlWaitsWell_ = false;
    SDL_threadID loopThread_ = 0;
    FileHandle wakeEvent_;   // eventfd
    FileHandle deviceWatch_; // inotify on /dev/input: touch screens plugged in later
    std::map<std::string, FileHandle> inputDevices_;
};

} // namespace kiosk::platform
