#include "BenchKiosk.hpp"

#include "app/KioskOptions.hpp"
#include "os/FileSystem.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kiosk::bench {

namespace {

text::UiStrings loadStrings(const std::filesystem::path& assets) {
    const std::filesystem::path file = assets / "strings" / "ui.tsv";
    return text::UiStrings::parse(os::readTextFile(file, 1 << 20), file.string());
}

} // namespace

namespace {

// Before SDL_Init: no display, no sound, as in the kiosk's --headless runs.
Uint32 headlessSubsystems() {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    return SDL_INIT_VIDEO | SDL_INIT_EVENTS;
}

} // namespace

struct BenchKiosk::SdlSession {
    platform::SdlLibrary library{headlessSubsystems()};
};

BenchOptions parseBenchOptions(int argc, char** argv, const char* usage) {
    BenchOptions options;
    for (int index = 1; index < argc; ++index) {
        const std::string name = argv[index];
        if (index + 1 >= argc) {
            std::fprintf(stderr, "%s", usage);
            std::exit(2);
        }
        const std::string value = argv[++index];
        if (name == "--pack") {
            options.pack = value;
        } else if (name == "--assets") {
            options.assets = value;
        } else if (name == "--size") {
            const app::ScreenSize size = app::parseScreenSize(value);
            options.width = size.width;
            options.height = size.height;
        } else if (name == "--decoder-threads") {
            options.decoderThreads = std::stoi(value);
        } else if (name == "--texture-budget-mb") {
            options.textureBudgetMegabytes = std::stoul(value);
        } else if (name == "--runs") {
            options.runs = std::max(1, std::stoi(value));
        } else if (name == "--taps") {
            options.taps = std::stol(value);
        } else if (name == "--renderer") {
            options.renderer = value;
        } else {
            std::fprintf(stderr, "%s", usage);
            std::exit(2);
        }
    }
    if (options.pack.empty() || options.assets.empty()) {
        std::fprintf(stderr, "%s", usage);
        std::exit(2);
    }
    return options;
}

BenchKiosk::BenchKiosk(const BenchOptions& options, const time::Clock& clock)
    : sdl_(std::make_unique<SdlSession>()), strings_(loadStrings(options.assets)),
      pack_(pack::PackReader::openFile(options.pack, KIOSK_VERSION_NUMBER)) {
    platform::RuntimeSettings settings;
    settings.width = options.width;
    settings.height = options.height;
    settings.fullScreen = false;
    settings.softwareRenderer = options.renderer == "software";
    if (!settings.softwareRenderer)
        settings.rendererDriver = options.renderer;
    settings.vsync = false;
    settings.assetDirectory = options.assets;
    settings.textureBudgetMegabytes = options.textureBudgetMegabytes;
    settings.pictureDecoderThreads = options.decoderThreads;
    runtime_ = std::make_unique<platform::KioskRuntime>(settings, pack_, strings_, clock);
}

BenchKiosk::~BenchKiosk() = default;

void BenchKiosk::tapAt(float x, float y, std::int64_t downMilliseconds, std::int64_t upMilliseconds) {
    runtime_->gestures().pointerDown({x, y}, downMilliseconds);
    runtime_->gestures().pointerUp({x, y}, upMilliseconds);
}

bool BenchKiosk::tapText(const std::string& text, std::int64_t nowMilliseconds) {
    const ui::VisibleItem* item = runtime_->ui().lastFrame().findTouchable(text);
    if (!item)
        return false;
    const ImVec2 centre = item->centre();
    tapAt(centre.x, centre.y, nowMilliseconds - 60, nowMilliseconds);
    return true;
}

bool BenchKiosk::picturesComplete() const {
    const platform::PictureStatistics statistics = runtime_->pictureStatistics();
    return statistics.pending == 0 && statistics.placeholdersLastFrame == 0;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace kiosk::bench
