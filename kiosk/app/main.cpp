// The kiosk program: full screen on the installed pack, or headless on a script.
#include "HeadlessRunner.hpp"
#include "KioskRuntime.hpp"
#include "KioskSession.hpp"
#include "PackChoice.hpp"
#include "app/KioskOptions.hpp"
#include "os/FileSystem.hpp"
#include "os/Log.hpp"
#include "script/Script.hpp"
#include "staff/StaffAccess.hpp"
#include "text/UiStrings.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace {

using namespace kiosk;

std::filesystem::path locateAssets(const app::KioskOptions& options, const char* programPath) {
    if (options.assetDirectory)
        return *options.assetDirectory;
    std::error_code error;
    const std::filesystem::path program = std::filesystem::canonical("/proc/self/exe", error);
    const std::filesystem::path besideProgram =
        (error ? std::filesystem::path(programPath) : program).parent_path().parent_path() / "assets";
    if (std::filesystem::exists(besideProgram / "strings" / "ui.tsv", error))
        return besideProgram;
    return "/usr/share/commune-kiosk/assets";
}

// Runs the kiosk on one clock: the real one, or the harness's virtual one with a script.
int runOnClock(const app::KioskOptions& options, const text::UiStrings& strings, app::PackChoice pack,
               const platform::RuntimeSettings& settings, time::Clock& clock,
               time::VirtualClock* virtualClock) {
    app::KioskSession session(options, std::move(pack), strings, settings, clock);
    if (!virtualClock) {
        // Only a development window may be closed from the keyboard; in kiosk mode nothing a
        // villager can press leaves the kiosk.
        session.runtime().runUntilQuit(options.windowed.has_value());
        session.endedCleanly();
        return 0;
    }
    std::vector<script::Command> commands;
    if (options.script)
        commands = script::parseScript(os::readTextFile(*options.script, 1 << 20), options.script->string());
    std::filesystem::create_directories(options.shotDirectory);
    platform::HeadlessRunner runner(session.runtime(), *virtualClock, options.shotDirectory);
    const auto failure = runner.run(commands);
    // A script that stops at a failed check still ended under control: not a crash.
    session.endedCleanly();
    if (failure) {
        std::cerr << (options.script ? options.script->string() : "script") << ":" << failure->lineNumber
                  << ": " << failure->message;
        return 1;
    }
    return 0;
}

int runKiosk(const app::KioskOptions& options, const char* programPath) {
    const std::filesystem::path assets = locateAssets(options, programPath);
    const std::filesystem::path stringsFile = assets / "strings" / "ui.tsv";
    const text::UiStrings strings =
        text::UiStrings::parse(os::readTextFile(stringsFile, 1 << 20), stringsFile.string());
    app::PackChoice pack = app::choosePack(options);
    os::log("showing ", pack.reader->metadata().packId, " version ", pack.reader->metadata().packVersion,
            " from ", pack.origin);

    if (options.headless) {
        // Tests and benchmarks: no display, no sound, drawn in software.
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
        setenv("SDL_AUDIODRIVER", "dummy", 0);
    }
    const platform::SdlLibrary sdl(SDL_INIT_VIDEO | SDL_INIT_EVENTS);

    platform::RuntimeSettings settings;
    settings.assetDirectory = assets;
    settings.kiosk.idleTimeoutMilliseconds = static_cast<std::int64_t>(options.idleSeconds) * 1000;
    // Headless draws in software unless a test names a GPU renderer (Mesa under EGL).
    settings.rendererDriver = options.rendererDriver;
    settings.softwareRenderer =
        options.softwareRenderer || (options.headless && options.rendererDriver.empty());
    settings.soundDevice = options.soundDevice;
    settings.textureBudgetMegabytes = static_cast<std::size_t>(options.textureBudgetMegabytes);
    settings.maximumTextureSide = options.maximumTextureSide;
    if (options.headless) {
        settings.fullScreen = false;
        settings.vsync = false;
        settings.width = options.headlessSize.width;
        settings.height = options.headlessSize.height;
        time::VirtualClock clock;
        return runOnClock(options, strings, std::move(pack), settings, clock, &clock);
    }
    if (options.windowed) {
        settings.fullScreen = false;
        settings.width = options.windowed->width;
        settings.height = options.windowed->height;
    }
    time::SystemClock clock;
    return runOnClock(options, strings, std::move(pack), settings, clock, nullptr);
}

// `kiosk --set-staff-pin`: the PIN comes on standard input so it is not left in shell history.
int setStaffPin(const app::KioskOptions& options) {
    std::string pin;
    std::getline(std::cin, pin);
    const std::filesystem::path dataDirectory = options.dataDirectory.value_or(app::defaultDataDirectory());
    staff::StaffAccess::storePin(dataDirectory, pin);
    os::log("staff PIN stored in ", staff::StaffAccess::pinFile(dataDirectory).string());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const app::KioskOptions options =
            app::parseKioskOptions(std::vector<std::string>(argv + 1, argv + argc));
        if (options.help) {
            std::cout << app::kioskUsage();
            return 0;
        }
        if (options.setStaffPin)
            return setStaffPin(options);
        return runKiosk(options, argv[0]);
    } catch (const app::UsageError& error) {
        os::log(error.what());
        std::cerr << app::kioskUsage();
        return 2;
    } catch (const std::exception& error) {
        os::log("error: ", error.what());
        return 1;
    }
}
