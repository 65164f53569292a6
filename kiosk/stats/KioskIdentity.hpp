// The kiosk's random id and its export sequence, kept as small files in the data dir
// (outside stats.db, so a corrupt stats.db set aside keeps the same id and a sequence
// that goes on growing: a later export never overwrites an earlier one on a stick).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::stats {

// 16 lowercase hex digits (64 random bits): no collision between kiosks in practice,
// and nothing derived from the hardware, so the id says nothing about the device.
bool isValidKioskId(const std::string& text);

// Reads <dataDirectory>/kiosk-id; on first start (or if the file is damaged, which is
// set aside, never deleted) makes a random id and writes it atomically.
std::string loadOrCreateKioskId(const std::filesystem::path& dataDirectory);

// The sequence of the last export written from this kiosk; 0 before the first.
std::int64_t lastExportSequence(const std::filesystem::path& dataDirectory);
void storeLastExportSequence(const std::filesystem::path& dataDirectory, std::int64_t sequence);

// A free name "<path>.<label>-<n>" (and its -wal/-shm siblings), n counting up from 1.
std::filesystem::path setAsideNameFor(const std::filesystem::path& path, const std::string& label);

} // namespace kiosk::stats
