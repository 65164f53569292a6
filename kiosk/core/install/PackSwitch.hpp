// Puts a checked pack in place. Two durable renames, each atomic:
//   1. packs/current.kpack -> packs/last-known-good.kpack  (only when the current pack opens:
//      a damaged current pack must never replace a good last-known-good)
//   2. staging/incoming.kpack -> packs/current.kpack
// A crash between them leaves no current.kpack, so start-up shows last-known-good (the old
// pack) and empties staging/; a crash after the second shows the new pack. Never neither.
#pragma once

#include "install/DataDirectory.hpp"

#include <cstdint>

namespace kiosk::install {

// Throws os::FileError when a rename fails; the kiosk then still has a pack to show.
void switchToStagedPack(const DataDirectory& data, std::int64_t kioskVersion);

} // namespace kiosk::install
