// Which sound output to try, in which order. A board has several (HDMI, the 3.5 mm jack, a
// USB speaker) and a field officer names the one to use in /etc/commune-kiosk/kiosk.conf by
// a word of its name ("Headphones", "HDMI", "USB"), not by ALSA's full device string. When
// that one is missing or does not open, any sound is better than none: the system's
// default comes next, then every other output the system lists.
#pragma once

#include <string>
#include <vector>

namespace kiosk::audio {

// The name that stands for the system's default output, in a list of devices to try.
inline const std::string kDefaultSoundDevice;

// True when `configured` asks for the default, or `name` contains it, ignoring ASCII case.
bool soundDeviceMatches(const std::string& configured, const std::string& name);

// `configured`: what kiosk.conf asks for; empty or "default" asks for the system's default.
// `available`: the output names the system lists, in its order. Returns the names to try in
// order, each once, with kDefaultSoundDevice (the empty string) for the default: first
// the listed names that match a `configured` other than the default.
std::vector<std::string> soundDevicesToTry(const std::string& configured,
                                           const std::vector<std::string>& available);

} // namespace kiosk::audio
