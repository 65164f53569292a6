#include "audio/SoundSettings.hpp"

#include "os/FileSystem.hpp"

#include <algorithm>
#include <charconv>

namespace kiosk::audio {

std::filesystem::path volumeFile(const std::filesystem::path& dataDirectory) {
    return dataDirectory / "config" / "sound-volume";
}

int loadVolumePercent(const std::filesystem::path& dataDirectory) {
    std::string text;
    try {
        text = os::readFileStart(volumeFile(dataDirectory), 16).bytes;
    } catch (const os::FileError&) {
        return kDefaultVolumePercent; // never set, or not a plain file
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    int percent = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), percent);
    if (error != std::errc() || end != text.data() + text.size() || percent < 0 || percent > 100)
        return kDefaultVolumePercent;
    return percent;
}

void storeVolumePercent(const std::filesystem::path& dataDirectory, int percent) {
    const std::filesystem::path file = volumeFile(dataDirectory);
    std::filesystem::create_directories(file.parent_path());
    os::writeFileAtomically(file, std::to_string(std::clamp(percent, 0, 100)) + "\n");
}

} // namespace kiosk::audio
