// Errors of the signing code: a malformed key or signature file, a wrong passphrase.
#pragma once

#include <stdexcept>

namespace kiosk::signing {

class SigningError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Makes sure libsodium is initialised; throws SigningError when it cannot be.
void requireSodium();

} // namespace kiosk::signing
