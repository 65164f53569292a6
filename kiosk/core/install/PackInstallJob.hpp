// The installer for the kiosk's UI: it runs on its own thread and the UI reads a snapshot of
// it every frame.
//
// Threading rules:
//   - Construct, snapshot(), cancel(), finished() and the destructor from one thread (the UI's).
//   - snapshot() copies a small struct under a mutex; calling it every frame is cheap.
//   - The install itself (copying hundreds of megabytes, hashing, decoding every picture) runs
//     on the job's worker thread and never on the caller's.
//   - The destructor cancels a running install and waits for the worker: the staged copy is
//     removed, the installed pack untouched (an install that already reached its final rename
//     completes). Destroying a job that has finished returns at once.
//   - A stick pulled out mid-copy needs no call: the copy fails by itself and the job ends as
//     Refused with Reason::StickReadError.
//   - When the snapshot says Installed, the new pack is at snapshot().installedFile; the UI
//     opens it with pack::PackReader::openFile and swaps it in at a moment that suits it. The
//     old pack's open reader keeps working until then (its file was renamed, not rewritten).
#pragma once

#include "install/PackInstaller.hpp"

#include <thread>

namespace kiosk::install {

class PackInstallJob {
  public:
    // Starts installing from `request.stickRoot` at once.
    explicit PackInstallJob(InstallRequest request);
    PackInstallJob(const PackInstallJob&) = delete;
    PackInstallJob& operator=(const PackInstallJob&) = delete;
    ~PackInstallJob();

    InstallSnapshot snapshot() const { return progress_.snapshot(); }
    bool finished() const { return isFinished(progress_.snapshot().stage); }
    // Asks the worker to stop; the snapshot ends as Refused with Reason::Cancelled unless the
    // install was already past its point of no return.
    void cancel() { progress_.requestStop(); }
    // Blocks until the worker is done (tests and command-line tools).
    void wait();

  private:
    InstallRequest request_;
    InstallProgress progress_;
    std::thread worker_; // last: started after everything it uses exists
};

} // namespace kiosk::install
