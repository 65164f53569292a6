// Typing Vietnamese on the staff view's on-screen keyboard: tone keys mark the right vowel of
// the word just typed, in NFC, and backspace takes whole letters.
#include "text/Unicode.hpp"
#include "text/VietnameseTyping.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using kiosk::text::VietnameseTone;
using kiosk::text::withTone;

TEST_CASE("a tone key marks the vowel Vietnamese spelling puts it on") {
    struct Case {
        const char* typed;
        VietnameseTone tone;
        const char* expected;
    };
    const Case cases[] = {
        {"Ta", VietnameseTone::HookAbove, "Tả"},         // one vowel
        {"Phin", VietnameseTone::Grave, "Phìn"},         // one vowel, closed
        {"hoa", VietnameseTone::Grave, "hòa"},           // two, open: the first
        {"Hoa Binh", VietnameseTone::Grave, "Hoa Bình"}, // only the last word
        {"mua", VietnameseTone::Grave, "mùa"},           //
        {"hoang", VietnameseTone::Grave, "hoàng"},       // two, closed: the last
        {"toan", VietnameseTone::Acute, "toán"},         //
        {"ngoai", VietnameseTone::Grave, "ngoài"},       // three, open: the middle
        {"quoc", VietnameseTone::Acute, "quóc"},         // qu: the u is a consonant
        {"qua", VietnameseTone::Acute, "quá"},           //
        {"gia", VietnameseTone::Grave, "già"},           // gi before a vowel
        {"gi", VietnameseTone::Grave, "gì"},             // gi alone: the i is the vowel
        {"thuy", VietnameseTone::HookAbove, "thủy"},     // the traditional place of Thủy
        {"tuyên", VietnameseTone::Grave, "tuyền"},       // the vowel with a circumflex
        {"Trương", VietnameseTone::Level, "Trương"},     // no tone: nothing changes
        {"thuơng", VietnameseTone::Acute, "thuớng"},     // the horned o
        {"nguơi", VietnameseTone::Grave, "nguời"},       //
        {"Đăk", VietnameseTone::Acute, "Đắk"},           // breve
        {"Lao Cai", VietnameseTone::Grave, "Lao Cài"},   //
        {"Kan", VietnameseTone::DotBelow, "Kạn"},        //
        {"Bac Kan", VietnameseTone::Acute, "Bac Kán"},   //
        {"xa", VietnameseTone::Tilde, "xã"},             //
    };
    for (const Case& each : cases) {
        CAPTURE(each.typed);
        const std::string result = withTone(each.typed, each.tone);
        CHECK(result == each.expected);
        CHECK(kiosk::text::isNfc(result));
    }
}

TEST_CASE(
    "a second tone replaces the first, the same tone again takes it off, and no vowel means no change") {
    CHECK(withTone("hòa", VietnameseTone::Acute) == "hóa");
    CHECK(withTone("hóa", VietnameseTone::Acute) == "hoa");
    CHECK(withTone("người", VietnameseTone::Grave) == "ngươi");
    CHECK(withTone("người", VietnameseTone::HookAbove) == "ngưởi");
    CHECK(withTone("Thôn 3", VietnameseTone::Acute) == "Thôn 3");
    CHECK(withTone("", VietnameseTone::Acute) == "");
    CHECK(withTone("Xã ", VietnameseTone::Acute) == "Xã ");
}

TEST_CASE("backspace takes the last letter whole, tone and all") {
    CHECK(kiosk::text::withoutLastCharacter("Phìn") == "Phì");
    CHECK(kiosk::text::withoutLastCharacter("Phì") == "Ph");
    CHECK(kiosk::text::withoutLastCharacter("Hồ") == "H");
    CHECK(kiosk::text::withoutLastCharacter("") == "");
}

TEST_CASE("the Vietnamese letters: every vowel in every tone, both cases, and đ") {
    const std::vector<char32_t> letters = kiosk::text::vietnameseLetters();
    // 12 vowels × 6 tones × 2 cases, less the 12 bare ASCII vowels, plus Đ and đ.
    CHECK(letters.size() == 12 * 6 * 2 - 12 + 2);
    for (const char32_t letter : {U'ự', U'Ự', U'ẫ', U'ỹ', U'Ỹ', U'đ', U'Đ', U'ơ', U'ă', U'Ầ'})
        CHECK(std::find(letters.begin(), letters.end(), letter) != letters.end());
    CHECK(std::is_sorted(letters.begin(), letters.end()));
}
