#include "SpokenStrings.hpp"

#include "SpeechSynthesis.hpp"
#include "os/FileSystem.hpp"

#include <sstream>

namespace kiosk::builder {

std::vector<std::string> parseSpokenKeys(const std::string& text) {
    std::vector<std::string> keys;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
            line.pop_back();
        if (!line.empty() && line.front() != '#')
            keys.push_back(line);
    }
    return keys;
}

SpokenStringsResult speakUiStrings(const text::UiStrings& strings, const std::vector<std::string>& keys,
                                   const std::filesystem::path& folder) {
    SpokenStringsResult result;
    if (const std::optional<std::string> missing = missingSynthesisTools()) {
        result.problems.push_back("cannot speak the kiosk's words without " + *missing +
                                  " (Debian: apt-get install espeak-ng vorbis-tools)");
        return result;
    }
    for (const std::string& key : keys)
        for (const std::string& language : strings.languages())
            if (!strings.has(key, language))
                result.problems.push_back(key + ": no " + language + " string in ui.tsv");
    if (!result.problems.empty())
        return result;

    os::createDirectoriesDurably(folder);
    const SpeechSynthesiser synthesiser;
    for (const std::string& language : strings.languages()) {
        const std::optional<std::string> voice = espeakVoiceFor(language);
        if (!voice)
            continue; // the kiosk stays silent in that language rather than speak it wrongly
        for (const std::string& key : keys) {
            const std::vector<std::uint8_t> speech =
                synthesiser.synthesise(strings.get(key, language), *voice);
            const std::filesystem::path file = folder / (key + "." + language + ".ogg");
            std::error_code error;
            if (std::filesystem::file_size(file, error) == speech.size() &&
                os::readWholeFile(file, speech.size()) == speech)
                continue;
            os::writeFileAtomically(file, speech);
            ++result.written;
        }
    }
    return result;
}

} // namespace kiosk::builder
