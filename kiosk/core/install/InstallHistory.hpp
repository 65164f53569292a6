// The last installs from sticks, kept in <data>/packs/install-history.txt for the staff view
// ("what happened to the stick I brought last week?"), across restarts. Only outcomes, never
// who brought a stick: a time, what the install came to, the pack and version, the reason.
//
//     kiosk-install-history 1
//     1765090800<TAB>installed<TAB>vn.commune.demo<TAB>2<TAB>ok
//     1765177200<TAB>refused<TAB><TAB>0<TAB>signature-missing
//
// Newest last, at most kKeptInstalls lines; the file is replaced atomically on each append.
#pragma once

#include "install/DataDirectory.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::install {

struct InstallHistoryEntry {
    std::int64_t wallSeconds = 0; // as the kiosk's clock believed (a Pi without RTC may be off)
    std::string outcome;          // installStageName: "installed", "refused"
    std::string packId;           // empty when the stick's pack was not identified
    std::int64_t packVersion = 0;
    std::string reasonCode; // "ok" when installed
};

class InstallHistory {
  public:
    static constexpr std::size_t kKeptInstalls = 10;

    // The record in `data`, oldest first; a missing, unreadable or damaged file gives what of
    // it is readable (never throws: the staff view must open whatever the file holds).
    static std::vector<InstallHistoryEntry> load(const DataDirectory& data);
    static std::vector<InstallHistoryEntry> parse(std::string_view text);
    static std::string format(const std::vector<InstallHistoryEntry>& entries);
    // Adds `entry`, drops the oldest beyond kKeptInstalls, and replaces the file atomically.
    // Throws os::FileError.
    static void append(const DataDirectory& data, InstallHistoryEntry entry);
};

} // namespace kiosk::install
