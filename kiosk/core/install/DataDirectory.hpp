// Where the kiosk keeps its packs and keys. The layout (content-packs/SIGNING.md shows it to
// staff):
//
//     <data>/packs/current.kpack          the pack the kiosk shows
//     <data>/packs/last-known-good.kpack  the pack shown before it, to fall back to
//     <data>/packs/installed-versions.txt the highest version of each pack id ever installed
//     <data>/staging/                     a pack being copied and checked; emptied at start-up
//     <data>/keys/*.pub                   public keys of trusted signers
//     <data>/keys/revoked.txt             key ids no longer trusted
//
// staging/ and packs/ are on the same file system, so moving a checked pack into place is one
// atomic rename.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::install {

class DataDirectory {
  public:
    explicit DataDirectory(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path packsDirectory() const { return root_ / "packs"; }
    std::filesystem::path currentPack() const { return packsDirectory() / "current.kpack"; }
    std::filesystem::path lastKnownGoodPack() const { return packsDirectory() / "last-known-good.kpack"; }
    // InstalledVersions: what an older signed pack is refused by, even after a rollback.
    std::filesystem::path installedVersionsFile() const {
        return packsDirectory() / "installed-versions.txt";
    }
    std::filesystem::path installHistoryFile() const { return packsDirectory() / "install-history.txt"; }
    std::filesystem::path stagingDirectory() const { return root_ / "staging"; }
    std::filesystem::path stagedPack() const { return stagingDirectory() / "incoming.kpack"; }
    std::filesystem::path keysDirectory() const { return root_ / "keys"; }

  private:
    std::filesystem::path root_;
};

// Removes what an interrupted install can leave: everything in staging/, and temporary or
// journal files next to the packs. Returns the names removed, for the log. Never throws: a
// kiosk must start even when its disk misbehaves.
std::vector<std::string> removeInstallLeftovers(const DataDirectory& data);

} // namespace kiosk::install
