// SHA-256 over a stream of bytes. OpenSSL's libcrypto does the work: its SHA-256 uses the CPU's
// SHA instructions or hand-written assembly, about ten times faster than libsodium's portable
// C, and every byte of a pack is hashed at least once on its way into a kiosk.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

struct evp_md_ctx_st;

namespace kiosk::signing {

class Sha256 {
  public:
    Sha256();
    void update(std::span<const std::uint8_t> bytes);
    // The digest; the hasher cannot be used afterwards.
    std::array<std::uint8_t, 32> finish();
    // The digest in 64 lowercase hex digits; the hasher cannot be used afterwards.
    std::string finishHex();

  private:
    struct ContextDeleter {
        void operator()(evp_md_ctx_st* context) const;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> context_;
};

std::string sha256Hex(std::span<const std::uint8_t> bytes);

} // namespace kiosk::signing
