// The sound the staff view's "test sound" button plays: two rising notes, a second in all,
// loud enough to hear across an office. It is made here, not taken from the pack, so that it
// sounds the same whatever pack is installed and a pack without recordings can be tested.
#pragma once

#include "audio/AudioFormat.hpp"

namespace kiosk::audio {

inline constexpr int kTestChimeSampleRate = 16000;

DecodedAudio testChime();

} // namespace kiosk::audio
