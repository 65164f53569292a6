// Soak: a very large number of taps through the whole pack, on the virtual clock, choosing
// among the touch targets of each frame with a fixed seed (so every run taps the same way),
// and returning home now and then so that every category and page gets visited. Prints the
// resident memory after warming up and at the end, which must stay flat, and how many
// different pages were seen. Run under AddressSanitizer by bench/run-all for leaks.
//
//   bench-soak --pack demo.kpack --assets build/assets [--taps 100000] [--size 800x480]
#include "BenchKiosk.hpp"
#include "ProcessTree.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

int main(int argc, char** argv) {
    using namespace kiosk;
    const char* usage =
        "usage: bench-soak --pack P --assets DIR [--taps N] [--size WxH] [--texture-budget-mb N]\n";
    const bench::BenchOptions options = bench::parseBenchOptions(argc, argv, usage);
    time::VirtualClock clock;
    bench::BenchKiosk kiosk(options, clock);
    platform::KioskRuntime& runtime = kiosk.runtime();
    std::mt19937 random(20240601);
    std::set<std::string> pagesSeen;
    const long warmUpTaps = std::min(options.taps / 10, 1000L);
    std::uint64_t warmRss = 0;
    const std::uint64_t startRss = bench::ownRssKilobytes();
    const auto started = std::chrono::steady_clock::now();

    runtime.renderFrame();
    for (long tap = 0; tap < options.taps; ++tap) {
        if (tap == warmUpTaps)
            warmRss = bench::ownRssKilobytes();
        std::vector<const ui::VisibleItem*> targets;
        for (const ui::VisibleItem& item : runtime.ui().lastFrame().items())
            if (item.touchable)
                targets.push_back(&item);
        if (runtime.ui().screen() == ui::ScreenKind::Page) {
            // The UI does not say which page is open; its tallest text (the title) tells pages apart.
            const ui::VisibleItem* title = nullptr;
            for (const ui::VisibleItem& item : runtime.ui().lastFrame().items())
                if (!item.touchable &&
                    (!title || item.maximum.y - item.minimum.y > title->maximum.y - title->minimum.y))
                    title = &item;
            if (title)
                pagesSeen.insert(title->text);
        }
        // Walk the pack as a villager would: tiles lead deeper (category, page, gallery
        // picture), the viewer's "next" and "close", "back" and "home" lead out again.
        auto area = [](const ui::VisibleItem* item) {
            return (item->maximum.x - item->minimum.x) * (item->maximum.y - item->minimum.y);
        };
        float largest = 0;
        for (const ui::VisibleItem* item : targets)
            largest = std::max(largest, area(item));
        std::vector<const ui::VisibleItem*> big;
        for (const ui::VisibleItem* item : targets)
            if (area(item) >= largest / 2)
                big.push_back(item);
        const ui::FrameRecord& visible = runtime.ui().lastFrame();
        const int dice = std::uniform_int_distribution<int>(0, 9)(random);
        const ui::VisibleItem* chosen = nullptr;
        if (const ui::VisibleItem* close = visible.findTouchable("Đóng")) { // the picture viewer, or a dialog
            const ui::VisibleItem* next = visible.findTouchable("Tiếp");
            chosen = next && dice < 6 ? next : close;
        } else if (runtime.ui().screen() == ui::ScreenKind::Category && dice < 2) {
            chosen = visible.findTouchable("Quay lại");
        } else if (runtime.ui().screen() == ui::ScreenKind::Page && dice < 6) {
            chosen = visible.findTouchable(dice < 3 ? "Quay lại" : "Trang chủ");
        }
        if (!chosen && !big.empty())
            chosen = big[std::uniform_int_distribution<std::size_t>(0, big.size() - 1)(random)];
        if (std::getenv("BENCH_SOAK_TRACE"))
            std::fprintf(stderr, "tap %ld screen %d chose '%s' of %zu targets\n", tap,
                         static_cast<int>(runtime.ui().screen()), chosen ? chosen->text.c_str() : "-",
                         targets.size());
        const ImVec2 point =
            chosen ? chosen->centre() : ImVec2(runtime.screenSize().x / 2, runtime.screenSize().y / 2);
        const std::int64_t down = clock.monotonicMilliseconds();
        clock.advance(60);
        kiosk.tapAt(point.x, point.y, down, clock.monotonicMilliseconds());
        for (int frame = 0; frame < 2; ++frame) {
            clock.advance(16);
            runtime.renderFrame();
        }
        // Pictures arrive as they would between taps; keeps the texture cache churning.
        if (runtime.waitForPictures())
            runtime.renderFrame();
        if (tap % 10000 == 9999)
            std::fprintf(stderr, "bench-soak: %ld taps, rss %llu kB\n", tap + 1,
                         static_cast<unsigned long long>(bench::ownRssKilobytes()));
    }
    const std::uint64_t endRss = bench::ownRssKilobytes();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const platform::PictureStatistics pictures = runtime.pictureStatistics();
    std::printf("soak %dx%d taps=%ld: rss_start_kb=%llu rss_after_warmup_kb=%llu rss_end_kb=%llu "
                "growth_after_warmup=%.2f%% distinct_page_views=%zu texture_uploads=%llu evictions=%llu "
                "cache_peak_mb=%.1f wall_s=%.0f\n",
                options.width, options.height, options.taps, static_cast<unsigned long long>(startRss),
                static_cast<unsigned long long>(warmRss), static_cast<unsigned long long>(endRss),
                warmRss ? 100.0 * (static_cast<double>(endRss) - static_cast<double>(warmRss)) /
                              static_cast<double>(warmRss)
                        : 0.0,
                pagesSeen.size(), static_cast<unsigned long long>(pictures.uploads),
                static_cast<unsigned long long>(pictures.cache.evictions),
                static_cast<double>(pictures.cache.peakBytes) / (1024.0 * 1024.0), seconds);
    return 0;
}
