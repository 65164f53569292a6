// Finds the packs on a USB stick: *.kpack files in its top folder and in its kiosk/ folder,
// each with its detached signature NAME.kpack.sig. Hidden files and macOS's ._* files are
// ignored. Anything that is not a plain file on the stick itself (a link, a folder named
// x.kpack, a device) is refused, and so is a file too big to be a pack, from its size alone:
// nothing here reads a pack, only the small signature files. At most 200,000 names of a
// folder are read, and only those of packs and signatures kept: a full stick costs nothing.
#pragma once

#include "install/InstallSettings.hpp"
#include "install/Reason.hpp"
#include "signing/PackSignature.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::install {

struct StickFile {
    std::filesystem::path path; // where it is
    std::string displayName;    // relative to the stick, e.g. "kiosk/xa-an-phu.kpack"
    std::uint64_t size = 0;
    std::optional<signing::PackSignature> signature;
    // Set when the file is refused before any copying.
    Reason refusal = Reason::None;
    std::string detail;
};

// Sorted by displayName. Empty when there is no *.kpack (or the stick cannot be read).
std::vector<StickFile> scanStick(const std::filesystem::path& stickRoot, const InstallSettings& settings);

} // namespace kiosk::install
