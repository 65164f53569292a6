// The sound volume a staff member set, kept in the data folder across restarts. The file
// is one number, 0 to 100; anything else (a damaged or hand-edited file) reads as the default,
// so a bad file can never silence the kiosk or stop it starting.
#pragma once

#include <filesystem>

namespace kiosk::audio {

inline constexpr int kDefaultVolumePercent = 80;
// The staff view's − and + buttons move by this much.
inline constexpr int kVolumeStepPercent = 10;

std::filesystem::path volumeFile(const std::filesystem::path& dataDirectory);
int loadVolumePercent(const std::filesystem::path& dataDirectory);
// Clamps to 0..100 and replaces the file atomically. Throws os::FileError when it cannot.
void storeVolumePercent(const std::filesystem::path& dataDirectory, int percent);

} // namespace kiosk::audio
