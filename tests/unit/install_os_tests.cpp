// The OS layer pieces the installer stands on: copying with progress, listing with lstat,
// containment, durable removal, 0600 files, and the fault-injection hook itself.
#include "TestPacks.hpp"

#include "os/FaultInjection.hpp"
#include "os/FileStatus.hpp"
#include "os/FileStreaming.hpp"
#include "os/FileSystem.hpp"

#include <chrono>
#include <csignal>
#include <map>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

// A copy in 64 KiB chunks (fields by name: CopyRequest grows now and then).
os::CopyRequest copyRequest(const std::filesystem::path& source, const std::filesystem::path& destination,
                            std::uint64_t expectedBytes,
                            std::function<bool(const os::CopyProgress&)> onProgress = {}) {
    os::CopyRequest request;
    request.source = source;
    request.destination = destination;
    request.expectedBytes = expectedBytes;
    request.chunkBytes = 64 * 1024;
    request.onProgress = std::move(onProgress);
    return request;
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
    const os::CopyRequest request = copyRequest(folder.path() / "source", folder.path() / "copy",
                                                bytes.size(), [&](const os::CopyProgress& progress) {
                                                    CHECK(progress.bytesTotal == bytes.size());
                                                    reported.push_back(progress.bytesDone);
                                                    return true;
                                                });
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
    const os::CopyRequest cancelled =
        copyRequest(folder.path() / "source", folder.path() / "copy", bytes.size(),
                    [&](const os::CopyProgress&) { return ++chunks < 3; });
    CHECK_THROWS_AS(os::copyFileDurably(cancelled), os::CopyCancelled);
    CHECK(chunks == 3);
    CHECK(!os::linkStatus(folder.path() / "copy"));

    const os::CopyRequest shrinking = copyRequest(
        folder.path() / "source", folder.path() / "copy", bytes.size(), [&](const os::CopyProgress&) {
            std::filesystem::resize_file(folder.path() / "source", 100 * 1024);
            return true;
        });
    CHECK_THROWS_WITH_AS(os::copyFileDurably(shrinking),
                         doctest::Contains("ended early (was the USB stick pulled out?)"),
                         os::SourceReadError);
    CHECK(!os::linkStatus(folder.path() / "copy"));

    // A source that is not the size it was found at is not copied at all.
    const os::CopyRequest changed =
        copyRequest(folder.path() / "source", folder.path() / "copy", bytes.size());
    CHECK_THROWS_WITH_AS(os::copyFileDurably(changed), doctest::Contains("changed since it was found"),
                         os::SourceReadError);
    CHECK(!os::linkStatus(folder.path() / "copy"));
    std::filesystem::create_symlink(folder.path() / "source", folder.path() / "link");
    const os::CopyRequest link = copyRequest(folder.path() / "link", folder.path() / "copy", 100 * 1024);
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
            os::copyFileDurably(copyRequest(folder.path() / "source", folder.path() / "copy", bytes.size()));
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

TEST_CASE("os: listMatchingEntries examines only the names asked for, and stops reading at its limit") {
    const ScratchFolder folder;
    for (int index = 0; index < 300; ++index)
        writeText(folder.path() / ("photo-" + std::to_string(index) + ".jpg"), "x");
    writeText(folder.path() / "PACK.KPACK", "pack");
    std::size_t asked = 0;
    const os::MatchingEntries packs = os::listMatchingEntries(
        folder.path(),
        [&](std::string_view name) {
            ++asked;
            return name.ends_with(".KPACK");
        },
        1000);
    CHECK(asked == 301);
    REQUIRE(packs.entries.size() == 1);
    CHECK(packs.entries[0].name == "PACK.KPACK");
    CHECK(packs.entries[0].status.size == 4);
    CHECK_FALSE(packs.cutShort);

    const os::MatchingEntries cut = os::listMatchingEntries(
        folder.path(), [](std::string_view) { return true; }, 100);
    CHECK(cut.cutShort);
    CHECK(cut.entries.size() == 100);
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

TEST_CASE("os: a copy from another file system (read and write, not the kernel's copy) is exact") {
    // /dev/shm is a tmpfs, another file system than the scratch folder's, as a USB stick is
    // another than the data disk: copy_file_range refuses (EXDEV) and read()/write() carry the
    // bytes, with the data disk's writeback started as the copy goes.
    const std::filesystem::path otherFileSystem = "/dev/shm";
    const ScratchFolder folder;
    const auto sourceDevice = os::fileStatus(otherFileSystem);
    const auto folderDevice = os::fileStatus(folder.path());
    REQUIRE(sourceDevice);
    REQUIRE(folderDevice);
    REQUIRE(sourceDevice->device != folderDevice->device);
    const std::filesystem::path source = otherFileSystem / ("kiosk-copy-test-" + std::to_string(::getpid()));
    const std::vector<std::uint8_t> bytes = patternBytes(20 * 1024 * 1024 + 17);
    writeFile(source, bytes);
    std::uint64_t lastReported = 0;
    os::CopyRequest request =
        copyRequest(source, folder.path() / "copy", bytes.size(), [&](const os::CopyProgress& progress) {
            lastReported = progress.bytesDone;
            return true;
        });
    request.chunkBytes = 1024 * 1024;
    os::armFaultInjection(0);
    os::copyFileDurably(request);
    const std::uint64_t steps = os::durableOperationCount();
    std::filesystem::remove(source);
    CHECK(readFile(folder.path() / "copy") == bytes);
    CHECK(lastReported == bytes.size());
    // create, reserve, the refused kernel copy, 21 writes, fsync of the file and of its folder
    CHECK(steps == 1 + 1 + 1 + 21 + 2);
}

TEST_CASE("os: a copy without its fsync is made durable by BackgroundFsync, counted as durable steps") {
    const ScratchFolder folder;
    const std::vector<std::uint8_t> bytes = patternBytes(300 * 1024);
    writeFile(folder.path() / "source", bytes);
    os::CopyRequest request = copyRequest(folder.path() / "source", folder.path() / "copy", bytes.size());
    request.fsyncWhenDone = false;
    os::armFaultInjection(0);
    os::copyFileDurably(request);
    const std::uint64_t copySteps = os::durableOperationCount();
    {
        os::BackgroundFsync durability(folder.path() / "copy");
        durability.wait();
    }
    // The file's fsync and its folder's, as copyFileDurably would have made them.
    CHECK(os::durableOperationCount() == copySteps + 2);
    CHECK(readFile(folder.path() / "copy") == bytes);

    os::BackgroundFsync missing(folder.path() / "no-such-file");
    CHECK_THROWS_AS(missing.wait(), os::FileError);
}
