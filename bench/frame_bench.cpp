// Frame time of the software renderer against SDL's opengles2 renderer, on home and on a
// page: how long one whole frame takes (UI, draw lists, rasterising, present) when the screen
// must be redrawn. On this machine the GLES2 renderer is Mesa's llvmpipe, a CPU too: the ratio
// says what the GPU path costs here, not what a Raspberry Pi's GPU does.
//
//   bench-frame --pack demo.kpack --assets build/assets [--size 1280x800] [--runs 5]
//               [--frames 200]
#include "BenchKiosk.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

constexpr int kFramesPerRun = 200;

struct FrameTimes {
    double median = 0;
    double slowTenth = 0; // the 90th percentile
};

// Draws frames with the virtual clock moving, so that every one is a full redraw.
FrameTimes timeFrames(bench::BenchKiosk& kiosk, time::VirtualClock& clock) {
    std::vector<double> times;
    for (int frame = 0; frame < kFramesPerRun; ++frame) {
        clock.advance(16);
        const auto started = Clock::now();
        kiosk.runtime().renderFrame();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[times.size() * 9 / 10]};
}

struct ScreenFigures {
    std::vector<double> home;
    std::vector<double> page;
};

ScreenFigures measure(const bench::BenchOptions& options, const std::string& renderer) {
    bench::BenchOptions chosen = options;
    chosen.renderer = renderer;
    ScreenFigures figures;
    for (int run = 0; run < options.runs; ++run) {
        time::VirtualClock clock;
        bench::BenchKiosk kiosk(chosen, clock);
        // Settle home with all its pictures, then time it; the same for a page.
        for (int frame = 0; frame < 5 || !kiosk.picturesComplete(); ++frame) {
            clock.advance(16);
            kiosk.runtime().renderFrame();
            kiosk.runtime().waitForPictures();
        }
        figures.home.push_back(timeFrames(kiosk, clock).median);
        kiosk.tapText("Chương trình", clock.monotonicMilliseconds());
        for (int frame = 0; frame < 5; ++frame) {
            clock.advance(16);
            kiosk.runtime().renderFrame();
        }
        kiosk.tapText("Dự án P4EM", clock.monotonicMilliseconds());
        for (int frame = 0; frame < 5 || !kiosk.picturesComplete(); ++frame) {
            clock.advance(16);
            kiosk.runtime().renderFrame();
            kiosk.runtime().waitForPictures();
        }
        figures.page.push_back(timeFrames(kiosk, clock).median);
    }
    return figures;
}

} // namespace

int main(int argc, char** argv) {
    const char* usage = "usage: bench-frame --pack PACK --assets DIR [--size WxH] [--runs N]\n";
    const bench::BenchOptions options = bench::parseBenchOptions(argc, argv, usage);
    const ScreenFigures software = measure(options, "software");
    const ScreenFigures gles = measure(options, "opengles2");
    const double softwareHome = bench::median(software.home), glesHome = bench::median(gles.home);
    const double softwarePage = bench::median(software.page), glesPage = bench::median(gles.page);
    std::printf("frame %dx%d, medians of %d runs of %d frames\n", options.width, options.height, options.runs,
                kFramesPerRun);
    std::printf("frame home software %.2f ms, opengles2 %.2f ms, ratio %.2f\n", softwareHome, glesHome,
                glesHome / softwareHome);
    std::printf("frame page software %.2f ms, opengles2 %.2f ms, ratio %.2f\n", softwarePage, glesPage,
                glesPage / softwarePage);
    return 0;
}
