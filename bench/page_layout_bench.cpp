// bench-page-layout: what the longest page the format allows costs to show, against a page of
// the demo pack, at the smallest and the largest supported screen (800x480 and 1920x1080). The
// worst page (tests/install/WorstAllowedPack.hpp) has every block and character a page may
// have (300 blocks, 20000 characters), a gallery of 50 pictures with the longest captions and
// the longest title, summary and poll question. ImGui lays text out again in every frame it
// draws, so the figure that matters is a frame's time: the time to the first frame of the
// page, then the median and slowest tenth of 200 frames while a finger scrolls it. Memory is the
// process's resident size with that page open (VmRSS), after the demo's.
//
//   bench-page-layout --pack build/demo.kpack --assets build/assets [--runs 3]
#include "BenchKiosk.hpp"
#include "WorstAllowedPack.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

constexpr int kFrames = 200;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long residentKibibytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmRSS:"))
            return std::stol(line.substr(6));
    return -1;
}

// The worst pack's texts are all the same phrase, so a label does not tell its tiles apart:
// the largest touch target showing it, the top left one of those (the first category, the
// first page, which are the fullest).
bool tapFirstLargest(bench::BenchKiosk& kiosk, const std::string& text, std::int64_t now) {
    const ui::VisibleItem* chosen = nullptr;
    const auto area = [](const ui::VisibleItem& item) {
        return (item.maximum.x - item.minimum.x) * (item.maximum.y - item.minimum.y);
    };
    for (const ui::VisibleItem& item : kiosk.runtime().ui().lastFrame().items()) {
        if (!item.touchable || item.text.find(text) == std::string::npos)
            continue;
        if (!chosen || area(item) > area(*chosen) + 1 ||
            (area(item) >= area(*chosen) - 1 &&
             (item.minimum.y < chosen->minimum.y ||
              (item.minimum.y == chosen->minimum.y && item.minimum.x < chosen->minimum.x))))
            chosen = &item;
    }
    if (!chosen)
        return false;
    const ImVec2 centre = chosen->centre();
    kiosk.tapAt(centre.x, centre.y, now - 60, now);
    return true;
}

void settle(bench::BenchKiosk& kiosk, time::VirtualClock& clock) {
    for (int frame = 0; frame < 5 || !kiosk.picturesComplete(); ++frame) {
        clock.advance(16);
        kiosk.runtime().renderFrame();
        kiosk.runtime().waitForPictures();
    }
}

struct PageFigures {
    double firstFrame = 0; // from the tap to the page drawn once (pictures may still be coming)
    int firstFrameVertices = 0;
    int mostVertices = 0; // in one of the scrolling frames
    double median = 0;
    double slowTenth = 0;
    long residentKibibytes = 0;
};

// Opens the page with `open` (a tap), then scrolls it with a drag every 20 frames, so that the
// frames draw other parts of the page.
template <typename Open>
PageFigures measurePage(bench::BenchKiosk& kiosk, time::VirtualClock& clock, Open open) {
    PageFigures figures;
    if (!open())
        throw std::runtime_error("could not open the page");
    clock.advance(16);
    const auto started = Clock::now();
    kiosk.runtime().renderFrame();
    figures.firstFrame = millisecondsSince(started);
    figures.firstFrameVertices = ImGui::GetDrawData()->TotalVtxCount;
    settle(kiosk, clock);
    std::vector<double> times;
    const ImVec2 screen = kiosk.runtime().screenSize();
    for (int frame = 0; frame < kFrames; ++frame) {
        // Ten frames of a finger moving up by 60% of the screen, then ten of the page gliding.
        const int step = frame % 20;
        const input::Point finger{screen.x / 2, screen.y * (0.8f - 0.06f * static_cast<float>(step))};
        input::GestureRecognizer& gestures = kiosk.runtime().gestures();
        if (step == 0)
            gestures.pointerDown(finger, clock.monotonicMilliseconds());
        else if (step < 10)
            gestures.pointerMove(finger, clock.monotonicMilliseconds());
        else if (step == 10)
            gestures.pointerUp(finger, clock.monotonicMilliseconds());
        clock.advance(16);
        const auto frameStarted = Clock::now();
        kiosk.runtime().renderFrame();
        times.push_back(millisecondsSince(frameStarted));
        figures.mostVertices = std::max(figures.mostVertices, ImGui::GetDrawData()->TotalVtxCount);
    }
    std::sort(times.begin(), times.end());
    figures.median = times[times.size() / 2];
    figures.slowTenth = times[times.size() * 9 / 10];
    figures.residentKibibytes = residentKibibytes();
    return figures;
}

} // namespace

int main(int argc, char** argv) {
    const char* usage = "usage: bench-page-layout --pack DEMO.kpack --assets DIR [--runs N]\n";
    bench::BenchOptions options = bench::parseBenchOptions(argc, argv, usage);
    try {
        char folderTemplate[] = "/tmp/bench-page-layout-XXXXXX";
        if (!mkdtemp(folderTemplate))
            throw std::runtime_error("cannot make a temporary folder");
        const std::filesystem::path worstPack = std::filesystem::path(folderTemplate) / "worst.kpack";
        install::test::writeWorstAllowedPack(worstPack, 3);
        std::printf("%-10s %-6s %14s %12s %14s %10s %16s %14s\n", "screen", "page", "first frame ms",
                    "median ms", "slowest 10% ms", "RSS MiB", "first vertices", "most vertices");
        for (const auto& [width, height] : {std::pair{800, 480}, std::pair{1920, 1080}}) {
            options.width = width;
            options.height = height;
            std::vector<double> demoMedians, worstMedians;
            for (int run = 0; run < options.runs; ++run) {
                PageFigures demo, worst;
                {
                    time::VirtualClock clock;
                    bench::BenchKiosk kiosk(options, clock);
                    settle(kiosk, clock);
                    kiosk.tapText("Chương trình", clock.monotonicMilliseconds());
                    settle(kiosk, clock);
                    demo = measurePage(kiosk, clock, [&] {
                        return kiosk.tapText("Dự án P4EM", clock.monotonicMilliseconds());
                    });
                }
                {
                    bench::BenchOptions worstOptions = options;
                    worstOptions.pack = worstPack;
                    time::VirtualClock clock;
                    bench::BenchKiosk kiosk(worstOptions, clock);
                    settle(kiosk, clock);
                    tapFirstLargest(kiosk, "Chính sách", clock.monotonicMilliseconds());
                    settle(kiosk, clock);
                    worst = measurePage(kiosk, clock, [&] {
                        return tapFirstLargest(kiosk, "Chính sách", clock.monotonicMilliseconds());
                    });
                }
                for (const auto& [name, figures] : {std::pair{"demo", demo}, std::pair{"worst", worst}})
                    std::printf("%4dx%-5d %-6s %14.1f %12.2f %14.2f %10.1f %16d %14d\n", width, height, name,
                                figures.firstFrame, figures.median, figures.slowTenth,
                                figures.residentKibibytes / 1024.0, figures.firstFrameVertices,
                                figures.mostVertices);
                demoMedians.push_back(demo.median);
                worstMedians.push_back(worst.median);
            }
            std::printf("%dx%d: the worst page's frame is %.1f times the demo page's (medians of %d runs)\n",
                        width, height, bench::median(worstMedians) / bench::median(demoMedians),
                        options.runs);
        }
        std::filesystem::remove_all(folderTemplate);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench-page-layout: %s\n", error.what());
        return 1;
    }
    return 0;
}
