// Which pack the kiosk shows: the one named on the command line, else the one installed in
// the data folder, else the demo pack built into the program.
#pragma once

#include "app/KioskOptions.hpp"
#include "pack/PackReader.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::app {

struct PackChoice {
    std::unique_ptr<pack::PackReader> reader;
    std::string origin; // for the log: where the pack came from, and why
};

std::filesystem::path defaultDataDirectory();
// Throws pack::PackError only for a pack named with --pack; otherwise falls back.
PackChoice choosePack(const KioskOptions& options);

} // namespace kiosk::app
