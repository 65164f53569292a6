// Writes a parsed pack source and its processed pictures as a content pack (the SQLite file
// content-packs/FORMAT.md describes), returned as bytes so nothing touches the disk until the
// whole pack is known to be good.
#pragma once

#include "ImageProcessing.hpp"
#include "PackAudio.hpp"
#include "SourceModel.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiosk::builder {

// `images` holds every picture the tree refers to, by file name; `audio` every recording.
// The same input always gives the same bytes: rows go in sorted order, ids follow sorted
// names, nothing records the time.
std::vector<std::uint8_t> writePackDatabase(const PackSourceTree& tree,
                                            const std::map<std::string, ProcessedImage>& images,
                                            const PackAudio& audio);

} // namespace kiosk::builder
