// The OS layer pieces the installer stands on: copying with progress, listing with lstat,
// containment, durable removal, 0600 files, and the fault-injection hook itself.
#include "TestPacks.hpp"

#include "os/FaultInjection.hpp"
#include "os/FileStatus.hpp"
#include "os/FileStreaming.hpp"
#include "os/FileSystem.hpp"

#include <csignal>
#include <map>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

std::vector<std::uint8_t> patternBytes(std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t index = 0; index < size; ++index)
        bytes[index] = static_cast<std::uint8_t>(index * 7 + index / 251);
    return bytes;
}

// Runs `body` in a child process and returns its exit status (or 128 + signal).
int inChild(const std::function<int()>& body) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0)
        ::_exit(body());
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

TEST_CASE("os: copyFileDurably copies exactly, reporting every chunk up to the total") {
    const ScratchFolder folder;
    const std::vector<std::uint8_t> bytes = patternBytes(1000 * 1000 + 17);
    writeFile(folder.path() / "source", bytes);
    std::vector<std::uint64_t> reported;
    os::CopyRequest request{folder.path() / "source", folder.path() / "copy", bytes.size(), 64 * 1024,
                            [&](const os::CopyProgress& progress) {
                                CHECK(progress.bytesTotal == bytes.size());
                                reported.push_back(progress.bytesDone);
                                return true;
                            }};
    os::copyFileDurably(request);
    CHECK(readFile(folder.path() / "copy") == bytes);
    CHECK(reported.size() == 16); // 15 full chunks of 64 KiB and the rest
    CHECK(reported.front() == 64 * 1024);
    CHECK(reported.back() == bytes.size());
    CHECK(std::is_sorted(reported.begin(), reported.end()));
    // The destination must be new.
    CHECK_THROWS_AS(os::copyFileDurably(request), os::FileError);
}

TEST_CASE("os: copyFileDurably removes the partial copy when cancelled or when the source shrinks") {
    const ScratchFolder folder;
    const std::vector<std::uint8_t> bytes = patternBytes(512 * 1024);
    writeFile(folder.path() / "source", bytes);
    int chunks = 0;
    os::CopyRequest cancelled{folder.path() / "source", folder.path() / "copy", bytes.size(), 64 * 1024,
                              [&](const os::CopyProgress&) { return ++chunks < 3; }};
    CHECK_THROWS_AS(os::copyFileDurably(cancelled), os::CopyCancelled);
    CHECK(chunks == 3);
    CHECK(!os::linkStatus(folder.path() / "copy"));

    os::CopyRequest shrinking{folder.path() / "source", folder.path() / "copy", bytes.size(), 64 * 1024,
                              [&](const os::CopyProgress&) {
                                  std::filesystem::resize_file(folder.path() / "source", 100 * 1024);
                                  return true;
                              }};
    CHECK_THROWS_WITH_AS(os::copyFileDurably(shrinking),
                         doctest::Contains("ended early (was the USB stick pulled out?)"), os::SourceReadError);
    CHECK(!os::linkStatus(folder.path() / "copy"));

    // A source that is not the size it was found at is not copied at all.
    os::CopyRequest changed{folder.path() / "source", folder.path() / "copy", bytes.size(), 64 * 1024, {}};
    CHECK_THROWS_WITH_AS(os::copyFileDurably(changed), doctest::Contains("changed since it was found"),
                         os::SourceReadError);
    CHECK(!os::linkStatus(folder.path() / "copy"));
    std::filesystem::create_symlink(folder.path() / "source", folder.path() / "link");
    os::CopyRequest link{folder.path() / "link", folder.path() / "copy", 100 * 1024, 64 * 1024, {}};
    CHECK_THROWS_AS(os::copyFileDurably(link), os::SourceReadError);
}

TEST_CASE("os: a destination that cannot grow is a clean NoSpaceError with nothing left behind") {
    const ScratchFolder folder;
    const std::vector<std::uint8_t> bytes = patternBytes(256 * 1024);
    writeFile(folder.path() / "source", bytes);
    // A file size limit stands in for a full disk: the same refusal, in a child process.
    const int status = inChild([&] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{100 * 1024, 100 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            os::copyFileDurably(os::CopyRequest{folder.path() / "source", folder.path() / "copy", bytes.size(), 64 * 1024, {}});
        } catch (const os::NoSpaceError&) {
            return os::linkStatus(folder.path() / "copy") ? 2 : 0;
        } catch (...) {
            return 3;
        }
        return 1;
    });
    CHECK(status == 0);
}

TEST_CASE("os: listDirectory reports links as links, and sparse files by what they occupy") {
    const ScratchFolder folder;
    writeText(folder.path() / "plain", "hello");
    std::filesystem::create_directory(folder.path() / "folder.kpack");
    std::filesystem::create_symlink("/etc/hostname", folder.path() / "link");
    writeFile(folder.path() / "sparse", {});
    std::filesystem::resize_file(folder.path() / "sparse", 1ull << 33);
    std::map<std::string, os::FileStatus> byName;
    for (const os::DirectoryEntry& entry : os::listDirectory(folder.path()))
        byName[entry.name] = entry.status;
    REQUIRE(byName.size() == 4);
    CHECK(byName["plain"].type == os::FileType::Regular);
    CHECK(byName["plain"].size == 5);
    CHECK(byName["folder.kpack"].type == os::FileType::Directory);
    CHECK(byName["link"].type == os::FileType::SymbolicLink);
    CHECK(byName["sparse"].size == 1ull << 33);
    CHECK(byName["sparse"].allocatedBytes < 1024 * 1024);
    CHECK_THROWS_AS(os::listDirectory(folder.path() / "plain"), os::FileError);
    // The folder itself is never reached through a link.
    std::filesystem::create_directory_symlink(folder.path(), folder.path() / "loop");
    CHECK_THROWS_AS(os::listDirectory(folder.path() / "loop"), os::FileError);
}

TEST_CASE("os: containment compares whole path components") {
    CHECK(os::isSameOrInside("/media/stick", "/media/stick"));
    CHECK(os::isSameOrInside("/media/stick", "/media/stick/kiosk/a.kpack"));
    CHECK(!os::isSameOrInside("/media/stick", "/media/stick2/a.kpack"));
    CHECK(!os::isSameOrInside("/media/stick", "/media"));
    CHECK(!os::isSameOrInside("/media/stick", "/etc/passwd"));
    const ScratchFolder folder;
    std::filesystem::create_directories(folder.path() / "stick");
    std::filesystem::create_symlink("/etc", folder.path() / "stick" / "escape");
    const auto resolved = os::resolvedPath(folder.path() / "stick" / "escape" / "hostname");
    REQUIRE(resolved);
    CHECK(!os::isSameOrInside(*os::resolvedPath(folder.path() / "stick"), *resolved));
    CHECK(!os::resolvedPath(folder.path() / "missing"));
}

TEST_CASE("os: removeDirectoryContents removes links, never what they point to") {
    const ScratchFolder folder;
    writeText(folder.path() / "keep" / "precious.txt", "keep me");
    writeText(folder.path() / "staging" / "a.kpack", "x");
    writeText(folder.path() / "staging" / "deeper" / "b", "x");
    std::filesystem::create_directory_symlink(folder.path() / "keep", folder.path() / "staging" / "link");
    os::removeDirectoryContents(folder.path() / "staging");
    CHECK(std::filesystem::is_empty(folder.path() / "staging"));
    CHECK(std::filesystem::exists(folder.path() / "keep" / "precious.txt"));
    os::removeDirectoryContents(folder.path() / "missing"); // nothing to do, no error
}

TEST_CASE("os: writeFileAtomically can create 0600 files whatever the umask") {
    const ScratchFolder folder;
    const mode_t previousMask = ::umask(0);
    const std::string secret = "secret";
    os::writeFileAtomically(folder.path() / "secret.key",
                            std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()),
                            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    ::umask(previousMask);
    struct stat info {};
    REQUIRE(::stat((folder.path() / "secret.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0600);
}

TEST_CASE("os: the fault hook counts durable operations and ends the process at the armed one") {
    const ScratchFolder folder;
    os::armFaultInjection(0);
    os::writeFileAtomically(folder.path() / "a", std::string("hello"));
    // create, write, fsync, rename, fsync of the folder
    CHECK(os::durableOperationCount() == 5);

    for (std::uint64_t point = 1; point <= 5; ++point) {
        CAPTURE(point);
        const int status = inChild([&] {
            os::armFaultInjection(point);
            os::writeFileAtomically(folder.path() / "b", std::string("hello"));
            return 0;
        });
        CHECK(status == os::kFaultExitStatus);
    }
    CHECK(inChild([&] {
              os::armFaultInjection(6);
              os::writeFileAtomically(folder.path() / "b", std::string("hello"));
              return 0;
          }) == 0);
    os::armFaultInjection(0);
}
