// Errors of the signing code: a malformed key or signature file, a wrong passphrase.
#pragma once

#include <stdexcept>

namespace kiosk::signing {

class SigningError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A signature file of an older format (kiosk-pack-signature 1): not damaged, but made by an
// older kiosk-pack; the pack must be signed again.
class SignatureFormatTooOld : public SigningError {
  public:
    using SigningError::SigningError;
};

// Makes sure libsodium is initialised; throws SigningError when it cannot be.
void requireSodium();

} // namespace kiosk::signing
