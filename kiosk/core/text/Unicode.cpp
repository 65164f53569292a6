#include "text/Unicode.hpp"

#include <cstdlib>
#include <memory>
#include <utf8proc.h>

namespace kiosk::text {

namespace {

struct FreeDeleter {
    void operator()(void* pointer) const { std::free(pointer); }
};

} // namespace

bool isValidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t offset = 0;
    const auto length = static_cast<utf8proc_ssize_t>(text.size());
    while (offset < length) {
        utf8proc_int32_t codePoint = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes + offset, length - offset, &codePoint);
        if (used <= 0 || codePoint < 0)
            return false;
        offset += used;
    }
    return true;
}

namespace {

// utf8proc's normalisation of valid UTF-8 `text` with `options`; nothing for invalid text.
std::optional<std::string> normalised(std::string_view text, utf8proc_option_t options) {
    if (!isValidUtf8(text))
        return std::nullopt;
    utf8proc_uint8_t* raw = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                                 static_cast<utf8proc_ssize_t>(text.size()), &raw, options);
    const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(raw);
    if (length < 0)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length));
}

} // namespace

std::optional<std::string> toNfc(std::string_view text) {
    return normalised(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
}

std::optional<std::string> toNfd(std::string_view text) {
    return normalised(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
}

bool isNfc(std::string_view text) {
    const std::optional<std::string> normalised = toNfc(text);
    return normalised && *normalised == text;
}

std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> result;
    result.reserve(text.size());
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t offset = 0;
    const auto length = static_cast<utf8proc_ssize_t>(text.size());
    while (offset < length) {
        utf8proc_int32_t codePoint = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes + offset, length - offset, &codePoint);
        if (used <= 0) {
            ++offset;
            continue;
        }
        if (codePoint >= 0)
            result.push_back(static_cast<char32_t>(codePoint));
        offset += used;
    }
    return result;
}

std::string encodeUtf8(char32_t codePoint) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(codePoint), buffer);
    return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

std::optional<std::string> packTextProblem(std::string_view text) {
    if (!isValidUtf8(text))
        return "invalid UTF-8";
    if (!isNfc(text))
        return "text is not in Unicode NFC form (decomposed accents)";
    for (const char32_t codePoint : codePoints(text)) {
        if (codePoint < 0x20 && codePoint != '\n' && codePoint != '\t')
            return "control character U+" + std::to_string(static_cast<unsigned>(codePoint));
    }
    return std::nullopt;
}

std::string printableForLog(std::string_view untrusted, std::size_t maximumBytes) {
    static const char digits[] = "0123456789abcdef";
    std::string shown;
    auto escape = [&](std::string_view bytes) {
        for (const char byte : bytes) {
            shown += "\\x";
            shown += digits[static_cast<unsigned char>(byte) >> 4];
            shown += digits[static_cast<unsigned char>(byte) & 15];
        }
    };
    const std::string_view text = untrusted.substr(0, maximumBytes);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto length = static_cast<utf8proc_ssize_t>(text.size());
    utf8proc_ssize_t offset = 0;
    while (offset < length) {
        utf8proc_int32_t codePoint = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes + offset, length - offset, &codePoint);
        if (used <= 0 || codePoint < 0) {
            escape(text.substr(static_cast<std::size_t>(offset), 1));
            ++offset;
            continue;
        }
        const std::string_view sequence =
            text.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(used));
        offset += used;
        switch (utf8proc_category(codePoint)) {
        case UTF8PROC_CATEGORY_CC: // controls: newline, escape, DEL, C1
        case UTF8PROC_CATEGORY_CF: // format: bidi overrides, zero-width characters
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP:
        case UTF8PROC_CATEGORY_CO:
        case UTF8PROC_CATEGORY_CN:
        case UTF8PROC_CATEGORY_CS:
            escape(sequence);
            break;
        default:
            shown += sequence;
        }
    }
    if (untrusted.size() > maximumBytes)
        shown += "...";
    return shown;
}

} // namespace kiosk::text
