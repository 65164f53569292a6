// Staff's "go back to the previous pack", for a pack that installed cleanly but turned out
// wrong (last month's meeting, a mistranslation), with no laptop at hand: the last-known-good
// pack becomes the current one. Two durable renames, each atomic:
//   1. packs/current.kpack        -> packs/set-aside.kpack  (kept, not deleted)
//   2. packs/last-known-good.kpack -> packs/current.kpack
// A crash between them leaves no current pack, so start-up shows last-known-good: the
// previous pack either way. The installed-versions record is not touched, so a stick cannot
// use this to bring an old pack back.
#pragma once

#include "install/DataDirectory.hpp"

#include <cstdint>
#include <string>

namespace kiosk::install {

struct RollbackResult {
    bool done = false;
    std::string detail; // English, for the staff view and the log
};

std::filesystem::path setAsidePack(const DataDirectory& data);

// True when a last-known-good pack is there to go back to.
bool hasLastKnownGood(const DataDirectory& data);
// Checks the last-known-good pack as start-up would (every page), then swaps. Never throws.
RollbackResult rollBackToLastKnownGood(const DataDirectory& data, std::int64_t kioskVersion);

} // namespace kiosk::install
