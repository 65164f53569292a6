// Which pack the kiosk shows: the one named on the command line, else the one installed in
// the data folder, else the one installed before it (last-known-good), else the demo pack built
// into the program. The choice itself is the core's (install::openStartupPack).
#pragma once

#include "app/KioskOptions.hpp"
#include "install/Reason.hpp"
#include "install/StartupGuard.hpp"
#include "install/StartupPack.hpp"
#include "pack/PackReader.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::app {

struct PackChoice {
    std::unique_ptr<pack::PackReader> reader;
    std::string origin; // for the log: where the pack came from, and why
    install::PackSource source = install::PackSource::EmbeddedDemo;
    // For the staff view: the reason code (install::reasonCode) and its message key
    // (install::reasonMessageKey) say which pack and why, `origin` the details.
    install::Reason reason = install::Reason::StartupCurrent;
    // The kiosk kept restarting (install/StartupGuard.hpp): the installed pack was skipped, and
    // sticks plugged in at start are not read until they are plugged in again.
    bool safeStart = false;
};

std::filesystem::path defaultDataDirectory();
// Throws pack::PackError only for a pack named with --pack; otherwise falls back.
PackChoice choosePack(const KioskOptions& options);

} // namespace kiosk::app
