// The kiosk's own words spoken: for each key of a key list and each language of ui.tsv that
// espeak-ng speaks, <folder>/<key>.<language>.ogg, levelled like every synthetic recording.
// The build runs it into assets/speech/, so Back, Home, the mode switches, the poll and the
// idle warning can say what they are to a visitor who does not read.
#pragma once

#include "text/UiStrings.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::builder {

struct SpokenStringsResult {
    int written = 0;
    std::vector<std::string> problems; // "key: no such string", "eng: ...": nothing was written
};

// The keys of a key list: one per line; blank lines and '#' comments skipped.
std::vector<std::string> parseSpokenKeys(const std::string& text);

// Synthesises every key in every language of `strings` with a voice. Files are replaced
// atomically; an existing file with the same bytes is left as it is.
SpokenStringsResult speakUiStrings(const text::UiStrings& strings, const std::vector<std::string>& keys,
                                   const std::filesystem::path& folder);

} // namespace kiosk::builder
