#include "install/PackSwitch.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"

namespace kiosk::install {

namespace {

bool opens(const std::filesystem::path& file, std::int64_t kioskVersion) {
    if (!os::linkStatus(file))
        return false;
    try {
        pack::PackReader::openFile(file, kioskVersion);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

void switchToStagedPack(const DataDirectory& data, std::int64_t kioskVersion) {
    os::createDirectoriesDurably(data.packsDirectory());
    if (opens(data.currentPack(), kioskVersion))
        os::renameDurably(data.currentPack(), data.lastKnownGoodPack(), os::OnRenameFailure::KeepSource);
    os::renameDurably(data.stagedPack(), data.currentPack(), os::OnRenameFailure::KeepSource);
}

} // namespace kiosk::install
