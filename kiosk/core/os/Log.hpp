// The kiosk's log: lines on stderr, which systemd's journal keeps with their time, and which
// the board tests and a field officer's `journalctl -u commune-kiosk` read. Every line starts
// "kiosk: ". A line is written by one write(2), so lines from the sound thread and the main
// loop never interleave mid-line.
#pragma once

#include <sstream>
#include <string_view>

namespace kiosk::os {

// Writes "kiosk: MESSAGE\n" to stderr. Never throws: a log that cannot be written is lost.
void logLine(std::string_view message) noexcept;

// logLine of the parts streamed one after another, e.g. log("cannot show ", file, ": ", why).
template <typename... Parts> void log(const Parts&... parts) {
    std::ostringstream line;
    (line << ... << parts);
    logLine(line.str());
}

} // namespace kiosk::os
