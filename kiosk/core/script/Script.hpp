// The headless harness's input script: one command per line.
//   tap X Y | tap "TEXT" | drag X1 Y1 X2 Y2 MS | hold X Y MS | wait MS | shot NAME.png
//   expect "TEXT" | expect-not "TEXT" | wait-for "TEXT" [MS] | expect-audio | wait-sound-end [MS]
//   locate "TEXT" | expect-playback idle|playing|paused|finished|failed
// Blank lines and lines starting with '#' are ignored. `expect` and `wait-for` read what a
// visitor could: a touch target's label, or a text as far as it shows when it is cut with "…".
#pragma once

#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::script {

struct TapAt {
    float x = 0, y = 0;
};
struct TapText {
    std::string text;
    bool wholeLabel = false; // tap-key: the label is exactly `text`, not one that contains it
};
struct Drag {
    float fromX = 0, fromY = 0, toX = 0, toY = 0;
    int milliseconds = 0;
};
struct Hold {
    float x = 0, y = 0;
    int milliseconds = 0;
}; // a finger held still, then lifted
struct Wait {
    int milliseconds = 0;
};
// Draws frames until TEXT shows, for work the kiosk does on other threads (a USB install);
// fails after `milliseconds` of real time.
struct WaitFor {
    std::string text;
    int milliseconds = 10000;
};
struct Shot {
    std::string fileName;
};
struct Expect {
    std::string text;
    bool present = true;
};
// Sound is coming out of the speaker: waits, in real time (sound plays in real time whatever
// the virtual clock says), for a moment of audible sound from now on.
struct ExpectAudio {};
// Waits, in real time, until what plays has played to its end (or failed), so that a test
// reading the sound device's file gets the whole clip; fails after `milliseconds`.
struct WaitSoundEnd {
    int milliseconds = 10000;
};
// The sound player is in this state ("failed": a recording that would not play was refused
// cleanly). One of kPlaybackStates.
struct ExpectPlayback {
    std::string state;
};
inline constexpr const char* kPlaybackStates[] = {"idle", "playing", "paused", "finished", "failed"};
// Prints where the touch target labelled TEXT is ("locate TEXT X Y" on standard output), so
// a test can press it through the real window system.
struct Locate {
    std::string text;
};

using Action = std::variant<TapAt, TapText, Drag, Hold, Wait, WaitFor, Shot, Expect, ExpectAudio,
                            WaitSoundEnd, ExpectPlayback, Locate>;

struct Command {
    int lineNumber = 0;
    std::string line; // the original text, for error messages
    Action action;
};

class ScriptError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Throws ScriptError naming the line for an unknown command or bad arguments.
std::vector<Command> parseScript(const std::string& source, const std::string& sourceName);

} // namespace kiosk::script
