#include "os/ConfinedDirectory.hpp"

#include "os/FaultInjection.hpp"
#include "text/Unicode.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiosk::os {

namespace {

std::atomic<bool> forceFallback{false};

[[noreturn]] void throwErrno(const std::string& what, const std::filesystem::path& path) {
    throw FileError(what + " " + path.string() + ": " + std::strerror(errno));
}

bool isPlainName(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
           name.find('\0') == std::string_view::npos;
}

std::string describeType(mode_t mode) {
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISDIR(mode))
        return "a folder";
    return "not a plain file";
}

// What stands at `name` in `directory`, for the message when opening it was refused.
[[noreturn]] void throwRefused(int directory, std::string_view name, const std::filesystem::path& path,
                               int openErrno) {
    struct stat info {};
    if (::fstatat(directory, std::string(name).c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
        !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode))
        throw ConfinementError(path.string() + " is " + describeType(info.st_mode) +
                               ": nothing on a USB stick is read or written through one");
    if (openErrno == ELOOP)
        throw ConfinementError(path.string() +
                               " is a symbolic link: nothing on a USB stick is read or written through one");
    if (openErrno == EXDEV)
        throw ConfinementError(path.string() + " is another file system mounted on the stick: not used");
    if (openErrno == ENOTDIR)
        throw ConfinementError(path.string() + " is a file where a folder belongs: not used");
    errno = openErrno;
    throwErrno("cannot open", path);
}

long openBeneathWithKernel(int directory, const char* name, int flags, mode_t mode) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS;
    return ::syscall(SYS_openat2, directory, name, &how, sizeof how);
}

// One plain name beneath `directory`, never through a link or onto another file system.
// Returns -1 with errno set on failure.
int openBeneath(int directory, std::uint64_t device, std::string_view name, int flags, mode_t mode = 0) {
    const std::string nameText(name);
    flags |= O_CLOEXEC | O_NOFOLLOW | O_NOCTTY;
    if (!forceFallback.load()) {
        long fd;
        do {
            fd = openBeneathWithKernel(directory, nameText.c_str(), flags, mode);
        } while (fd < 0 && errno == EINTR);
        // ENOSYS: a kernel before 5.6 or qemu-user without openat2; EPERM: a seccomp filter
        // that does not know it. Both mean: resolve it ourselves, which for one name is the same.
        if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
            return static_cast<int>(fd);
    }
    int fd;
    do {
        fd = ::openat(directory, nameText.c_str(), flags, mode);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return -1;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || static_cast<std::uint64_t>(info.st_dev) != device) {
        ::close(fd);
        errno = EXDEV;
        return -1;
    }
    return fd;
}

std::string randomSuffix() {
    std::uint8_t bytes[8];
    std::size_t done = 0;
    while (done < sizeof bytes) {
        const ssize_t got = ::getrandom(bytes + done, sizeof bytes - done, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            // No entropy source: a counter and the pid still never collide within this process,
            // and O_EXCL refuses a name that someone planted.
            static std::atomic<unsigned> counter{0};
            return std::to_string(::getpid()) + "-" + std::to_string(counter++);
        }
        done += static_cast<std::size_t>(got);
    }
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (const std::uint8_t byte : bytes) {
        text += digits[byte >> 4];
        text += digits[byte & 15];
    }
    return text;
}

void fsyncOrThrow(int fd, const std::filesystem::path& path) {
    durableOperation("fsync", path);
    if (::fsync(fd) != 0)
        throwErrno("cannot fsync", path);
}

} // namespace

void forceConfinedOpenFallbackForTesting(bool force) {
    forceFallback.store(force);
}

ConfinedDirectory::ConfinedDirectory(FileDescriptor directory, std::filesystem::path path,
                                     std::uint64_t device)
    : directory_(std::move(directory)), path_(std::move(path)), device_(device) {}

ConfinedDirectory ConfinedDirectory::open(const std::filesystem::path& path, IfMissing ifMissing) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno != ENOENT || ifMissing == IfMissing::Fail)
            throwErrno("cannot open", path);
        createDirectoriesDurably(path);
        if (::lstat(path.c_str(), &info) != 0)
            throwErrno("cannot open", path);
    }
    if (!S_ISDIR(info.st_mode))
        throw ConfinementError(path.string() + " is " + describeType(info.st_mode) +
                               ", not a folder: not used");
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP || errno == ENOTDIR)
            throw ConfinementError(path.string() + " changed into something that is not a folder: not used");
        throwErrno("cannot open", path);
    }
    FileDescriptor directory(fd);
    if (::fstat(directory.get(), &info) != 0)
        throwErrno("cannot stat", path);
    return ConfinedDirectory(std::move(directory), path, static_cast<std::uint64_t>(info.st_dev));
}

ConfinedDirectory ConfinedDirectory::subdirectory(std::string_view relative, IfMissing ifMissing) const {
    int current = directory_.get();
    FileDescriptor owned;
    std::filesystem::path currentPath = path_;
    while (!relative.empty()) {
        const std::size_t slash = relative.find('/');
        const std::string_view name = relative.substr(0, slash);
        relative = slash == std::string_view::npos ? std::string_view() : relative.substr(slash + 1);
        if (!isPlainName(name))
            throw ConfinementError("'" + text::printableForLog(name) +
                                   "' is not a plain folder name: refused");
        const std::filesystem::path namePath = currentPath / std::string(name);
        int fd = openBeneath(current, device_, name, O_RDONLY | O_DIRECTORY);
        if (fd < 0 && errno == ENOENT && ifMissing == IfMissing::Create) {
            durableOperation("mkdir", namePath);
            if (::mkdirat(current, std::string(name).c_str(), 0755) != 0 && errno != EEXIST)
                throwErrno("cannot create directory", namePath);
            fsyncOrThrow(current, currentPath);
            fd = openBeneath(current, device_, name, O_RDONLY | O_DIRECTORY);
        }
        if (fd < 0)
            throwRefused(current, name, namePath, errno);
        owned = FileDescriptor(fd);
        current = owned.get();
        currentPath = namePath;
    }
    if (!owned.valid()) {
        const int fd = ::fcntl(directory_.get(), F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
            throwErrno("cannot duplicate the descriptor of", path_);
        owned = FileDescriptor(fd);
    }
    return ConfinedDirectory(std::move(owned), currentPath, device_);
}

std::vector<DirectoryEntry> ConfinedDirectory::list(std::size_t maximumNamesRead) const {
    // fdopendir takes the descriptor it is given: give it a copy to keep ours.
    const int copy = ::openat(directory_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (copy < 0)
        throwErrno("cannot list", path_);
    DIR* stream = ::fdopendir(copy);
    if (!stream) {
        ::close(copy);
        throwErrno("cannot list", path_);
    }
    std::vector<DirectoryEntry> entries;
    std::size_t namesRead = 0;
    while (namesRead < maximumNamesRead) {
        errno = 0;
        const dirent* entry = ::readdir(stream);
        if (!entry)
            break;
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        ++namesRead;
        struct stat info {};
        if (::fstatat(::dirfd(stream), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone since it was listed
        DirectoryEntry found;
        found.name = std::string(name);
        found.status.type = S_ISREG(info.st_mode)   ? FileType::Regular
                            : S_ISDIR(info.st_mode) ? FileType::Directory
                            : S_ISLNK(info.st_mode) ? FileType::SymbolicLink
                                                    : FileType::Other;
        found.status.size = static_cast<std::uint64_t>(info.st_size);
        found.status.allocatedBytes = static_cast<std::uint64_t>(info.st_blocks) * 512;
        found.status.device = static_cast<std::uint64_t>(info.st_dev);
        found.status.inode = static_cast<std::uint64_t>(info.st_ino);
        found.status.modifiedNanoseconds =
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
        entries.push_back(std::move(found));
    }
    const int readErrno = errno;
    ::closedir(stream);
    if (readErrno != 0) {
        errno = readErrno;
        throwErrno("cannot list", path_);
    }
    return entries;
}

void ConfinedDirectory::writeFileAtomically(std::string_view name,
                                            std::span<const std::uint8_t> bytes) const {
    if (!isPlainName(name))
        throw ConfinementError("'" + text::printableForLog(name) + "' is not a plain file name: refused");
    const std::string target(name);
    struct stat existing {};
    if (::fstatat(directory_.get(), target.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
        !S_ISREG(existing.st_mode))
        throw ConfinementError(pathOf(name).string() + " is " + describeType(existing.st_mode) +
                               ": not replaced, nothing was written");
    const std::string temporary = "." + target + ".tmp-" + randomSuffix();
    const std::filesystem::path temporaryPath = pathOf(temporary);
    try {
        durableOperation("create", temporaryPath);
        const int fd = openBeneath(directory_.get(), device_, temporary, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            throwRefused(directory_.get(), temporary, temporaryPath, errno);
        const FileDescriptor file(fd);
        writeAllOrThrow(file, bytes, temporaryPath);
        fsyncOrThrow(file.get(), temporaryPath);
        durableOperation("rename", pathOf(name));
        if (::renameat(directory_.get(), temporary.c_str(), directory_.get(), target.c_str()) != 0)
            throwErrno("cannot rename " + temporaryPath.string() + " to", pathOf(name));
    } catch (...) {
        ::unlinkat(directory_.get(), temporary.c_str(), 0);
        throw;
    }
    fsyncOrThrow(directory_.get(), path_);
}

void ConfinedDirectory::writeFileAtomically(std::string_view name, std::string_view text) const {
    writeFileAtomically(name, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::vector<std::uint8_t> ConfinedDirectory::readFile(std::string_view name,
                                                      std::uint64_t maximumBytes) const {
    if (!isPlainName(name))
        throw ConfinementError("'" + text::printableForLog(name) + "' is not a plain file name: refused");
    const std::filesystem::path filePath = pathOf(name);
    // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer, and fstat refuses it.
    const int fd = openBeneath(directory_.get(), device_, name, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        throwRefused(directory_.get(), name, filePath, errno);
    const FileDescriptor file(fd);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0)
        throwErrno("cannot stat", filePath);
    if (!S_ISREG(info.st_mode))
        throw ConfinementError(filePath.string() + " is " + describeType(info.st_mode) + ": not read");
    if (static_cast<std::uint64_t>(info.st_size) > maximumBytes)
        throw FileError(filePath.string() + " is too large (" + std::to_string(info.st_size) +
                        " bytes, limit " + std::to_string(maximumBytes) + ")");
    return readUpTo(file, static_cast<std::size_t>(info.st_size), filePath);
}

void ConfinedDirectory::removeFile(std::string_view name) const {
    if (!isPlainName(name))
        throw ConfinementError("'" + text::printableForLog(name) + "' is not a plain file name: refused");
    durableOperation("unlink", pathOf(name));
    if (::unlinkat(directory_.get(), std::string(name).c_str(), 0) != 0) {
        if (errno == ENOENT)
            return;
        throwErrno("cannot remove", pathOf(name));
    }
    fsyncOrThrow(directory_.get(), path_);
}

} // namespace kiosk::os
