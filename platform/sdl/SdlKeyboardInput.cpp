#include "SdlKeyboardInput.hpp"

#include <imgui.h>

namespace kiosk::platform {

void setUpImGuiKeyMap() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
}

void enableTextInput(bool wanted) {
    if (wanted && !SDL_IsTextInputActive())
        SDL_StartTextInput();
    else if (!wanted && SDL_IsTextInputActive())
        SDL_StopTextInput();
}

bool processKeyboardEvent(const SDL_Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case SDL_TEXTINPUT:
        io.AddInputCharactersUTF8(event.text.text);
        return true;
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
        const int key = event.key.keysym.scancode;
        if (key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
            io.KeysDown[key] = event.type == SDL_KEYDOWN;
        return true;
    }
    default:
        return false;
    }
}

} // namespace kiosk::platform
