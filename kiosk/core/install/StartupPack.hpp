// Which pack the kiosk opens when it starts: the installed pack, else the one installed before
// it (last-known-good), else the demo pack built into the program. Whatever an install was
// doing when the power went, one of them opens. The choice comes with a reason code for the
// staff view and a detail line for the log.
#pragma once

#include "install/DataDirectory.hpp"
#include "install/Reason.hpp"
#include "pack/PackReader.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace kiosk::install {

enum class PackSource { CommandLine, Current, LastKnownGood, EmbeddedDemo };

const char* packSourceName(PackSource source);

struct StartupPack {
    std::unique_ptr<pack::PackReader> reader; // never null
    PackSource source = PackSource::EmbeddedDemo;
    std::filesystem::path file; // empty for the embedded demo
    // StartupCurrent, StartupCurrentMissing, StartupCurrentRefused, StartupCurrentUnstable,
    // StartupNoPackInstalled or StartupInstalledPacksRefused.
    Reason reason = Reason::StartupCurrent;
    // English, for the log and the staff view: what was opened, and why the others were not
    // ("the previous pack /data/packs/last-known-good.kpack, because current.kpack cannot be
    // shown: ...").
    std::string detail;
    // What start-up cleaned away (an interrupted install's staging files).
    std::vector<std::string> removedLeftovers;
};

// Cleans leftovers of an interrupted install, then opens and checks (every page in every
// language) current.kpack, else last-known-good.kpack, else `embeddedPack`. A safe start
// (install/StartupGuard.hpp) skips current.kpack. Throws only when even the embedded pack
// cannot be opened (a broken build).
StartupPack openStartupPack(const DataDirectory& data, std::span<const std::uint8_t> embeddedPack,
                            std::int64_t kioskVersion, bool safeStart = false);

// The same choice without cleaning and without keeping the pack open: what an install must
// compare a new pack with. Nothing when no pack opens at all.
std::optional<pack::PackIndex> installedPackIndex(const DataDirectory& data,
                                                  std::span<const std::uint8_t> embeddedPack,
                                                  std::int64_t kioskVersion);

} // namespace kiosk::install
