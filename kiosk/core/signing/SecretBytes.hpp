// Bytes of a secret key: wiped when freed, never copied by accident.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <sodium.h>

namespace kiosk::signing {

class SecretBytes {
  public:
    explicit SecretBytes(std::size_t size) : bytes_(size) {}
    SecretBytes(SecretBytes&&) noexcept = default;
    SecretBytes& operator=(SecretBytes&& other) noexcept {
        wipe();
        bytes_ = std::move(other.bytes_);
        return *this;
    }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes() { wipe(); }

    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    std::span<const std::uint8_t> view() const { return bytes_; }

  private:
    void wipe() {
        if (!bytes_.empty())
            sodium_memzero(bytes_.data(), bytes_.size());
    }
    std::vector<std::uint8_t> bytes_;
};

} // namespace kiosk::signing
