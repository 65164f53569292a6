#include "os/FileSystem.hpp"

#include "os/FaultInjection.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kiosk::os {

namespace {

[[noreturn]] void throwErrno(const std::string& what, const std::filesystem::path& path) {
    throw FileError(what + " " + path.string() + ": " + std::strerror(errno));
}

FileDescriptor openOrThrow(const std::filesystem::path& path, int flags, mode_t mode = 0) {
    int fd;
    do {
        fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        throwErrno("cannot open", path);
    return FileDescriptor(fd);
}

void fsyncOrThrow(const FileDescriptor& file, const std::filesystem::path& path) {
    durableOperation("fsync", path);
    if (::fsync(file.get()) != 0)
        throwErrno("cannot fsync", path);
}

} // namespace

void writeAllOrThrow(const FileDescriptor& file, std::span<const std::uint8_t> bytes,
                     const std::filesystem::path& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        durableOperation("write", path);
        const ssize_t result = ::write(file.get(), bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG)
                throw NoSpaceError("no space left for " + path.string());
            throwErrno("cannot write", path);
        }
        written += static_cast<std::size_t>(result);
    }
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

FileDescriptor::~FileDescriptor() {
    if (fd_ >= 0)
        ::close(fd_);
}

int FileDescriptor::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (issue 18: one put
// where a file was expected hung the kiosk); fstat then refuses it. A regular file reads the same.
FileDescriptor openRegularFile(const std::filesystem::path& path, struct stat& info) {
    FileDescriptor file = openOrThrow(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (::fstat(file.get(), &info) != 0)
        throwErrno("cannot stat", path);
    if (!S_ISREG(info.st_mode))
        throw FileError("not a regular file (a folder, FIFO or device): " + path.string());
    return file;
}

std::vector<std::uint8_t> readWholeFile(const std::filesystem::path& path, std::uint64_t maximumBytes) {
    struct stat info {};
    const FileDescriptor file = openRegularFile(path, info);
    if (static_cast<std::uint64_t>(info.st_size) > maximumBytes)
        throw FileError("file too large (" + std::to_string(info.st_size) + " bytes, limit " +
                        std::to_string(maximumBytes) + "): " + path.string());
    return readUpTo(file, static_cast<std::size_t>(info.st_size), path);
}

std::vector<std::uint8_t> readUpTo(const FileDescriptor& file, std::size_t size,
                                   const std::filesystem::path& path) {
    std::vector<std::uint8_t> bytes(size);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t result = ::read(file.get(), bytes.data() + done, bytes.size() - done);
        if (result < 0) {
            if (errno == EINTR)
                continue;
            throwErrno("cannot read", path);
        }
        if (result == 0)
            break; // the file shrank while we read it: keep what is there
        done += static_cast<std::size_t>(result);
    }
    bytes.resize(done);
    return bytes;
}

std::string readTextFile(const std::filesystem::path& path, std::uint64_t maximumBytes) {
    const std::vector<std::uint8_t> bytes = readWholeFile(path, maximumBytes);
    return std::string(bytes.begin(), bytes.end());
}

void requireRegularFile(const std::filesystem::path& path) {
    struct stat info {};
    openRegularFile(path, info);
}

FileStart readFileStart(const std::filesystem::path& path, std::size_t maximumBytes) {
    struct stat info {};
    const FileDescriptor file = openRegularFile(path, info);
    FileStart start;
    // One byte more than wanted tells a file of exactly `maximumBytes` from a longer one,
    // also when st_size is wrong (a file that grows while we read it).
    start.bytes.resize(maximumBytes + 1);
    std::size_t done = 0;
    while (done < start.bytes.size()) {
        const ssize_t result = ::read(file.get(), start.bytes.data() + done, start.bytes.size() - done);
        if (result < 0) {
            if (errno == EINTR)
                continue;
            throwErrno("cannot read", path);
        }
        if (result == 0)
            break;
        done += static_cast<std::size_t>(result);
    }
    start.wholeFile = done <= maximumBytes;
    start.bytes.resize(std::min(done, maximumBytes));
    return start;
}

std::filesystem::path temporarySiblingOf(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return temporary;
}

void writeFileAtomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
    writeFileAtomically(path, bytes,
                        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                            std::filesystem::perms::group_read | std::filesystem::perms::others_read);
}

void writeFileAtomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         std::filesystem::perms permissions) {
    const std::filesystem::path temporary = temporarySiblingOf(path);
    try {
        durableOperation("create", temporary);
        const FileDescriptor file =
            openOrThrow(temporary, O_WRONLY | O_CREAT | O_EXCL, static_cast<mode_t>(permissions));
        // open() applies the umask; say the permissions again so a 0600 key is exactly 0600.
        if (::fchmod(file.get(), static_cast<mode_t>(permissions)) != 0)
            throwErrno("cannot set permissions of", temporary);
        writeAllOrThrow(file, bytes, temporary);
        fsyncOrThrow(file, temporary);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    renameDurably(temporary, path);
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& text) {
    writeFileAtomically(path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

void renameDurably(const std::filesystem::path& from, const std::filesystem::path& to,
                   OnRenameFailure onFailure) {
    durableOperation("rename", to);
    if (::rename(from.c_str(), to.c_str()) != 0) {
        const int savedErrno = errno;
        if (onFailure == OnRenameFailure::RemoveSource)
            ::unlink(from.c_str());
        errno = savedErrno;
        throwErrno("cannot rename " + from.string() + " to", to);
    }
    auto directoryOf = [](const std::filesystem::path& file) {
        const std::filesystem::path directory = file.parent_path();
        return directory.empty() ? std::filesystem::path(".") : directory;
    };
    fsyncDirectory(directoryOf(to));
    if (directoryOf(from) != directoryOf(to))
        fsyncDirectory(directoryOf(from));
}

void createDirectoriesDurably(const std::filesystem::path& directory) {
    if (directory.empty())
        return;
    struct stat info {};
    if (::lstat(directory.c_str(), &info) == 0) {
        if (!S_ISDIR(info.st_mode))
            throw FileError("not a directory: " + directory.string());
        return;
    }
    const std::filesystem::path parent = directory.parent_path();
    if (!parent.empty() && parent != directory)
        createDirectoriesDurably(parent);
    durableOperation("mkdir", directory);
    if (::mkdir(directory.c_str(), 0755) != 0 && errno != EEXIST)
        throwErrno("cannot create directory", directory);
    fsyncDirectory(parent.empty() ? std::filesystem::path(".") : parent);
}

void removeFileDurably(const std::filesystem::path& path) {
    durableOperation("unlink", path);
    if (::unlink(path.c_str()) != 0) {
        if (errno == ENOENT)
            return;
        throwErrno("cannot remove", path);
    }
    const std::filesystem::path directory = path.parent_path();
    fsyncDirectory(directory.empty() ? std::filesystem::path(".") : directory);
}

void removeDirectoryContents(const std::filesystem::path& directory) {
    std::error_code listError;
    std::vector<std::filesystem::path> entries;
    for (std::filesystem::directory_iterator entry(directory, listError), end; !listError && entry != end;
         entry.increment(listError))
        entries.push_back(entry->path());
    if (listError) {
        if (listError == std::errc::no_such_file_or_directory)
            return;
        throw FileError("cannot list " + directory.string() + ": " + listError.message());
    }
    for (const std::filesystem::path& path : entries) {
        std::error_code error;
        // symlink_status: a link is removed as a link; remove_all never follows links either.
        if (std::filesystem::symlink_status(path, error).type() == std::filesystem::file_type::directory) {
            durableOperation("remove-tree", path);
            std::filesystem::remove_all(path, error);
        } else {
            durableOperation("unlink", path);
            if (::unlink(path.c_str()) != 0 && errno != ENOENT)
                error = std::error_code(errno, std::generic_category());
        }
        if (error)
            throw FileError("cannot remove " + path.string() + ": " + error.message());
    }
    fsyncDirectory(directory);
}

void fsyncFile(const std::filesystem::path& path) {
    const FileDescriptor file = openOrThrow(path, O_RDONLY);
    fsyncOrThrow(file, path);
}

void fsyncDirectory(const std::filesystem::path& directory) {
    const FileDescriptor handle = openOrThrow(directory, O_RDONLY | O_DIRECTORY);
    fsyncOrThrow(handle, directory);
}

} // namespace kiosk::os
