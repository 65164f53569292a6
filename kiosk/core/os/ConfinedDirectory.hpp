// A folder whose contents nobody vouches for (a USB stick's kiosk/ folder), opened once and
// then only ever worked on through its descriptor. Every name below it is resolved by the
// kernel with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV), so a
// symbolic link, a `..` or another file system planted on the stick can never lead a write
// off it (issue 19: `kiosk/stats` -> the data folder's keys/ had the kiosk write its export
// into its own trust store).
//
// Where the kernel (or qemu-user) has no openat2, each name is opened on its own with
// O_NOFOLLOW and its device compared with the folder's: one name at a time, that is the same
// rule. New files are made with O_EXCL under a random temporary name the writer itself
// created, fsynced, renamed into place and the folder fsynced, so nothing planted on the
// stick is ever opened for writing.
//
// Anything on the way that is not what it should be (a link, a FIFO, a device, a folder
// where a file belongs, a mount) throws ConfinementError, whose message says which name and
// what it is, in words for staff.
#pragma once

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::os {

// A link, FIFO, device or mount where a plain file or folder was expected, or a name that
// tries to leave the folder.
class ConfinementError : public FileError {
  public:
    using FileError::FileError;
};

class ConfinedDirectory {
  public:
    enum class IfMissing { Fail, Create };

    // Opens `path` itself without following a link at its last name; the path above it is
    // the caller's own (a mount point the kiosk chose). Throws ConfinementError when `path`
    // is a link or not a folder, FileError when it is missing (or cannot be created).
    static ConfinedDirectory open(const std::filesystem::path& path, IfMissing ifMissing = IfMissing::Fail);

    // The folder `relative` (one or more plain names joined by '/') beneath this one, each
    // name resolved beneath the last. Created (and fsynced into its parent) when missing and
    // asked for.
    ConfinedDirectory subdirectory(std::string_view relative, IfMissing ifMissing) const;

    // Every entry (not "." or ".."), examined without following links, at most
    // `maximumNamesRead` names read (a stick may hold millions on purpose).
    std::vector<DirectoryEntry> list(std::size_t maximumNamesRead = 200'000) const;

    // Writes `name` so that a reader or a power cut sees the old file or the new one, never
    // a mix, and never writes through anything already on the stick: a new temporary made
    // with O_EXCL, fsync, rename over `name`, fsync this folder. An existing `name` that is
    // not a regular file is refused (ConfinementError), not replaced.
    void writeFileAtomically(std::string_view name, std::span<const std::uint8_t> bytes) const;
    void writeFileAtomically(std::string_view name, std::string_view text) const;

    // At most `maximumBytes` of a regular file directly in this folder; never blocks on a
    // FIFO. Throws ConfinementError for anything but a regular file, FileError when too big.
    std::vector<std::uint8_t> readFile(std::string_view name, std::uint64_t maximumBytes) const;

    // Unlinks a file or link (never what a link names) and fsyncs this folder; a missing
    // name is not an error.
    void removeFile(std::string_view name) const;

    // For messages: the path this folder was opened as.
    const std::filesystem::path& path() const { return path_; }
    int descriptor() const { return directory_.get(); }

  private:
    ConfinedDirectory(FileDescriptor directory, std::filesystem::path path, std::uint64_t device);

    std::filesystem::path pathOf(std::string_view name) const { return path_ / std::string(name); }

    FileDescriptor directory_;
    std::filesystem::path path_;
    std::uint64_t device_ = 0;
};

// Test hook: true makes every resolution use the one-name-at-a-time fallback, as on a kernel
// without openat2, so both ways are tested on any machine.
void forceConfinedOpenFallbackForTesting(bool force);

} // namespace kiosk::os
