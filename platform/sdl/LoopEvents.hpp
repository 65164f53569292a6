// Where the interactive loop reads its events. On a machine: IdleWait (platform/linux),
// which sleeps without polling. Tests give the same loop a script of events on a virtual
// clock, so what a villager meets over minutes is checked in milliseconds.
#pragma once

#include <SDL.h>

namespace kiosk::platform {

class LoopEvents {
  public:
    virtual ~LoopEvents() = default;
    // Like SDL_WaitEventTimeout: true with `event` filled, false when the time ran out. A
    // timeout of 0 only looks.
    virtual bool waitEvent(SDL_Event& event, int timeoutMilliseconds) = 0;
};

} // namespace kiosk::platform
