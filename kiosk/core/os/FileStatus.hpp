// What a path is, without following symbolic links, and where it really leads. Used where
// files come from a USB stick, which may hold links, devices or sparse giants on purpose.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::os {

enum class FileType { Regular, Directory, SymbolicLink, Other };

struct FileStatus {
    FileType type = FileType::Other;
    std::uint64_t size = 0;           // st_size: what the file claims
    std::uint64_t allocatedBytes = 0; // st_blocks * 512: what it really occupies
    std::uint64_t device = 0;         // st_dev: differs from the parent's at a mount point
    std::uint64_t inode = 0;
    std::int64_t modifiedNanoseconds = 0; // st_mtim, since the epoch
};

// lstat(): a symbolic link is reported as a link. Nothing when the path does not exist or
// cannot be examined.
std::optional<FileStatus> linkStatus(const std::filesystem::path& path);
// stat(): a symbolic link is followed to what it names.
std::optional<FileStatus> fileStatus(const std::filesystem::path& path);

struct DirectoryEntry {
    std::string name;
    FileStatus status; // from lstat, relative to the open directory (no race with renames of it)
};

// The entries of `directory` (without "." and ".."), each examined with lstat. The directory
// itself is opened without following a symbolic link. Throws FileError when it cannot be read.
std::vector<DirectoryEntry> listDirectory(const std::filesystem::path& directory);

struct MatchingEntries {
    std::vector<DirectoryEntry> entries; // those whose name `wanted` accepted, each lstat'ed
    bool cutShort = false;               // the folder held more than `maximumNamesRead` names
};
// The same for a folder nobody vouches for (a USB stick's): only the names `wanted` accepts
// are examined and kept, and reading stops after `maximumNamesRead` names, so a folder of a
// million files costs neither memory nor a million lstat calls.
MatchingEntries listMatchingEntries(const std::filesystem::path& directory,
                                    const std::function<bool(std::string_view name)>& wanted,
                                    std::size_t maximumNamesRead);

// realpath(): the absolute path with every link resolved; nothing when it cannot be resolved
// (a dangling link, a loop, a vanished file).
std::optional<std::filesystem::path> resolvedPath(const std::filesystem::path& path);

// True when `candidate` is `root` or lies beneath it. Both must already be resolved paths.
bool isSameOrInside(const std::filesystem::path& resolvedRoot,
                    const std::filesystem::path& resolvedCandidate);

} // namespace kiosk::os
