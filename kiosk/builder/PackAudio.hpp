// The recordings a pack stores: narrations from <lang>/<page-id>.ogg, story cards' from
// <lang>/<page-id>.card-<N>.ogg, spoken titles from <lang>/<id>.title.ogg, spoken language names from
// names/<lang>.ogg, and, for the languages `narrate-missing` names, the missing ones synthesised
// (narrations from the page text, titles from the title, names from the language's own name). Every recording
// is decoded in full before it goes into a pack.
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kiosk::builder {

struct ProcessedAudio {
    std::vector<std::uint8_t> bytes; // the Ogg Vorbis file, stored as it is
    std::string sha256;
    int channels = 0;
    int sampleRate = 0;
    std::int64_t durationMilliseconds = 0; // of the decoded samples, not of what the file claims
    bool synthetic = false;
    // A page narration's marks: where it starts reading each block (synthesised part by part,
    // or from the recording's timings file).
    std::vector<pack::NarrationMark> marks;
};

struct PackAudio {
    std::map<std::string, ProcessedAudio> clips; // by clip name ("vie/p4em.ogg"); ids follow this order
    std::map<std::pair<std::string, pack::LanguageCode>, std::string>
        narrations;                                        // (page, language) → clip name
    std::map<pack::LanguageCode, std::string> spokenNames; // language → clip name
    std::map<std::tuple<std::string, int, pack::LanguageCode>, std::string>
        cardNarrations; // (page, 0-based card, language) → clip name
    std::map<std::pair<std::string, pack::LanguageCode>, std::string>
        pageTitles; // (page, language) → clip name
    std::map<std::pair<std::string, pack::LanguageCode>, std::string>
        categoryTitles; // (category, language) → clip name
    std::size_t synthesisedCount = 0;
};

// Checks a recording as the kiosk will play it. Throws audio::AudioError.
ProcessedAudio processRecording(std::span<const std::uint8_t> bytes, bool synthetic);

// `narrateEveryLanguage` (kiosk-pack build --narrate-missing) synthesises missing narrations
// in every language with a voice, on top of what pack.txt's `narrate-missing` asks. Once
// the source has other problems, recordings are only probed and nothing is synthesised:
// the slow work waits for a clean source.
PackAudio preparePackAudio(const PackSourceTree& tree, bool narrateEveryLanguage, Diagnostics& diagnostics);

} // namespace kiosk::builder
