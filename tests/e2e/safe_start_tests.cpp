// The real binary in a crash loop: a kiosk killed three times before it stayed up a minute
// (as SIGSEGV or the systemd watchdog would end it) starts the fourth time on its own
// built-in pack, leaves the plugged-in stick alone, and after a clean exit goes back to the
// installed pack.
#include "WindowSession.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

struct SafeStartFolder {
    std::filesystem::path root = std::filesystem::path(KIOSK_E2E_OUTPUT) / "safe-start";
    std::filesystem::path data = root / "data";
    std::filesystem::path sticks = root / "sticks";

    SafeStartFolder() {
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(data / "packs");
        std::filesystem::create_directories(sticks / "stick-1" / "kiosk");
        // The installed pack, and a stick holding a pack (unsigned: a normal start refuses it).
        std::filesystem::copy_file(KIOSK_DEMO_PACK, data / "packs" / "current.kpack");
        std::filesystem::copy_file(KIOSK_DEMO_PACK, sticks / "stick-1" / "kiosk" / "pack.kpack");
        std::ofstream(root / "hang.script") << "wait-for \"never shown\" 30000\n";
        std::ofstream(root / "quit.script") << "expect \"Chính sách\"\n";
        std::ofstream(root / "refused.script") << "wait-for \"Không cài được nội dung trên USB này\" 30000\n";
    }

    // Runs a script to its end; the exit status.
    int runToEnd(const std::string& script, const std::filesystem::path& log) const {
        const int status = std::system((quoted(KIOSK_BINARY) + " --headless --data-dir " +
                                        quoted(data.string()) + " --usb-root " + quoted(sticks.string()) +
                                        " --script " + quoted((root / script).string()) + " --shot-dir " +
                                        quoted(root.string()) + " 2> " + quoted(log.string()))
                                           .c_str());
        return WEXITSTATUS(status);
    }

    std::vector<std::string> kiosk(const std::string& script) const {
        return {KIOSK_BINARY, "--headless",    "--data-dir", data.string(),
                "--usb-root", sticks.string(), "--script",   (root / script).string(),
                "--shot-dir", root.string()};
    }
};

} // namespace

TEST_CASE("three starts killed within a minute make a safe start: the built-in pack and the stick left "
          "alone, and a clean "
          "exit brings the installed pack back") {
    const SafeStartFolder folder;
    for (int crash = 1; crash <= 3; ++crash) {
        CAPTURE(crash);
        const std::filesystem::path log = folder.root / ("crash-" + std::to_string(crash) + ".log");
        BackgroundProcess kiosk(folder.kiosk("hang.script"), {"SDL_AUDIODRIVER=dummy"}, log);
        REQUIRE(waitForText(log, "first complete frame", 30));
        CHECK(readFile(log).find("from the installed pack") != std::string::npos);
        ::kill(kiosk.pid(), SIGKILL);
        CHECK(kiosk.stop() == 128 + SIGKILL);
    }

    const std::filesystem::path safeLog = folder.root / "safe.log";
    CHECK(folder.runToEnd("quit.script", safeLog) == 0);
    const std::string safe = readFile(safeLog);
    INFO(safe);
    CHECK(safe.find("kiosk: safe start: the last 3 starts did not stay up a minute") != std::string::npos);
    CHECK(safe.find("from the built-in demo pack") != std::string::npos);
    CHECK(safe.find("leaving the stick") != std::string::npos);
    CHECK(safe.find("USB install") == std::string::npos);

    // That start ended cleanly: the next is a normal one, on the installed pack, reading the stick.
    const std::filesystem::path normalLog = folder.root / "normal.log";
    CHECK(folder.runToEnd("refused.script", normalLog) == 0);
    const std::string normal = readFile(normalLog);
    INFO(normal);
    CHECK(normal.find("safe start") == std::string::npos);
    CHECK(normal.find("from the installed pack") != std::string::npos);
    CHECK(normal.find("USB install refused") != std::string::npos);
}
