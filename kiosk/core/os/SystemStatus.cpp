#include "os/SystemStatus.hpp"

#include "os/FileSystem.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sodium.h>
#include <stdexcept>
#include <sys/statvfs.h>
#include <sys/timex.h>
#include <unistd.h>
#include <vector>

namespace kiosk::os {

bool isWallClockSynchronised() {
    timex state{};
    state.modes = 0; // read only
    if (::ntp_adjtime(&state) < 0)
        return false;
    return (state.status & STA_UNSYNC) == 0;
}

std::string currentBootId() {
    // procfs reports a size of 0, so readWholeFile (which trusts st_size) cannot be used.
    FileDescriptor file(::open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC));
    if (!file.valid())
        return {};
    char buffer[64];
    ssize_t length;
    do {
        length = ::read(file.get(), buffer, sizeof buffer);
    } while (length < 0 && errno == EINTR);
    if (length <= 0)
        return {};
    std::string id(buffer, static_cast<std::size_t>(length));
    while (!id.empty() && (id.back() == '\n' || id.back() == ' '))
        id.pop_back();
    return id;
}

std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& path) {
    struct statvfs info {};
    if (::statvfs(path.c_str(), &info) != 0)
        return std::nullopt;
    return static_cast<std::uint64_t>(info.f_bavail) * static_cast<std::uint64_t>(info.f_frsize);
}

std::string randomHex(std::size_t byteCount) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    std::vector<unsigned char> bytes(byteCount);
    randombytes_buf(bytes.data(), bytes.size());
    std::string hex(byteCount * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

} // namespace kiosk::os
