// The accelerated renderer a board uses (SDL's opengles2 renderer; on this machine Mesa's
// llvmpipe under EGL with the offscreen video driver) draws the same four screens as the
// software renderer every other test looks at, within a stated tolerance.
#include "Screenshot.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

// Measured on 2026-12-04 (Mesa 22.3 llvmpipe): home 31.5 dB, page 33.8, viewer 54.9, staff
// 39.8. What differs is texture filtering at the edges of scaled pictures; a different
// screen scores under 15 dB.
constexpr double kSameScreenDecibels = 28.0;
constexpr double kOtherScreenDecibels = 20.0;

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

struct RendererRun {
    std::filesystem::path shots;
    std::string errorOutput;
    int exitCode = -1;
};

// A data folder with the staff PIN and a kiosk id, copied for each run: the staff view shows
// the id, which must be the same on both screens.
std::filesystem::path startingData() {
    const std::filesystem::path data = std::filesystem::path(KIOSK_E2E_OUTPUT) / "renderer-data";
    std::filesystem::remove_all(data);
    std::filesystem::create_directories(data);
    const int stored = std::system(("echo 2468 | " + quoted(KIOSK_BINARY) + " --set-staff-pin --data-dir " +
                                    quoted(data.string()) + " 2>/dev/null && " + quoted(KIOSK_BINARY) +
                                    " --headless --data-dir " + quoted(data.string()) + " --shot-dir " +
                                    quoted(data.string()) + " 2>/dev/null")
                                       .c_str());
    REQUIRE(WEXITSTATUS(stored) == 0);
    return data;
}

RendererRun renderScreens(const std::string& renderer, const std::filesystem::path& startingData) {
    RendererRun run;
    run.shots = std::filesystem::path(KIOSK_E2E_OUTPUT) / ("renderer-" + renderer);
    std::filesystem::remove_all(run.shots);
    const std::filesystem::path data = run.shots / "data";
    std::filesystem::create_directories(run.shots);
    std::filesystem::copy(startingData, data, std::filesystem::copy_options::recursive);
    const std::filesystem::path log = run.shots / "stderr.txt";
    const int status =
        std::system((quoted(KIOSK_BINARY) + " --headless --renderer " + renderer + " --data-dir " +
                     quoted(data.string()) + " --script " +
                     quoted(std::string(KIOSK_E2E_SCRIPTS) + "/renderer-screens.script") + " --shot-dir " +
                     quoted(run.shots.string()) + " 2> " + quoted(log.string()))
                        .c_str());
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::stringstream content;
    content << std::ifstream(log).rdbuf();
    run.errorOutput = content.str();
    return run;
}

} // namespace

TEST_CASE(
    "the opengles2 renderer draws home, a page, the picture viewer and the staff view as software does") {
    const std::filesystem::path data = startingData();
    const RendererRun software = renderScreens("software", data);
    INFO(software.errorOutput);
    REQUIRE(software.exitCode == 0);
    const RendererRun gles = renderScreens("opengles2", data);
    INFO(gles.errorOutput);
    REQUIRE(gles.exitCode == 0);
    // It really ran on the GPU path: a named renderer never falls back to software.
    CHECK(gles.errorOutput.find("kiosk: renderer opengles2") != std::string::npos);
    CHECK(software.errorOutput.find("kiosk: renderer software") != std::string::npos);

    for (const char* screen : {"home.png", "page.png", "viewer.png", "staff.png"}) {
        CAPTURE(screen);
        const Screenshot drawnInSoftware((software.shots / screen).string());
        const Screenshot drawnOnGpu((gles.shots / screen).string());
        const double decibels = drawnOnGpu.peakSignalToNoise(drawnInSoftware);
        MESSAGE(std::string(screen) << ": opengles2 against software " << decibels << " dB");
        CHECK(decibels >= kSameScreenDecibels);
        // Not a blank or stale frame that happens to be close: many colours, as software has.
        CHECK(drawnOnGpu.distinctColours(drawnOnGpu.whole()) >
              drawnInSoftware.distinctColours(drawnInSoftware.whole()) / 2);
    }
    // The measure tells screens apart.
    const Screenshot home((gles.shots / "home.png").string());
    const Screenshot page((software.shots / "page.png").string());
    CHECK(home.peakSignalToNoise(page) < kOtherScreenDecibels);
}

TEST_CASE("a renderer that cannot start is an error naming it, not a silent fallback") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "renderer-missing";
    std::filesystem::create_directories(folder);
    const std::filesystem::path log = folder / "stderr.txt";
    // No GL library can load from an empty search path of EGL drivers.
    const int status =
        std::system(("SDL_VIDEO_EGL_DRIVER=/nonexistent/libEGL.so " + quoted(KIOSK_BINARY) +
                     " --headless --renderer opengles2 --data-dir " + quoted((folder / "data").string()) +
                     " --shot-dir " + quoted(folder.string()) + " 2> " + quoted(log.string()))
                        .c_str());
    std::stringstream content;
    content << std::ifstream(log).rdbuf();
    INFO(content.str());
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(content.str().find("cannot start the opengles2 renderer") != std::string::npos);
    CHECK(content.str().find("kiosk: renderer software") == std::string::npos);
}
