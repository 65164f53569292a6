// `kiosk-pack keygen`, `sign` and `verify`: the signing side of content packs. The key and
// signature formats and the checks are the core's (kiosk/core/signing, kiosk/core/install), so
// `verify` accepts exactly what a kiosk accepts.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace kiosk::builder {

// Each takes the arguments after the command name and returns the exit code.
int runKeygen(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors);
int runSign(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors);
int runVerify(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors);

// The environment variable holding the passphrase of a secret key file.
inline constexpr const char* kPassphraseVariable = "KIOSK_KEY_PASSPHRASE";

} // namespace kiosk::builder
