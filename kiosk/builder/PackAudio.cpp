#include "PackAudio.hpp"

#include "ImageProcessing.hpp"
#include "NarrationTimings.hpp"
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
                if (addRecording(file)) {
                    audio_.narrations[{page.id, language}] = file.relativeName;
                    addTimings(page, language, audio_.clips.at(file.relativeName));
                }
        for (const PageSource& page : tree_.pages)
            for (const auto& [key, file] : page.cardRecordings)
                if (addRecording(file))
                    audio_.cardNarrations[{page.id, key.first, key.second}] = file.relativeName;
        for (const PageSource& page : tree_.pages)
            for (const auto& [language, file] : page.titleRecordings)
                if (addRecording(file))
                    audio_.pageTitles[{page.id, language}] = file.relativeName;
        for (const CategorySource& category : tree_.categories)
            for (const auto& [language, file] : category.titleRecordings)
                if (addRecording(file))
                    audio_.categoryTitles[{category.id, language}] = file.relativeName;
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

    // The person's timings of a recorded narration, checked against the page and the recording.
    void addTimings(const PageSource& page, const pack::LanguageCode& language, ProcessedAudio& recording) {
        const auto timings = page.narrationTimings.find(language);
        if (timings == page.narrationTimings.end())
            return;
        const std::optional<SourceText> file =
            readSourceText(timings->second.path, timings->second.shownName, diagnostics_);
        if (!file)
            return;
        const std::vector<pack::TextBlock>& blocks = page.texts.at(language).blocks;
        const std::optional<std::vector<std::int64_t>> starts =
            parseNarrationTimings(*file, blocks.size(), recording.durationMilliseconds, diagnostics_);
        if (!starts)
            return;
        for (std::size_t block = 0; block < starts->size(); ++block)
            recording.marks.push_back(pack::NarrationMark{static_cast<int>(block), (*starts)[block]});
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
                if (const auto texts = page.texts.find(language); texts != page.texts.end())
                    synthesiseTitle(synthesiser, "page", page.id, language, texts->second.title,
                                    page.titleRecordings, audio_.pageTitles, location);
            }
        for (const CategorySource& category : tree_.categories)
            for (const pack::LanguageCode& language : languages)
                if (const auto title = category.titles.find(language); title != category.titles.end())
                    synthesiseTitle(synthesiser, "category", category.id, language, title->second,
                                    category.titleRecordings, audio_.categoryTitles, location);
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

    // A tile's title in a language it is written in: what a visitor who cannot read the tile
    // hears when she taps its speaker.
    void synthesiseTitle(const SpeechSynthesiser& synthesiser, const std::string& kind, const std::string& id,
                         const pack::LanguageCode& language, const std::string& title,
                         const std::map<pack::LanguageCode, AudioSourceFile>& recorded,
                         std::map<std::pair<std::string, pack::LanguageCode>, std::string>& titles,
                         const SourceLocation& location) {
        const std::optional<std::string> voice = espeakVoiceFor(language);
        if (recorded.contains(language) || !voice)
            return;
        const std::string name = language + "/" + id + ".title.ogg (synthesised)";
        try {
            audio_.clips.emplace(name, processRecording(synthesiser.synthesise(title, *voice), true));
            titles[{id, language}] = name;
            ++audio_.synthesisedCount;
        } catch (const std::exception& error) {
            diagnostics_.report(location, "cannot synthesise the title of " + kind + " '" + id + "' (" +
                                              language + "): " + error.what());
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
            const NarrationParts parts = narrationParts(texts->second);
            const SynthesisedSpeech speech = synthesiser.synthesiseParts(parts.texts, *voice);
            ProcessedAudio processed = processRecording(speech.bytes, true);
            // Part 0 is the title and summary; each later part reads one block.
            for (std::size_t part = 1; part < speech.partStartMilliseconds.size(); ++part)
                processed.marks.push_back(
                    pack::NarrationMark{parts.blocks[part - 1], speech.partStartMilliseconds[part]});
            audio_.clips.emplace(name, std::move(processed));
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
