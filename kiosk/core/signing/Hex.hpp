// Lowercase hexadecimal, the only spelling key and signature files use.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::signing {

std::string toHex(std::span<const std::uint8_t> bytes);
// Nothing unless `text` is exactly `expectedBytes` bytes in lowercase hex.
std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text, std::size_t expectedBytes);

} // namespace kiosk::signing
