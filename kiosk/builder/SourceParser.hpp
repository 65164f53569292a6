// Reads a whole pack source folder (see content-packs/README.md) into a PackSourceTree,
// reporting every problem it finds. The tree is complete only when no problem was reported.
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"

#include <filesystem>

namespace kiosk::builder {

PackSourceTree parseSourceFolder(const std::filesystem::path& sourceFolder, Diagnostics& diagnostics);

} // namespace kiosk::builder
