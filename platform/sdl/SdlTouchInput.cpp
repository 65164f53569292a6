#include "SdlTouchInput.hpp"

namespace kiosk::platform {

namespace {

input::Point fingerPosition(const SDL_TouchFingerEvent& finger, SDL_Renderer* renderer) {
    int width = 0, height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    return input::Point{finger.x * static_cast<float>(width), finger.y * static_cast<float>(height)};
}

} // namespace

bool processTouchEvent(const SDL_Event& event, SDL_Renderer* renderer, input::GestureRecognizer& gestures,
                       std::int64_t nowMilliseconds) {
    switch (event.type) {
    case SDL_FINGERDOWN:
        gestures.pointerDown(fingerPosition(event.tfinger, renderer), nowMilliseconds);
        return true;
    case SDL_FINGERMOTION:
        gestures.pointerMove(fingerPosition(event.tfinger, renderer), nowMilliseconds);
        return true;
    case SDL_FINGERUP:
        gestures.pointerUp(fingerPosition(event.tfinger, renderer), nowMilliseconds);
        return true;
    case SDL_MOUSEBUTTONDOWN:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT)
            return false;
        gestures.pointerDown({static_cast<float>(event.button.x), static_cast<float>(event.button.y)},
                             nowMilliseconds);
        return true;
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID)
            return false;
        gestures.pointerMove({static_cast<float>(event.motion.x), static_cast<float>(event.motion.y)},
                             nowMilliseconds);
        return true;
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT)
            return false;
        gestures.pointerUp({static_cast<float>(event.button.x), static_cast<float>(event.button.y)},
                           nowMilliseconds);
        return true;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
            gestures.cancel();
        return false;
    default:
        return false;
    }
}

} // namespace kiosk::platform
