// Platform glue for input, in the shape of an ImGui backend (one ProcessEvent per SDL event).
// ImGui 1.86's own SDL backend treats touch as a mouse and would fire a click at the end of
// every scroll; here fingers (and, for development, the mouse) go to our GestureRecognizer,
// which hands the UI taps and drags that it can tell apart.
#pragma once

#include "input/GestureRecognizer.hpp"

#include <SDL.h>
#include <cstdint>

namespace kiosk::platform {

// Returns true when the event was pointer input.
bool processTouchEvent(const SDL_Event& event, SDL_Renderer* renderer, input::GestureRecognizer& gestures,
                       std::int64_t nowMilliseconds);

} // namespace kiosk::platform
