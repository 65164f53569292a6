// The worst pack the format allows (pack/PackLimits.hpp): every count and every text at its
// limit, for measuring how long the install check and the kiosk's start take at the limits.
// Made with SQL from the small test pack, so it is quick to make (a few seconds) though large
// (some hundreds of MB of text).
#pragma once

#include <filesystem>

namespace kiosk::install::test {

// Writes the pack to `path`: 4 languages, 12 categories (the first holding all but 11 of the
// 1000 pages), every page in every language with a 200-character title and a 600-character
// summary, a 300-character poll question and a narration in two languages (2004 recordings
// in all, short ones: a recording's length is bounded on its own), 110 pages with 300 blocks
// of 20000 characters together and a gallery of 50 pictures with 500-character captions (as
// much as the limit on the text in all leaves), and a character list of 800 characters the
// fonts draw. Pictures are the test pack's own, shared: their number is bounded by the pack's
// size, not by a count.
void writeWorstAllowedPack(const std::filesystem::path& path, std::int64_t version);

} // namespace kiosk::install::test
