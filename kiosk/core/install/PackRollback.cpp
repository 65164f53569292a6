#include "install/PackRollback.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"

namespace kiosk::install {

std::filesystem::path setAsidePack(const DataDirectory& data) {
    return data.packsDirectory() / "set-aside.kpack";
}

bool hasLastKnownGood(const DataDirectory& data) {
    const std::optional<os::FileStatus> status = os::linkStatus(data.lastKnownGoodPack());
    return status && status->type == os::FileType::Regular;
}

RollbackResult rollBackToLastKnownGood(const DataDirectory& data, std::int64_t kioskVersion) {
    RollbackResult result;
    if (!hasLastKnownGood(data)) {
        result.detail = "there is no previous pack to go back to";
        return result;
    }
    try {
        // Refuse before touching anything: going back to a damaged pack would leave the
        // kiosk on its built-in demo.
        const pack::PackReader previous = pack::PackReader::openFile(data.lastKnownGoodPack(), kioskVersion);
        previous.validateAllPages();
        result.detail = "now showing " + previous.metadata().packId + " version " +
                        std::to_string(previous.metadata().packVersion);
    } catch (const std::exception& error) {
        result.detail = std::string("the previous pack cannot be shown: ") + error.what();
        return result;
    }
    try {
        if (os::linkStatus(data.currentPack()))
            os::renameDurably(data.currentPack(), setAsidePack(data), os::OnRenameFailure::KeepSource);
        os::renameDurably(data.lastKnownGoodPack(), data.currentPack(), os::OnRenameFailure::KeepSource);
    } catch (const std::exception& error) {
        result.detail = std::string("cannot swap the packs: ") + error.what();
        return result;
    }
    result.done = true;
    return result;
}

} // namespace kiosk::install
