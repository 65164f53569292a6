// One install from one USB stick, start to end, on the calling thread: find the packs, refuse
// what can be refused from the signature alone (trust, size, versions: the installed pack and
// the installed-versions record), then per pack id the newest candidate first: check free
// space, copy into staging/ (hashing the bytes as they are written), check the staged copy
// (hash, signature, every content check, on two threads, while the copy is fsynced beside
// them), switch atomically, record the version. PackInstallJob runs this on a worker thread
// for the UI; tests and tools call it directly.
//
// Which pack wins when a stick holds several: the kiosk shows one pack. Candidates with the
// installed pack's id come first (an update); when there are none, each pack id is tried in
// alphabetical order. Within a pack id the newest version is tried first, then older ones
// that are still newer than the installed one. The first that passes every check is
// installed; every other candidate is reported as refused or skipped, with its reason.
#pragma once

#include "install/InstallSettings.hpp"
#include "install/InstallStatus.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>

namespace kiosk::install {

struct InstallRequest {
    std::filesystem::path stickRoot;
    std::filesystem::path dataDirectory;
    InstallSettings settings;
    // The staff override: also accept a pack that is not newer than the installed pack of its
    // id (to go back to an older release on purpose). Never set from anything a villager does.
    bool allowDowngrade = false;
};

// The state of one install, shared between the installing thread and whoever watches it.
class InstallProgress {
  public:
    InstallSnapshot snapshot() const;
    // Applies `change` under the lock and counts a new sequence number.
    void update(const std::function<void(InstallSnapshot&)>& change);
    void requestStop() { stopRequested_ = true; }
    bool stopRequested() const { return stopRequested_; }

  private:
    mutable std::mutex mutex_;
    InstallSnapshot snapshot_;
    std::atomic<bool> stopRequested_{false};
};

// Runs the whole install; returns the final snapshot (also left in `progress`). Never throws:
// an unexpected error ends as Refused with Reason::InternalError. Only one install runs at a
// time in a process; a second one is refused with Reason::InstallBusy.
InstallSnapshot runInstall(const InstallRequest& request, InstallProgress& progress);
InstallSnapshot runInstall(const InstallRequest& request);

} // namespace kiosk::install
