#include "os/FileStatus.hpp"

#include "os/FileSystem.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::os {

namespace {

FileStatus fromStat(const struct stat& info) {
    FileStatus status;
    if (S_ISREG(info.st_mode))
        status.type = FileType::Regular;
    else if (S_ISDIR(info.st_mode))
        status.type = FileType::Directory;
    else if (S_ISLNK(info.st_mode))
        status.type = FileType::SymbolicLink;
    else
        status.type = FileType::Other;
    status.size = info.st_size > 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
    status.allocatedBytes = info.st_blocks > 0 ? static_cast<std::uint64_t>(info.st_blocks) * 512 : 0;
    status.device = static_cast<std::uint64_t>(info.st_dev);
    status.inode = static_cast<std::uint64_t>(info.st_ino);
    status.modifiedNanoseconds =
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return status;
}

struct DirectoryCloser {
    void operator()(DIR* directory) const { ::closedir(directory); }
};

} // namespace

std::optional<FileStatus> linkStatus(const std::filesystem::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0)
        return std::nullopt;
    return fromStat(info);
}

std::optional<FileStatus> fileStatus(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return fromStat(info);
}

MatchingEntries listMatchingEntries(const std::filesystem::path& directory,
                                    const std::function<bool(std::string_view name)>& wanted,
                                    std::size_t maximumNamesRead) {
    FileDescriptor handle(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!handle.valid())
        throw FileError("cannot open directory " + directory.string() + ": " + std::strerror(errno));
    // fdopendir takes the descriptor over; closedir closes it.
    std::unique_ptr<DIR, DirectoryCloser> stream(::fdopendir(handle.get()));
    if (!stream)
        throw FileError("cannot read directory " + directory.string() + ": " + std::strerror(errno));
    const int directoryDescriptor = handle.release();
    MatchingEntries result;
    std::size_t namesRead = 0;
    while (true) {
        errno = 0;
        const dirent* entry = ::readdir(stream.get());
        if (!entry) {
            if (errno != 0)
                throw FileError("cannot read directory " + directory.string() + ": " + std::strerror(errno));
            break;
        }
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        if (++namesRead > maximumNamesRead) {
            result.cutShort = true;
            break;
        }
        if (!wanted(name))
            continue;
        struct stat info {};
        if (::fstatat(directoryDescriptor, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // vanished between readdir and lstat
        result.entries.push_back(DirectoryEntry{std::string(name), fromStat(info)});
    }
    return result;
}

std::vector<DirectoryEntry> listDirectory(const std::filesystem::path& directory) {
    return listMatchingEntries(
               directory, [](std::string_view) { return true; }, std::numeric_limits<std::size_t>::max())
        .entries;
}

std::optional<std::filesystem::path> resolvedPath(const std::filesystem::path& path) {
    std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr), &std::free);
    if (!resolved)
        return std::nullopt;
    return std::filesystem::path(resolved.get());
}

bool isSameOrInside(const std::filesystem::path& resolvedRoot,
                    const std::filesystem::path& resolvedCandidate) {
    // Whole components: /media/stick2 is not inside /media/stick.
    const std::filesystem::path relative = resolvedCandidate.lexically_relative(resolvedRoot);
    return !relative.empty() && *relative.begin() != "..";
}

} // namespace kiosk::os
