#include "install/PackInstallJob.hpp"

namespace kiosk::install {

PackInstallJob::PackInstallJob(InstallRequest request)
    : request_(std::move(request)), worker_([this] { runInstall(request_, progress_); }) {}

PackInstallJob::~PackInstallJob() {
    cancel();
    wait();
}

void PackInstallJob::wait() {
    if (worker_.joinable())
        worker_.join();
}

} // namespace kiosk::install
