#include "SpeechSynthesis.hpp"

#include "ExternalProgram.hpp"
#include "SpeechLevel.hpp"
#include "SpeechWav.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackSchema.hpp"

#include <array>
#include <fstream>
#include <utility>

namespace kiosk::builder {

namespace {

// 15 minutes of espeak-ng's 22,050 Hz 16-bit mono, and some.
constexpr std::uint64_t kMaximumSpeechWavBytes = 48ull << 20;

// ISO 639-3 → espeak-ng voice, for the languages a commune pack may plausibly hold that
// espeak-ng speaks. Vietnamese uses the northern voice, the one taught in schools.
constexpr std::array<std::pair<const char*, const char*>, 16> kVoices{{
    {"vie", "vi"},
    {"eng", "en"},
    {"fra", "fr"},
    {"cmn", "cmn"},
    {"zho", "cmn"},
    {"yue", "yue"},
    {"tha", "th"},
    {"mya", "my"},
    {"ind", "id"},
    {"msa", "ms"},
    {"rus", "ru"},
    {"spa", "es"},
    {"deu", "de"},
    {"jpn", "ja"},
    {"kor", "ko"},
    {"hin", "hi"},
}};

bool endsSentence(const std::string& line) {
    if (line.empty())
        return true;
    const char last = line.back();
    return last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
}

void addSentence(std::string& text, const std::string& line) {
    if (line.empty())
        return;
    text += line;
    // A heading or list item without a full stop would run into the next line when spoken.
    if (!endsSentence(line))
        text += '.';
    text += '\n';
}

} // namespace

std::optional<std::string> espeakVoiceFor(const pack::LanguageCode& language) {
    for (const auto& [code, voice] : kVoices)
        if (language == code)
            return std::string(voice);
    return std::nullopt;
}

NarrationParts narrationParts(const PageTexts& texts) {
    NarrationParts parts;
    std::string opening;
    addSentence(opening, texts.title);
    addSentence(opening, texts.summary.value_or(""));
    parts.texts.push_back(opening);
    for (std::size_t position = 0; position < texts.blocks.size(); ++position) {
        std::string sentence;
        addSentence(sentence, texts.blocks[position].text);
        if (sentence.empty())
            continue;
        parts.texts.push_back(sentence);
        parts.blocks.push_back(static_cast<int>(position));
    }
    return parts;
}

std::string narrationText(const PageTexts& texts) {
    std::string text;
    for (const std::string& part : narrationParts(texts).texts)
        text += part;
    return text;
}

std::optional<std::string> missingSynthesisTools() {
    const bool espeak = findProgram("espeak-ng").has_value();
    const bool oggenc = findProgram("oggenc").has_value();
    if (espeak && oggenc)
        return std::nullopt;
    if (!espeak && !oggenc)
        return "espeak-ng and oggenc";
    return espeak ? "oggenc" : "espeak-ng";
}

std::vector<std::uint8_t> SpeechSynthesiser::synthesise(const std::string& text,
                                                        const std::string& voice) const {
    return synthesiseParts({text}, voice).bytes;
}

SynthesisedSpeech SpeechSynthesiser::synthesiseParts(const std::vector<std::string>& parts,
                                                     const std::string& voice) const {
    std::size_t textBytes = 0;
    for (const std::string& part : parts)
        textBytes += part.size();
    if (textBytes > kMaximumSynthesisTextBytes)
        throw SynthesisError("the text is too long to narrate within " +
                             std::to_string(pack::kAudioLimits.maximumDurationMilliseconds / 60000) +
                             " minutes: record the narration, or shorten the page");
    if (parts.empty())
        throw SynthesisError("nothing to say");
    const std::filesystem::path& folder = workspace_.path();
    const std::filesystem::path textFile = folder / "narration.txt";
    const std::filesystem::path speechFile = folder / "narration.wav";
    const std::filesystem::path oggFile = folder / "narration.ogg";
    const std::filesystem::path errorFile = folder / "errors.txt";
    SynthesisedSpeech speech;
    try {
        // Each part on its own: espeak-ng says nothing of where it is in a text, so the parts'
        // own lengths are where each starts (a part ends in espeak-ng's pause after a sentence).
        std::vector<std::vector<std::uint8_t>> spoken;
        for (const std::string& part : parts) {
            {
                std::ofstream stream(textFile, std::ios::binary | std::ios::trunc);
                stream << part;
                if (!stream)
                    throw SynthesisError("cannot write " + textFile.string());
            }
            // -b 1: the text file is UTF-8 (the source's NFC text); -f: read it from the file,
            // so no page text ever appears on a command line.
            runProgram({"espeak-ng", "-v", voice, "-s", std::to_string(kSynthesisWordsPerMinute), "-b", "1",
                        "-f", textFile.string(), "-w", speechFile.string()},
                       errorFile);
            spoken.push_back(os::readWholeFile(speechFile, kMaximumSpeechWavBytes));
        }
        JoinedWav joined = joinWavs(spoken);
        speech.partStartMilliseconds = std::move(joined.partStartMilliseconds);
        os::writeFileAtomically(speechFile, levelSpeechWav(joined.bytes));
        runProgram({"oggenc", "--quiet", "--serial", std::to_string(kSynthesisOggSerial), "--quality", "-1",
                    "--resample", "16000", "--output", oggFile.string(), speechFile.string()},
                   errorFile);
    } catch (const ProgramError& error) {
        throw SynthesisError(error.what());
    } catch (const SpeechLevelError& error) {
        throw SynthesisError(error.what());
    } catch (const SpeechWavError& error) {
        throw SynthesisError(error.what());
    }
    speech.bytes = os::readWholeFile(oggFile, pack::kAudioLimits.maximumEncodedBytes);
    return speech;
}

} // namespace kiosk::builder
