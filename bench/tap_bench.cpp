// Tap to pictures: from the finger leaving the glass on a page's tile to (a) the first frame
// that shows the page and (b) the first frame in which all its pictures are drawn, on the
// software renderer at real time, frames paced at 60 a second as the kiosk's loop does.
// Also counts the frames drawn while the pictures were loading and the longest of them:
// the UI must keep moving (with --decoder-threads 0 the decoding happens inside a frame,
// which is how the kiosk worked before, for comparison).
//
//   bench-tap --pack photos.kpack --assets build/assets --size 1280x800 [--runs 5]
//             [--decoder-threads -1] [--category "Hình ảnh"] [--page "Ngày hội"]
#include "BenchKiosk.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

constexpr auto kFrame = std::chrono::milliseconds(16);
constexpr std::uint64_t kPagePhotos = 6; // bench-make-sources photos: a cover and five in the gallery

double millisecondsBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// Draws paced frames until `done` holds after a frame (at most ten seconds).
template <typename Done> void renderUntil(bench::BenchKiosk& kiosk, Done done) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    do {
        const auto started = Clock::now();
        kiosk.runtime().renderFrame();
        std::this_thread::sleep_until(started + kFrame);
    } while (!done() && Clock::now() < deadline);
}

struct TapResult {
    double firstFrameMilliseconds = 0;
    double allPicturesMilliseconds = 0;
    double longestFrameMilliseconds = 0;
    int framesWhileLoading = 0;
};

TapResult measureOnce(const bench::BenchOptions& options, const std::string& category,
                      const std::string& page) {
    const time::SystemClock clock;
    bench::BenchKiosk kiosk(options, clock);
    renderUntil(kiosk, [&] { return kiosk.picturesComplete(); });
    if (!kiosk.tapText(category, clock.monotonicMilliseconds()))
        throw std::runtime_error("no tile \"" + category + "\" on the home screen");
    renderUntil(kiosk, [&] {
        return kiosk.runtime().ui().screen() == ui::ScreenKind::Category && kiosk.picturesComplete();
    });
    renderUntil(kiosk, [] { return false; }); // let the first tap's release settle
    if (!kiosk.tapText(page, clock.monotonicMilliseconds()))
        throw std::runtime_error("no tile \"" + page + "\" on the category screen");

    TapResult result;
    const std::uint64_t uploadsBefore = kiosk.runtime().pictureStatistics().uploads;
    const auto tapped = Clock::now();
    bool pageShown = false;
    while (millisecondsBetween(tapped, Clock::now()) < 20000) {
        const auto started = Clock::now();
        kiosk.runtime().renderFrame();
        const auto finished = Clock::now();
        if (pageShown) {
            ++result.framesWhileLoading;
            result.longestFrameMilliseconds =
                std::max(result.longestFrameMilliseconds, millisecondsBetween(started, finished));
        }
        if (!pageShown && kiosk.runtime().ui().screen() == ui::ScreenKind::Page) {
            pageShown = true;
            result.firstFrameMilliseconds = millisecondsBetween(tapped, finished);
            result.longestFrameMilliseconds = millisecondsBetween(started, finished);
        }
        if (std::getenv("BENCH_TAP_TRACE")) {
            const auto statistics = kiosk.runtime().pictureStatistics();
            std::fprintf(stderr, "t=%.1f screen=%d pending=%zu placeholders=%zu uploads=%llu\n",
                         millisecondsBetween(tapped, finished),
                         static_cast<int>(kiosk.runtime().ui().screen()), statistics.pending,
                         statistics.placeholdersLastFrame,
                         static_cast<unsigned long long>(statistics.uploads));
        }
        // The page's six photos are new textures (the category screen showed only the cover's
        // thumbnail), so "all pictures" also means six more uploads than before the tap.
        const bool allUploaded = kiosk.runtime().pictureStatistics().uploads >= uploadsBefore + kPagePhotos;
        if (pageShown && allUploaded && kiosk.picturesComplete()) {
            result.allPicturesMilliseconds = millisecondsBetween(tapped, finished);
            return result;
        }
        std::this_thread::sleep_until(started + kFrame);
    }
    throw std::runtime_error("the page's pictures did not all arrive within 20 s");
}

} // namespace

int main(int argc, char** argv) {
    std::string category = "Hình ảnh", page = "Ngày hội";
    std::vector<char*> rest{argv[0]};
    for (int index = 1; index < argc; ++index) {
        const std::string name = argv[index];
        if ((name == "--category" || name == "--page") && index + 1 < argc)
            (name == "--category" ? category : page) = argv[++index];
        else
            rest.push_back(argv[index]);
    }
    const char* usage =
        "usage: bench-tap --pack P --assets DIR [--size WxH] [--runs N] [--decoder-threads N]\n"
        "                 [--category TITLE] [--page TITLE]\n";
    const bench::BenchOptions options =
        bench::parseBenchOptions(static_cast<int>(rest.size()), rest.data(), usage);
    try {
        std::vector<double> first, all, longest, frames;
        for (int run = 0; run < options.runs; ++run) {
            const TapResult result = measureOnce(options, category, page);
            first.push_back(result.firstFrameMilliseconds);
            all.push_back(result.allPicturesMilliseconds);
            longest.push_back(result.longestFrameMilliseconds);
            frames.push_back(result.framesWhileLoading);
        }
        std::printf(
            "tap %dx%d decoder_threads=%d runs=%d: tap_to_first_frame_ms=%.1f tap_to_all_pictures_ms=%.1f "
            "frames_while_loading=%.0f longest_frame_ms=%.1f (medians)\n",
            options.width, options.height, options.decoderThreads, options.runs, bench::median(first),
            bench::median(all), bench::median(frames), bench::median(longest));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench-tap: %s\n", error.what());
        return 1;
    }
    return 0;
}
