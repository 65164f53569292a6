// The `kiosk-pack` command line, apart from main() so tests can run it and check exit codes.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace kiosk::builder {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitFailure = 1;    // the source or the pack has problems
inline constexpr int kExitUsageError = 2; // the command line itself is wrong

// `arguments` excludes the program name.
int runCommandLine(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors);

} // namespace kiosk::builder
