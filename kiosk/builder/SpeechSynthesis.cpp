#include "SpeechSynthesis.hpp"

#include "ExternalProgram.hpp"
#include "SpeechLevel.hpp"
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

std::string narrationText(const PageTexts& texts) {
    std::string text;
    addSentence(text, texts.title);
    addSentence(text, texts.summary.value_or(""));
    for (const pack::TextBlock& block : texts.blocks)
        addSentence(text, block.text);
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
    if (text.size() > kMaximumSynthesisTextBytes)
        throw SynthesisError("the text is too long to narrate within " +
                             std::to_string(pack::kAudioLimits.maximumDurationMilliseconds / 60000) +
                             " minutes: record the narration, or shorten the page");
    const std::filesystem::path& folder = workspace_.path();
    const std::filesystem::path textFile = folder / "narration.txt";
    const std::filesystem::path speechFile = folder / "narration.wav";
    const std::filesystem::path oggFile = folder / "narration.ogg";
    const std::filesystem::path errorFile = folder / "errors.txt";
    {
        std::ofstream stream(textFile, std::ios::binary | std::ios::trunc);
        stream << text;
        if (!stream)
            throw SynthesisError("cannot write " + textFile.string());
    }
    try {
        // -b 1: the text file is UTF-8 (the source's NFC text); -f: read it from the file,
        // so no page text ever appears on a command line.
        runProgram({"espeak-ng", "-v", voice, "-s", std::to_string(kSynthesisWordsPerMinute), "-b", "1", "-f",
                    textFile.string(), "-w", speechFile.string()},
                   errorFile);
        os::writeFileAtomically(speechFile,
                                levelSpeechWav(os::readWholeFile(speechFile, kMaximumSpeechWavBytes)));
        runProgram({"oggenc", "--quiet", "--serial", std::to_string(kSynthesisOggSerial), "--quality", "-1",
                    "--resample", "16000", "--output", oggFile.string(), speechFile.string()},
                   errorFile);
    } catch (const ProgramError& error) {
        throw SynthesisError(error.what());
    } catch (const SpeechLevelError& error) {
        throw SynthesisError(error.what());
    }
    return os::readWholeFile(oggFile, pack::kAudioLimits.maximumEncodedBytes);
}

} // namespace kiosk::builder
