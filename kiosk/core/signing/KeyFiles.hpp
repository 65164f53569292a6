// The two files `kiosk-pack keygen -o NAME` writes.
//
// NAME.pub, public, copied to every kiosk's keys/ folder:
//     kiosk-public-key 1
//     # any comment lines, e.g. who holds the secret key
//     key-id: 16 hex digits (first 16 of SHA-256 of the public key)
//     public-key: 64 hex digits (Ed25519)
//
// NAME.key, secret, mode 0600, never leaves the signing computer:
//     kiosk-secret-key 1
//     key-id: ...
//     public-key: ...
//     protection: none                       then  secret-key: 128 hex digits
//     protection: argon2id-xsalsa20poly1305  then  salt, opslimit, memlimit, nonce and
//                 sealed-secret-key: the secret key sealed with crypto_secretbox under a key
//                 derived from the passphrase with crypto_pwhash (Argon2id).
#pragma once

#include "signing/Keys.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::signing {

std::string formatPublicKeyFile(const PublicKey& key, std::string_view comment);
// Throws SigningError for anything but a well-formed file whose key id matches its key.
PublicKey parsePublicKeyFile(std::string_view text);

// With a passphrase the secret key is sealed; without, it is stored as hex (then the file's
// 0600 mode is its only protection).
std::string formatSecretKeyFile(const SecretKey& key, const std::optional<std::string>& passphrase);
// Throws SigningError for a malformed file, a sealed key without a passphrase, or a wrong
// passphrase.
SecretKey parseSecretKeyFile(std::string_view text, const std::optional<std::string>& passphrase);
// True when the file says its secret key is sealed with a passphrase.
bool secretKeyFileNeedsPassphrase(std::string_view text);

} // namespace kiosk::signing
