// The one thin layer through which the core touches the operating system's files.
// Every other part of the project goes through here, so that durability rules
// (write-temp, fsync, rename, fsync the directory) live in exactly one place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::os {

// Owns a POSIX file descriptor; closes it on destruction.
class FileDescriptor {
  public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor();

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release();

  private:
    int fd_ = -1;
};

// Thrown for any failed OS call; the message names the path and the errno text.
class FileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The destination's file system is full or cannot hold a file this big (ENOSPC, EDQUOT, EFBIG).
class NoSpaceError : public FileError {
  public:
    using FileError::FileError;
};

// Writes every byte (a write may take only part), each write a durable operation for fault
// injection. Throws NoSpaceError when the disk is full, FileError for anything else.
void writeAllOrThrow(const FileDescriptor& file, std::span<const std::uint8_t> bytes,
                     const std::filesystem::path& path);

// Reads `size` bytes from the file's current position, fewer when it ends first (a file that
// shrank while it was read). Throws FileError naming `path`.
std::vector<std::uint8_t> readUpTo(const FileDescriptor& file, std::size_t size,
                                   const std::filesystem::path& path);

// Neither follows a symbolic link nor blocks: a FIFO or device is refused (FileError), not waited on.
std::vector<std::uint8_t> readWholeFile(const std::filesystem::path& path, std::uint64_t maximumBytes);
std::string readTextFile(const std::filesystem::path& path, std::uint64_t maximumBytes);

// The first bytes of a file that someone else writes and that may be hostile (a status file
// another service leaves for the kiosk): at most `maximumBytes`, however large the file is.
// Never follows a symbolic link and never blocks (a FIFO or device put in its place is
// refused, not waited on). Throws FileError when it is missing, not a regular file, or
// cannot be read.
struct FileStart {
    std::string bytes;
    bool wholeFile = true; // false: the file is longer and only its start was read
};
FileStart readFileStart(const std::filesystem::path& path, std::size_t maximumBytes);

// Throws FileError unless `path` is a regular file (not a symbolic link, folder, FIFO or
// device), found without blocking: for callers that then open it with a library that would
// wait on a FIFO (SQLite). The path is given by staff or is the kiosk's own, so the moment
// between this check and the library's open is not an attacker's.
void requireRegularFile(const std::filesystem::path& path);

// Replaces `path` so that a reader (or a power cut) sees either the old or the new
// content, never a mix: write to a temporary sibling, fsync it, rename it over the
// target, fsync the directory.
void writeFileAtomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);
// The same, creating the file with `permissions` (0600 for secret keys) so that it is never
// readable by others, not even between creation and a later chmod.
void writeFileAtomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         std::filesystem::perms permissions);

// Renames `from` over `to` (same directory or file system) and makes the rename durable:
// fsyncs the directory of `to`, and that of `from` when it is another one.
// On failure `from` is removed (it is a temporary), unless `onFailure` says to keep it: a
// pack that is being moved aside must never be lost because the move failed.
enum class OnRenameFailure { RemoveSource, KeepSource };
void renameDurably(const std::filesystem::path& from, const std::filesystem::path& to,
                   OnRenameFailure onFailure = OnRenameFailure::RemoveSource);

// Creates `directory` and any missing parents, fsyncing each parent that gained an entry.
void createDirectoriesDurably(const std::filesystem::path& directory);
// Unlinks a file (or a symbolic link, never its target) and fsyncs its directory. A file that
// is already gone is not an error.
void removeFileDurably(const std::filesystem::path& path);
// Removes everything inside `directory` (not following symbolic links), keeping the directory.
void removeDirectoryContents(const std::filesystem::path& directory);

void fsyncFile(const std::filesystem::path& path);
void fsyncDirectory(const std::filesystem::path& directory);

// A temporary sibling name for `path`, unique within this process.
std::filesystem::path temporarySiblingOf(const std::filesystem::path& path);

} // namespace kiosk::os
