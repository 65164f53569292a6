// Typing Vietnamese on a keyboard without dead keys (the kiosk's on-screen one): letters are
// typed bare, and a tone key puts its mark on the right vowel of the word just typed, the way
// Telex and VNI input methods do. Text stays NFC throughout.
//
// Where the tone goes follows the traditional rule that place names in Vietnam's official
// lists use ("Hòa Bình", "Thủy"): on a vowel with a circumflex, breve or horn (on ơ in ươ); else
// on the only vowel; else, with a final consonant, on the last vowel ("hoàng"); else on the first
// of two vowels ("hòa", "mùa") and the middle of three ("ngoài"). The u of qu and the i of gi
// before another vowel are consonants ("quá", "già").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

enum class VietnameseTone {
    Level,
    Acute,
    Grave,
    HookAbove,
    Tilde,
    DotBelow
}; // ngang, sắc, huyền, hỏi, ngã, nặng
inline constexpr VietnameseTone kMarkedTones[] = {VietnameseTone::Acute, VietnameseTone::Grave,
                                                  VietnameseTone::HookAbove, VietnameseTone::Tilde,
                                                  VietnameseTone::DotBelow};

// `text` with the last word's tone set to `tone`. The tone the word already has is replaced;
// asking again for that same tone takes it off, as pressing a Telex key twice does. Text whose
// last word has no vowel comes back unchanged.
std::string withTone(std::string_view text, VietnameseTone tone);

// `text` less its last character (an NFC code point: "ộ" goes at once).
std::string withoutLastCharacter(std::string_view text);

// Every letter the Vietnamese alphabet writes beyond ASCII, both cases, each vowel in every
// tone: what a font atlas needs for someone to type Vietnamese.
std::vector<char32_t> vietnameseLetters();

} // namespace kiosk::text
