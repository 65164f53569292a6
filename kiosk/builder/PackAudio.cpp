#include "PackAudio.hpp"

#include "ImageProcessing.hpp"
#include "SpeechSynthesis.hpp"
#include "audio/VorbisDecoding.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackSchema.hpp"

#include <set>

namespace kiosk::builder {

namespace {

class PackAudioCollector {
  public:
    PackAudioCollector(const PackSourceTree& tree, Diagnostics& diagnostics)
        : tree_(tree), diagnostics_(diagnostics), checkHeadersOnly_(!diagnostics.empty()) {}

    PackAudio collect(bool narrateEveryLanguage) {
        for (const PageSource& page : tree_.pages)
            for (const auto& [language, file] : page.recordings)
                if (addRecording(file))
                    audio_.narrations[{page.id, language}] = file.relativeName;
        for (const PageSource& page : tree_.pages)
            for (const auto& [key, file] : page.cardRecordings)
                if (addRecording(file))
                    audio_.cardNarrations[{page.id, key.first, key.second}] = file.relativeName;
        for (const auto& [language, file] : tree_.spokenNameFiles)
            if (addRecording(file))
                audio_.spokenNames[language] = file.relativeName;
        synthesiseMissing(narrateEveryLanguage);
        return std::move(audio_);
    }

  private:
    bool addRecording(const AudioSourceFile& file) {
        try {
            const std::vector<std::uint8_t> bytes =
                os::readWholeFile(file.path, pack::kAudioLimits.maximumEncodedBytes);
            if (checkHeadersOnly_) {
                audio::probeVorbis(bytes, pack::kAudioLimits);
                return false;
            }
            audio_.clips.emplace(file.relativeName, processRecording(bytes, false));
            return true;
        } catch (const std::exception& error) {
            diagnostics_.report(file.shownName, 0, std::string("recording: ") + error.what());
            return false;
        }
    }

    void synthesiseMissing(bool narrateEveryLanguage) {
        const PackSource& pack = tree_.pack;
        std::set<pack::LanguageCode> languages(pack.narrateMissing.begin(), pack.narrateMissing.end());
        if (narrateEveryLanguage)
            for (const LanguageSource& language : pack.languages)
                languages.insert(language.code);
        if (languages.empty())
            return;
        const SourceLocation location = pack.narrateMissingLocation.file.empty()
                                            ? SourceLocation{"kiosk-pack build --narrate-missing", 0}
                                            : pack.narrateMissingLocation;
        if (pack.narrateMissingListed)
            for (const pack::LanguageCode& language : pack.narrateMissing)
                if (!espeakVoiceFor(language))
                    diagnostics_.report(location, "espeak-ng has no voice for '" + language +
                                                      "': record its narrations (" + language +
                                                      "/<page-id>.ogg) or leave it out of 'narrate-missing'");
        if (checkHeadersOnly_ || !diagnostics_.empty())
            return;
        if (const std::optional<std::string> missing = missingSynthesisTools()) {
            diagnostics_.report(location, "synthesising narrations needs " + *missing +
                                              " (Debian: apt-get install espeak-ng vorbis-tools)");
            return;
        }
        const SpeechSynthesiser synthesiser;
        for (const PageSource& page : tree_.pages)
            for (const pack::LanguageCode& language : languages) {
                synthesise(synthesiser, page, language, location);
                synthesiseCards(synthesiser, page, language, location);
            }
        for (const LanguageSource& language : pack.languages)
            if (languages.contains(language.code))
                synthesiseSpokenName(synthesiser, language, location);
    }

    // The picker needs a language's name spoken more than any page: a visitor who cannot
    // read must find their language first.
    void synthesiseSpokenName(const SpeechSynthesiser& synthesiser, const LanguageSource& language,
                              const SourceLocation& location) {
        const std::optional<std::string> voice = espeakVoiceFor(language.code);
        if (tree_.spokenNameFiles.contains(language.code) || !voice)
            return;
        const std::string name = "names/" + language.code + ".ogg (synthesised)";
        try {
            audio_.clips.emplace(name,
                                 processRecording(synthesiser.synthesise(language.nativeName, *voice), true));
            audio_.spokenNames[language.code] = name;
            ++audio_.synthesisedCount;
        } catch (const std::exception& error) {
            diagnostics_.report(location, "cannot synthesise the spoken name of '" + language.code +
                                              "': " + error.what());
        }
    }

    void synthesise(const SpeechSynthesiser& synthesiser, const PageSource& page,
                    const pack::LanguageCode& language, const SourceLocation& location) {
        const auto texts = page.texts.find(language);
        const std::optional<std::string> voice = espeakVoiceFor(language);
        // Only a page whose text is in this language: a voice reading another language's text would be
        // gibberish.
        if (page.recordings.contains(language) || texts == page.texts.end() || !voice)
            return;
        const std::string name = language + "/" + page.id + ".ogg (synthesised)";
        try {
            audio_.clips.emplace(
                name, processRecording(synthesiser.synthesise(narrationText(texts->second), *voice), true));
            audio_.narrations[{page.id, language}] = name;
            ++audio_.synthesisedCount;
        } catch (const std::exception& error) {
            diagnostics_.report(location, "cannot synthesise the narration of page '" + page.id + "' (" +
                                              language + "): " + error.what());
        }
    }

    // Each card whose text is in this language and has no recording of its own: short
    // sentences, so a visitor who listens hears each card as it appears.
    void synthesiseCards(const SpeechSynthesiser& synthesiser, const PageSource& page,
                         const pack::LanguageCode& language, const SourceLocation& location) {
        const auto texts = page.texts.find(language);
        const std::optional<std::string> voice = espeakVoiceFor(language);
        if (texts == page.texts.end() || !voice)
            return;
        for (const auto& [position, card] : texts->second.cardTexts) {
            if (page.cardRecordings.contains({position, language}))
                continue;
            const std::string name =
                language + "/" + page.id + ".card-" + std::to_string(position + 1) + ".ogg (synthesised)";
            try {
                audio_.clips.emplace(name, processRecording(synthesiser.synthesise(card.text, *voice), true));
                audio_.cardNarrations[{page.id, position, language}] = name;
                ++audio_.synthesisedCount;
            } catch (const std::exception& error) {
                diagnostics_.report(location, "cannot synthesise the narration of card " +
                                                  std::to_string(position + 1) + " of page '" + page.id +
                                                  "' (" + language + "): " + error.what());
            }
        }
    }

    const PackSourceTree& tree_;
    Diagnostics& diagnostics_;
    const bool checkHeadersOnly_;
    PackAudio audio_;
};

} // namespace

ProcessedAudio processRecording(std::span<const std::uint8_t> bytes, bool synthetic) {
    const audio::AudioFormat format = audio::scanVorbis(bytes, pack::kAudioLimits);
    ProcessedAudio processed;
    processed.bytes.assign(bytes.begin(), bytes.end());
    processed.sha256 = sha256Hex(bytes);
    processed.channels = format.channels;
    processed.sampleRate = format.sampleRate;
    processed.durationMilliseconds = std::max<std::int64_t>(1, format.durationMilliseconds());
    processed.synthetic = synthetic;
    return processed;
}

PackAudio preparePackAudio(const PackSourceTree& tree, bool narrateEveryLanguage, Diagnostics& diagnostics) {
    return PackAudioCollector(tree, diagnostics).collect(narrateEveryLanguage);
}

} // namespace kiosk::builder
