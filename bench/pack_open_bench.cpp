// Opening a pack: how long PackReader::openFile takes (it reads and checks the whole index),
// how much memory the open reader holds, and the work the kiosk does on top at start
// (every code point for the font atlas) and per page (loading one page).
//
//   bench-pack-open PACK.kpack [--runs 5]
#include "ProcessTree.hpp"
#include "pack/PackReader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point started) {
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--runs")) {
        std::fprintf(stderr, "usage: bench-pack-open PACK.kpack [--runs N]\n");
        return 2;
    }
    const int runs = argc == 4 ? std::max(1, std::stoi(argv[3])) : 5;
    using kiosk::pack::PackReader;
    std::vector<double> openTimes, codePointTimes, listTimes, pageTimes;
    bool hasList = false;
    std::uint64_t rssGrowth = 0; // of the first open: later ones reuse the freed memory
    std::size_t pages = 0, pictures = 0;
    for (int run = 0; run < runs; ++run) {
        const std::uint64_t rssBefore = kiosk::bench::ownRssKilobytes();
        auto started = Clock::now();
        std::optional<PackReader> reader(PackReader::openFile(argv[1], KIOSK_VERSION_NUMBER));
        openTimes.push_back(millisecondsSince(started));
        if (run == 0)
            rssGrowth =
                kiosk::bench::ownRssKilobytes() - std::min(rssBefore, kiosk::bench::ownRssKilobytes());

        started = Clock::now();
        const std::size_t codePoints = reader->usedCodePoints().size();
        codePointTimes.push_back(millisecondsSince(started));
        // What the kiosk does at start-up: the pack's own list when it has one.
        started = Clock::now();
        const std::size_t listed = reader->charactersToDraw().size();
        listTimes.push_back(millisecondsSince(started));
        hasList = reader->metadata().characters.has_value() && listed == codePoints;

        const auto& index = reader->index();
        pages = index.pages.size();
        started = Clock::now();
        pictures = 0;
        for (const auto& page : index.pages) {
            const auto content = reader->loadPage(page.id, index.metadata.defaultLanguage);
            pictures += 1 + content.gallery.size();
        }
        pageTimes.push_back(millisecondsSince(started) /
                            static_cast<double>(std::max<std::size_t>(1, pages)));
        if (run == 0)
            std::printf("pack %s: %zu pages, %zu pictures on pages, %zu code points\n", argv[1], pages,
                        pictures, codePoints);
    }
    std::printf("pack open: open_ms=%.1f rss_growth_kb(first open)=%llu used_code_points_ms=%.1f "
                "characters_to_draw_ms=%.3f%s load_page_ms=%.3f (medians of %d)\n",
                median(openTimes), static_cast<unsigned long long>(rssGrowth), median(codePointTimes),
                median(listTimes), hasList ? "(the pack's list)" : "(no list in the pack: read every page)",
                median(pageTimes), runs);
    return 0;
}
