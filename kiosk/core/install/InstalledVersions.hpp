// The highest version of each pack id this kiosk has ever installed, kept in
// <data>/packs/installed-versions.txt. The installed packs alone cannot tell: once current.kpack
// is damaged or missing, the kiosk compares a new pack with last-known-good or even with the
// built-in demo pack, and an older signed release (one that was withdrawn for a reason) would
// pass as "newer" and could be installed again. The record only ever grows; the staff override
// (InstallRequest::allowDowngrade) installs past it without lowering it.
//
// The file is small text, one pack id and its highest version per line, after a header line:
//
//     kiosk-installed-versions 1
//     vn.commune.an-phu 7
//
// It is written after the switch to the new pack, never before: a crash in between leaves a
// record that is behind the installed pack, which the installed pack itself makes up for, and
// never one that is ahead of every pack the kiosk has (which would refuse a repair).
#pragma once

#include "install/DataDirectory.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::install {

class InstalledVersions {
  public:
    // The record in `data`; a missing file is an empty record. Never throws: an unreadable or
    // damaged file counts as far as its lines are readable, and problem() says what was wrong.
    static InstalledVersions load(const DataDirectory& data);
    static InstalledVersions parse(std::string_view text);

    std::optional<std::int64_t> highest(const std::string& packId) const;
    // Raises the record of `packId` to `version`; never lowers it. True when it changed.
    bool raise(const std::string& packId, std::int64_t version);
    std::string format() const;
    // Replaces the file atomically (os::writeFileAtomically: temporary, fsync, rename, fsync
    // of the folder). Throws os::FileError.
    void save(const DataDirectory& data) const;
    // Empty when the file was read without trouble (or was not there); else for the log.
    const std::string& problem() const { return problem_; }

  private:
    std::map<std::string, std::int64_t> highest_;
    std::string problem_;
};

} // namespace kiosk::install
