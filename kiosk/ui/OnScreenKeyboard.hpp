// The staff view's on-screen keyboard for Vietnamese text (the kiosk's place name): a kiosk
// has no keyboard once installed. Letters are typed bare, then a tone key marks the word just
// typed (text/VietnameseTyping.hpp); the first letter of each word is a capital unless Shift is
// pressed off. A plugged-in keyboard types into it too.
#pragma once

#include "UiContext.hpp"

#include <cstddef>
#include <string>

namespace kiosk::ui {

class OnScreenKeyboard {
  public:
    enum class Outcome { Editing, Saved, Cancelled };

    explicit OnScreenKeyboard(std::string text, std::size_t maximumCharacters = 60);

    // The text field with Cancel and Save, and the keys below it, filling [minimum, maximum].
    Outcome draw(UiContext& context, ImVec2 minimum, ImVec2 maximum);
    const std::string& text() const { return text_; }

  private:
    void type(const std::string& letter);
    void takeTypedCharacters();

    std::string text_;
    std::size_t maximumCharacters_;
    bool capital_ = false; // the next letter is a capital
};

} // namespace kiosk::ui
