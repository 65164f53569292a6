// What an install may do, and the hooks tests use. The defaults are the kiosk's.
#pragma once

#include "install/StageTiming.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace kiosk::install {

struct InstallSettings {
    // A pack bigger than this is refused from its size alone, before anything is read.
    std::uint64_t maximumPackBytes = 2ull * 1024 * 1024 * 1024;
    // Room that must stay free on the data disk after the copy (statistics, logs, the system).
    std::uint64_t reserveBytes = 32ull * 1024 * 1024;
    std::size_t copyChunkBytes = 4u * 1024 * 1024;
    std::int64_t kioskVersion = KIOSK_VERSION_NUMBER;
    // The fonts the kiosk draws with; every character of a pack must be in all of them. Empty:
    // the check is skipped (tools that do not know the kiosk's fonts).
    std::vector<std::filesystem::path> fontFiles;
    // The pack built into the program (the demo). It counts as the installed pack when the
    // data folder holds none, so an older demo pack from a stick is refused too.
    std::span<const std::uint8_t> embeddedPack;

    // Free bytes on the file system holding a path; os::freeDiskBytes unless a test replaces it.
    std::function<std::optional<std::uint64_t>(const std::filesystem::path&)> freeSpace;
    // Tests only: called after each copied chunk (to pull the "stick" out mid-copy).
    std::function<void(std::uint64_t bytesDone)> afterCopyChunk;
    // bench-install: the time of each stage of the install (preparation, copy, each check, switch).
    StageTimeSink onStageTimed;
};

} // namespace kiosk::install
