#include "signing/Hex.hpp"

namespace kiosk::signing {

namespace {

int hexValue(char digit) {
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    return -1;
}

} // namespace

std::string toHex(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 15];
    }
    return hex;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text, std::size_t expectedBytes) {
    if (text.size() != expectedBytes * 2)
        return std::nullopt;
    std::vector<std::uint8_t> bytes(expectedBytes);
    for (std::size_t index = 0; index < expectedBytes; ++index) {
        const int high = hexValue(text[2 * index]);
        const int low = hexValue(text[2 * index + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes[index] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return bytes;
}

} // namespace kiosk::signing
