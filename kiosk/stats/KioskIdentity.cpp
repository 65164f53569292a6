#include "stats/KioskIdentity.hpp"

#include "os/FileSystem.hpp"
#include "os/SystemStatus.hpp"

#include <charconv>
#include <system_error>

namespace kiosk::stats {

namespace {

constexpr const char* kioskIdFileName = "kiosk-id";
constexpr const char* sequenceFileName = "stats-export-sequence";

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

bool isValidKioskId(const std::string& text) {
    if (text.size() != 16)
        return false;
    for (const char character : text)
        if (!((character >= '0' && character <= '9') || (character >= 'a' && character <= 'f')))
            return false;
    return true;
}

std::filesystem::path setAsideNameFor(const std::filesystem::path& path, const std::string& label) {
    for (int number = 1;; ++number) {
        std::filesystem::path candidate = path;
        candidate += "." + label + "-" + std::to_string(number);
        std::error_code ignored;
        auto taken = [&](const char* suffix) {
            std::filesystem::path sibling = candidate;
            sibling += suffix;
            return std::filesystem::exists(std::filesystem::symlink_status(sibling, ignored));
        };
        if (!taken("") && !taken("-wal") && !taken("-shm"))
            return candidate;
    }
}

std::string loadOrCreateKioskId(const std::filesystem::path& dataDirectory) {
    const std::filesystem::path file = dataDirectory / kioskIdFileName;
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(file, error))) {
        try {
            std::string id = trimmed(os::readTextFile(file, 256));
            if (isValidKioskId(id))
                return id;
        } catch (const os::FileError&) {
        }
        os::renameDurably(file, setAsideNameFor(file, "damaged"));
    }
    const std::string id = os::randomHex(8);
    os::writeFileAtomically(file, id + "\n");
    return id;
}

std::int64_t lastExportSequence(const std::filesystem::path& dataDirectory) {
    try {
        const std::string text = trimmed(os::readTextFile(dataDirectory / sequenceFileName, 64));
        std::int64_t sequence = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), sequence);
        if (result.ec == std::errc() && result.ptr == text.data() + text.size() && sequence >= 0)
            return sequence;
    } catch (const os::FileError&) {
    }
    return 0;
}

void storeLastExportSequence(const std::filesystem::path& dataDirectory, std::int64_t sequence) {
    os::writeFileAtomically(dataDirectory / sequenceFileName, std::to_string(sequence) + "\n");
}

} // namespace kiosk::stats
