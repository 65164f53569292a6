// Narration for pages nobody has recorded yet: espeak-ng reads the page's text aloud, and
// oggenc turns the result into the Ogg Vorbis a pack stores. Synthetic speech is far from a
// person's voice, but for a villager who cannot read it is far better than silence.
#pragma once

#include "ExternalProgram.hpp"
#include "SourceModel.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::builder {

class SynthesisError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The Ogg stream serial number of every synthetic recording. oggenc otherwise picks a random
// one, and the same page would give a different pack on every build.
inline constexpr unsigned kSynthesisOggSerial = 1263550795; // "KPAK"
// Slower than espeak-ng's 175 words a minute: listeners who read little, in a noisy office.
inline constexpr int kSynthesisWordsPerMinute = 145;
// Text beyond this would take longer to read than a recording may last (15 minutes).
inline constexpr std::size_t kMaximumSynthesisTextBytes = 24000;

// The espeak-ng voice for an ISO 639-3 language code, or nothing when espeak-ng has none
// worth using (Hmong, Tày, Thái... have no voice: record those narrations).
std::optional<std::string> espeakVoiceFor(const pack::LanguageCode& language);

// What a page's narration says, in parts: first the title and summary, then each block of the
// body, one sentence per line so that the voice pauses between headings, paragraphs and list
// items. `blocks[i]` is the block (PageTexts::blocks position) that `texts[i + 1]` reads.
struct NarrationParts {
    std::vector<std::string> texts;
    std::vector<int> blocks;
};
NarrationParts narrationParts(const PageTexts& texts);
// The parts as one text.
std::string narrationText(const PageTexts& texts);

struct SynthesisedSpeech {
    std::vector<std::uint8_t> bytes;                 // Ogg Vorbis
    std::vector<std::int64_t> partStartMilliseconds; // where each part starts
};

// "espeak-ng and oggenc" when either is missing from PATH, else nothing.
std::optional<std::string> missingSynthesisTools();

class SpeechSynthesiser {
  public:
    // Ogg Vorbis bytes of `text` read by `voice`: mono, 16 kHz, the lowest Vorbis quality
    // (plenty for a synthetic voice, about 2 KiB a second). The same text gives the same
    // bytes with the same espeak-ng, oggenc and libvorbis. Throws SynthesisError.
    std::vector<std::uint8_t> synthesise(const std::string& text, const std::string& voice) const;
    // The parts read one after the other as one recording, and where each starts in it.
    SynthesisedSpeech synthesiseParts(const std::vector<std::string>& parts, const std::string& voice) const;

  private:
    TemporaryFolder workspace_{"kiosk-pack-speech"}; // text, WAV and Ogg files of one page at a time
};

} // namespace kiosk::builder
