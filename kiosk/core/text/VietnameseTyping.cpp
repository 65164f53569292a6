#include "text/VietnameseTyping.hpp"

#include "text/Unicode.hpp"

#include <algorithm>
#include <optional>

namespace kiosk::text {

namespace {

constexpr char32_t kGrave = 0x0300;
constexpr char32_t kAcute = 0x0301;
constexpr char32_t kCircumflex = 0x0302;
constexpr char32_t kTilde = 0x0303;
constexpr char32_t kBreve = 0x0306;
constexpr char32_t kHookAbove = 0x0309;
constexpr char32_t kHorn = 0x031B;
constexpr char32_t kDotBelow = 0x0323;

std::optional<char32_t> markOf(VietnameseTone tone) {
    switch (tone) {
    case VietnameseTone::Level:
        return std::nullopt;
    case VietnameseTone::Acute:
        return kAcute;
    case VietnameseTone::Grave:
        return kGrave;
    case VietnameseTone::HookAbove:
        return kHookAbove;
    case VietnameseTone::Tilde:
        return kTilde;
    case VietnameseTone::DotBelow:
        return kDotBelow;
    }
    return std::nullopt;
}

bool isToneMark(char32_t codePoint) {
    return codePoint == kGrave || codePoint == kAcute || codePoint == kTilde || codePoint == kHookAbove ||
           codePoint == kDotBelow;
}

bool isCombining(char32_t codePoint) {
    return codePoint >= 0x0300 && codePoint <= 0x036F;
}

char32_t lower(char32_t codePoint) {
    return codePoint >= 'A' && codePoint <= 'Z' ? codePoint - 'A' + 'a' : codePoint;
}

bool isVowel(char32_t base) {
    const char32_t letter = lower(base);
    return letter == 'a' || letter == 'e' || letter == 'i' || letter == 'o' || letter == 'u' || letter == 'y';
}

// A base letter and the marks after it, in NFD.
struct Letter {
    char32_t base = 0;
    std::vector<char32_t> marks;

    bool hasShapeMark() const {
        return std::any_of(marks.begin(), marks.end(), [](char32_t mark) {
            return mark == kCircumflex || mark == kBreve || mark == kHorn;
        });
    }
};

std::vector<Letter> lettersOf(const std::vector<char32_t>& decomposed) {
    std::vector<Letter> letters;
    for (const char32_t codePoint : decomposed)
        if (isCombining(codePoint) && !letters.empty())
            letters.back().marks.push_back(codePoint);
        else
            letters.push_back(Letter{codePoint, {}});
    return letters;
}

std::string encode(const std::vector<Letter>& letters) {
    std::string text;
    for (const Letter& letter : letters) {
        text += encodeUtf8(letter.base);
        for (const char32_t mark : letter.marks)
            text += encodeUtf8(mark);
    }
    return text;
}

// The letter of `word` that carries the tone, or nullopt without a vowel.
std::optional<std::size_t> toneCarrier(const std::vector<Letter>& word) {
    // The last run of vowels: a syllable has one.
    std::size_t end = word.size();
    while (end > 0 && !isVowel(word[end - 1].base))
        --end;
    if (end == 0)
        return std::nullopt;
    std::size_t first = end - 1;
    while (first > 0 && isVowel(word[first - 1].base))
        --first;
    // qu and gi: the u and the i are consonants when another vowel follows.
    if (first > 0 && end - first > 1) {
        const char32_t before = lower(word[first - 1].base);
        const char32_t vowel = lower(word[first].base);
        if ((before == 'q' && vowel == 'u') || (before == 'g' && vowel == 'i' && first == 1))
            ++first;
    }
    std::optional<std::size_t> shaped;
    for (std::size_t index = first; index < end; ++index)
        if (word[index].hasShapeMark())
            shaped = index; // the last: ơ in ươ
    if (shaped)
        return shaped;
    const std::size_t count = end - first;
    if (count == 1)
        return first;
    const bool closed = end < word.size();
    if (closed)
        return end - 1;
    return count == 2 ? first : first + 1;
}

} // namespace

std::string withTone(std::string_view text, VietnameseTone tone) {
    const std::optional<std::string> decomposed = toNfd(text);
    if (!decomposed)
        return std::string(text);
    std::vector<Letter> letters = lettersOf(codePoints(*decomposed));
    std::size_t wordStart = letters.size();
    while (wordStart > 0 && letters[wordStart - 1].base != ' ')
        --wordStart;
    std::vector<Letter> word(letters.begin() + static_cast<std::ptrdiff_t>(wordStart), letters.end());
    const std::optional<std::size_t> carrier = toneCarrier(word);
    if (!carrier)
        return std::string(text);
    std::optional<char32_t> present;
    for (Letter& letter : word) {
        for (const char32_t mark : letter.marks)
            if (isToneMark(mark))
                present = mark;
        std::erase_if(letter.marks, isToneMark);
    }
    const std::optional<char32_t> wanted = markOf(tone);
    if (wanted && wanted != present)
        word[*carrier].marks.push_back(*wanted);
    letters.resize(wordStart);
    letters.insert(letters.end(), word.begin(), word.end());
    return toNfc(encode(letters)).value_or(std::string(text));
}

std::string withoutLastCharacter(std::string_view text) {
    std::vector<char32_t> characters = codePoints(text);
    if (!characters.empty())
        characters.pop_back();
    std::string result;
    for (const char32_t character : characters)
        result += encodeUtf8(character);
    return result;
}

std::vector<char32_t> vietnameseLetters() {
    std::vector<char32_t> letters = {0x0110, 0x0111}; // Đ đ
    const std::pair<char32_t, std::optional<char32_t>> vowels[] = {
        {'a', std::nullopt}, {'a', kBreve},       {'a', kCircumflex},  {'e', std::nullopt},
        {'e', kCircumflex},  {'i', std::nullopt}, {'o', std::nullopt}, {'o', kCircumflex},
        {'o', kHorn},        {'u', std::nullopt}, {'u', kHorn},        {'y', std::nullopt}};
    for (const auto& [base, shape] : vowels)
        for (const char32_t caseBase : {base, static_cast<char32_t>(base - 'a' + 'A')})
            for (const VietnameseTone tone :
                 {VietnameseTone::Level, VietnameseTone::Acute, VietnameseTone::Grave,
                  VietnameseTone::HookAbove, VietnameseTone::Tilde, VietnameseTone::DotBelow}) {
                std::string decomposed = encodeUtf8(caseBase);
                if (shape)
                    decomposed += encodeUtf8(*shape);
                if (const std::optional<char32_t> mark = markOf(tone))
                    decomposed += encodeUtf8(*mark);
                const std::vector<char32_t> composed = codePoints(toNfc(decomposed).value_or(""));
                if (composed.size() == 1 && composed.front() > 0x7F)
                    letters.push_back(composed.front());
            }
    std::sort(letters.begin(), letters.end());
    return letters;
}

} // namespace kiosk::text
