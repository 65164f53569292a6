#include "OnScreenKeyboard.hpp"

#include "Shapes.hpp"
#include "Widgets.hpp"
#include "text/Unicode.hpp"
#include "text/VietnameseTyping.hpp"

#include <algorithm>
#include <array>

namespace kiosk::ui {

namespace {

// What a key does.
enum class KeyKind { Letter, Tone, Shift, Backspace, Space };

struct Key {
    const char* label; // a letter's lowercase form; a tone key shows its mark on "a"
    float units = 1;   // width, in ordinary keys
    KeyKind kind = KeyKind::Letter;
    text::VietnameseTone tone = text::VietnameseTone::Level;
};

// Ten units a row. The vowels with their own shapes and đ have keys of their own (a tone is
// added after the letter, by its key).
const std::vector<std::vector<Key>>& keyRows() {
    using Tone = text::VietnameseTone;
    static const std::vector<std::vector<Key>> rows = {
        {{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}, {"8"}, {"9"}, {"0"}},
        {{"q"}, {"w"}, {"e"}, {"r"}, {"t"}, {"y"}, {"u"}, {"i"}, {"o"}, {"p"}},
        {{"a"}, {"s"}, {"d"}, {"f"}, {"g"}, {"h"}, {"j"}, {"k"}, {"l"}, {"đ"}},
        {{"Aa", 1.5f, KeyKind::Shift},
         {"z"},
         {"x"},
         {"c"},
         {"v"},
         {"b"},
         {"n"},
         {"m"},
         {"", 1.5f, KeyKind::Backspace}},
        {{"ă"}, {"â"}, {"ê"}, {"ô"}, {"ơ"}, {"ư"}, {"-"}, {","}, {"."}, {"'"}},
        {{"á", 1, KeyKind::Tone, Tone::Acute},
         {"à", 1, KeyKind::Tone, Tone::Grave},
         {"ả", 1, KeyKind::Tone, Tone::HookAbove},
         {"ã", 1, KeyKind::Tone, Tone::Tilde},
         {"ạ", 1, KeyKind::Tone, Tone::DotBelow},
         {" ", 5, KeyKind::Space}},
    };
    return rows;
}

std::string uppercase(const std::string& letter) {
    // Through NFD: the base letter up, its marks kept ("ư" → "Ư", "đ" → "Đ").
    if (letter == "đ")
        return "Đ";
    std::string decomposed = text::toNfd(letter).value_or(letter);
    if (!decomposed.empty() && decomposed[0] >= 'a' && decomposed[0] <= 'z')
        decomposed[0] = static_cast<char>(decomposed[0] - 'a' + 'A');
    return text::toNfc(decomposed).value_or(letter);
}

bool startsWord(const std::string& text) {
    return text.empty() || text.back() == ' ';
}

} // namespace

OnScreenKeyboard::OnScreenKeyboard(std::string text, std::size_t maximumCharacters)
    : text_(std::move(text)), maximumCharacters_(maximumCharacters), capital_(startsWord(text_)) {}

void OnScreenKeyboard::type(const std::string& letter) {
    if (text::codePoints(text_).size() >= maximumCharacters_)
        return;
    text_ = text::toNfc(text_ + (capital_ ? uppercase(letter) : letter)).value_or(text_);
    capital_ = letter == " ";
}

// Characters from a plugged-in keyboard, which SDL hands to ImGui.
void OnScreenKeyboard::takeTypedCharacters() {
    ImGuiIO& io = ImGui::GetIO();
    for (const ImWchar character : io.InputQueueCharacters)
        if (character >= 0x20 && character != 0x7F && text::codePoints(text_).size() < maximumCharacters_)
            text_ = text::toNfc(text_ + text::encodeUtf8(character)).value_or(text_);
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
        text_ = text::withoutLastCharacter(text_);
}

OnScreenKeyboard::Outcome OnScreenKeyboard::draw(UiContext& context, ImVec2 minimum, ImVec2 maximum) {
    takeTypedCharacters();
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const std::vector<std::vector<Key>>& rows = keyRows();
    const float gap = std::max(6.0f, metrics.gap * 0.35f);
    const float width = std::min(maximum.x - minimum.x, 1400 * metrics.scale);
    const float left = minimum.x + (maximum.x - minimum.x - width) / 2;
    const float rowHeight = std::min(metrics.touchTarget * 1.2f,
                                     (maximum.y - minimum.y - gap * static_cast<float>(rows.size() + 1)) /
                                         static_cast<float>(rows.size() + 1));
    const float unit = (width - 9 * gap) / 10;
    float y = minimum.y + gap;

    // The field, then Cancel and Save beside it.
    ButtonStyle save;
    save.fill = colours.accent;
    ButtonStyle cancel;
    cancel.fill = colours.surface;
    const std::string saveLabel = context.word("staff_save");
    const std::string cancelLabel = context.word("keyboard_cancel");
    const float saveWidth = iconButtonWidth(context, "", saveLabel, save);
    const float cancelWidth = iconButtonWidth(context, "", cancelLabel, cancel);
    const float fieldRight = left + width - saveWidth - cancelWidth - 2 * gap;
    fillRoundedRect(context, drawList, ImVec2(left, y), ImVec2(fieldRight, y + rowHeight), colours.surface,
                    metrics.rounding / 2);
    drawList->AddRect(ImVec2(left, y), ImVec2(fieldRight, y + rowHeight), colours.accent,
                      metrics.rounding / 2, 0, std::max(2.0f, 3 * metrics.scale));
    ImFont* font = context.fonts.heading;
    const float textLeft = left + metrics.padding * 0.5f;
    const float textWidth = fieldRight - textLeft - metrics.padding * 0.5f;
    textAt(context, text_ + "|", font, colours.text, ImVec2(textLeft, y + (rowHeight - font->FontSize) / 2),
           textWidth);
    Outcome outcome = Outcome::Editing;
    if (iconButton(context, "keyboard-cancel", "", cancelLabel, ImVec2(fieldRight + gap, y), rowHeight,
                   cancel))
        outcome = Outcome::Cancelled;
    if (iconButton(context, "keyboard-save", "", saveLabel, ImVec2(left + width - saveWidth, y), rowHeight,
                   save))
        outcome = Outcome::Saved;
    y += rowHeight + gap;

    for (std::size_t row = 0; row < rows.size(); ++row) {
        float x = left;
        for (std::size_t column = 0; column < rows[row].size(); ++column) {
            const Key& key = rows[row][column];
            const float keyWidth = unit * key.units + gap * (key.units - 1);
            const bool isLetter = key.kind == KeyKind::Letter;
            const std::string label = isLetter && capital_ ? uppercase(key.label) : std::string(key.label);
            const std::string id = "keyboard-" + std::to_string(row) + "-" + std::to_string(column);
            const ImVec2 keyMinimum(x, y);
            const ImVec2 keyMaximum(x + keyWidth, y + rowHeight);
            // Backspace shows an arrow and the space bar its word, small; both are named.
            const std::string name = key.kind == KeyKind::Space       ? context.word("keyboard_space")
                                     : key.kind == KeyKind::Backspace ? context.word("staff_delete")
                                                                      : label;
            const bool pressed = touchArea(context, id.c_str(), keyMinimum, keyMaximum, name);
            const bool held = ImGui::IsItemActive() || (key.kind == KeyKind::Shift && capital_);
            const ImU32 fill = held                        ? colours.pressed
                               : key.kind == KeyKind::Tone ? colours.factsBox
                                                           : colours.surface;
            fillRoundedRect(context, drawList, keyMinimum, keyMaximum, fill, metrics.rounding / 2);
            drawList->AddRect(keyMinimum, keyMaximum, colours.outline, metrics.rounding / 2, 0, 2);
            if (key.kind == KeyKind::Space) {
                ImFont* wordFont = context.fonts.small;
                const ImVec2 size = wordFont->CalcTextSizeA(wordFont->FontSize, FLT_MAX, 0, name.c_str());
                drawList->AddText(wordFont, wordFont->FontSize,
                                  ImVec2(x + (keyWidth - size.x) / 2, y + (rowHeight - size.y) / 2),
                                  colours.mutedText, name.c_str());
            } else if (key.kind == KeyKind::Backspace) {
                drawIcon(drawList, context.pictures.icon("back"), ImVec2(x + keyWidth / 2, y + rowHeight / 2),
                         metrics.iconSize, held ? readableOn(colours, fill) : colours.text);
            } else {
                ImFont* keyFont = context.fonts.heading;
                const ImVec2 size = keyFont->CalcTextSizeA(keyFont->FontSize, FLT_MAX, 0, label.c_str());
                drawList->AddText(keyFont, keyFont->FontSize,
                                  ImVec2(x + (keyWidth - size.x) / 2, y + (rowHeight - size.y) / 2),
                                  held ? readableOn(colours, fill) : colours.text, label.c_str());
            }
            if (pressed) {
                switch (key.kind) {
                case KeyKind::Letter:
                    type(key.label);
                    break;
                case KeyKind::Space:
                    type(" ");
                    break;
                case KeyKind::Tone:
                    text_ = text::withTone(text_, key.tone);
                    break;
                case KeyKind::Shift:
                    capital_ = !capital_;
                    break;
                case KeyKind::Backspace:
                    text_ = text::withoutLastCharacter(text_);
                    capital_ = startsWord(text_);
                    break;
                }
            }
            x += keyWidth + gap;
        }
        y += rowHeight + gap;
    }
    return outcome;
}

} // namespace kiosk::ui
