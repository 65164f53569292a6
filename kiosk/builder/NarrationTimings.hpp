// A recorded narration's timings file, <lang>/<page-id>.timings.txt: where the person reading
// starts each block of the page's text in that language, so the kiosk can mark the part being
// read. One time per block, in the page's order:
//
//     # vie/p4em.timings.txt
//     0:15
//     0:17.5
//     1:02.25
//
// Times are minutes:seconds, with up to three decimals; blank lines and '#' comments are skipped.
#pragma once

#include "Diagnostics.hpp"
#include "SourceText.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::builder {

// "1:02.25" → 62250; nullopt unless it is minutes:seconds as above (seconds below 60).
std::optional<std::int64_t> parseTimestampMilliseconds(const std::string& text);

// Each block's start, checked against the page (`blockCount` blocks in that language) and the
// recording (`durationMilliseconds`): one time per block, each later than the one before, all
// within the recording. Problems are reported with their line; nullopt when there were any.
std::optional<std::vector<std::int64_t>> parseNarrationTimings(const SourceText& file, std::size_t blockCount,
                                                               std::int64_t durationMilliseconds,
                                                               Diagnostics& diagnostics);

} // namespace kiosk::builder
