// Keyboard glue for the one place that types: the staff view's place name, typed on a USB
// keyboard the staff bring. Villagers never get keyboard input: the kiosk ignores keys
// unless the UI asks for text.
#pragma once

#include <SDL.h>

namespace kiosk::platform {

// Maps ImGui 1.86's named keys to SDL scancodes; call once after ImGui::CreateContext().
void setUpImGuiKeyMap();
// Starts or stops SDL text input to match what the UI wants.
void enableTextInput(bool wanted);
// Returns true when the event was keyboard input and went to ImGui.
bool processKeyboardEvent(const SDL_Event& event);

} // namespace kiosk::platform
