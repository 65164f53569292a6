// The kiosk's command line.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::app {

struct ScreenSize {
    int width = 0;
    int height = 0;
};

struct KioskOptions {
    bool headless = false;              // offscreen video, software renderer, virtual clock
    std::optional<ScreenSize> windowed; // development: a window instead of full screen
    ScreenSize headlessSize{1280, 800};
    std::optional<std::filesystem::path> pack; // show this pack instead of the installed one
    std::optional<std::filesystem::path> dataDirectory;
    // Folders whose subfolders count as USB sticks (tests; real sticks are found under
    // /media, /run/media and /mnt). Repeatable.
    std::vector<std::filesystem::path> usbRoots;
    // Where sticks are read-only for the kiosk (a Raspberry Pi board): the statistics export
    // goes into this outbox folder and a helper copies it to the stick, leaving one line in
    // the result file (platform/raspberry-pi/README.md, "USB sticks"). Both or neither;
    // neither: the export is written onto the stick directly.
    std::optional<std::filesystem::path> usbExportOutbox;
    std::optional<std::filesystem::path> usbExportResult;
    std::optional<std::filesystem::path> script;
    std::filesystem::path shotDirectory = ".";
    std::optional<std::filesystem::path> assetDirectory;
    int idleSeconds = 90;
    bool softwareRenderer = false;
    // A renderer SDL must use, with no fallback: opengles2 or opengl (tests of the GPU path,
    // a board whose driver misbehaves). Empty: the GPU's, else software.
    std::string rendererDriver;
    // A word of the sound output's name ("HDMI", "Headphones", "USB"); "": the system's default.
    std::string soundDevice;
    int textureBudgetMegabytes = 64; // pictures' textures; least recently drawn go first
    int maximumTextureSide = 0;      // 0: the GPU's own limit (set lower to try a Pi 3's 2048)
    bool setStaffPin = false;        // read a new staff PIN from standard input, store its hash
    bool help = false;
};

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

KioskOptions parseKioskOptions(const std::vector<std::string>& arguments);
std::string kioskUsage();
// "1280x800" -> {1280, 800}; throws UsageError for anything else or sizes outside 320..8192.
ScreenSize parseScreenSize(const std::string& text);

} // namespace kiosk::app
