#include "LoopFixture.hpp"

#include "os/FileSystem.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

namespace kiosk::testing {

OffscreenSdl::OffscreenSdl() {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
}

OffscreenSdl::~OffscreenSdl() {
    SDL_Quit();
}

namespace {

text::UiStrings loadStrings() {
    const std::filesystem::path file = std::filesystem::path(KIOSK_ASSET_DIR) / "strings" / "ui.tsv";
    return text::UiStrings::parse(os::readTextFile(file, 1 << 20), file.string());
}

float firstItemBelowTopBar(const ui::FrameRecord& record, float topBarBottom) {
    for (const ui::VisibleItem& item : record.items())
        if (item.touchable && item.minimum.y >= topBarBottom)
            return item.minimum.y;
    return 0;
}

} // namespace

LoopKiosk::LoopKiosk(const time::Clock& clock, int width, int height)
    : strings_(loadStrings()), pack_(pack::PackReader::openFile(KIOSK_DEMO_PACK, KIOSK_VERSION_NUMBER)) {
    platform::RuntimeSettings settings;
    settings.width = width;
    settings.height = height;
    settings.fullScreen = false;
    settings.softwareRenderer = true;
    settings.vsync = false;
    settings.assetDirectory = KIOSK_ASSET_DIR;
    runtime_ = std::make_unique<platform::KioskRuntime>(settings, pack_, strings_, clock);
    runtime_->setFramePresentedHook([this, &clock, height] {
        const ui::KioskUi& ui = runtime_->ui();
        std::vector<std::string> texts;
        for (const ui::VisibleItem& item : ui.lastFrame().items())
            texts.push_back(item.text);
        presented_.push_back(
            PresentedFrame{clock.monotonicMilliseconds(), ui.screen(), ui.isStaffViewOpen(),
                           runtime_->pictureStatistics().placeholdersLastFrame,
                           firstItemBelowTopBar(ui.lastFrame(), static_cast<float>(height) * 0.13f),
                           ui.isIdleWarningShown(), std::move(texts)});
    });
}

LoopKiosk::~LoopKiosk() = default;

ImVec2 LoopKiosk::locate(const std::string& text) const {
    const ui::VisibleItem* item = runtime_->ui().lastFrame().findTouchable(text);
    INFO("looking for \"" << text << "\" among:\n" << runtime_->ui().lastFrame().describe());
    REQUIRE(item != nullptr);
    return item->centre();
}

namespace {

SDL_Event fingerEvent(Uint32 type, ImVec2 at, ImVec2 screen) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 1;
    event.tfinger.x = at.x / screen.x;
    event.tfinger.y = at.y / screen.y;
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    return event;
}

SDL_Event mouseButtonEvent(Uint32 type, ImVec2 at) {
    SDL_Event event{};
    event.type = type;
    event.button.which = 0; // a real mouse or an absolute pointer, not SDL_TOUCH_MOUSEID
    event.button.button = SDL_BUTTON_LEFT;
    event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    event.button.x = static_cast<Sint32>(at.x);
    event.button.y = static_cast<Sint32>(at.y);
    return event;
}

} // namespace

SDL_Event pointerDown(Pointer pointer, ImVec2 at, ImVec2 screen) {
    return pointer == Pointer::Finger ? fingerEvent(SDL_FINGERDOWN, at, screen)
                                      : mouseButtonEvent(SDL_MOUSEBUTTONDOWN, at);
}

SDL_Event pointerUp(Pointer pointer, ImVec2 at, ImVec2 screen) {
    return pointer == Pointer::Finger ? fingerEvent(SDL_FINGERUP, at, screen)
                                      : mouseButtonEvent(SDL_MOUSEBUTTONUP, at);
}

SDL_Event pointerMove(Pointer pointer, ImVec2 at, ImVec2 screen) {
    if (pointer == Pointer::Finger)
        return fingerEvent(SDL_FINGERMOTION, at, screen);
    SDL_Event event{};
    event.type = SDL_MOUSEMOTION;
    event.motion.which = 0;
    event.motion.state = SDL_BUTTON_LMASK;
    event.motion.x = static_cast<Sint32>(at.x);
    event.motion.y = static_cast<Sint32>(at.y);
    return event;
}

SDL_Event quitEvent() {
    SDL_Event event{};
    event.type = SDL_QUIT;
    return event;
}

void ScriptedEvents::at(std::int64_t milliseconds, std::function<SDL_Event()> make) {
    const auto later =
        std::upper_bound(scheduled_.begin(), scheduled_.end(), milliseconds,
                         [](std::int64_t time, const Scheduled& entry) { return time < entry.milliseconds; });
    scheduled_.insert(later, Scheduled{milliseconds, std::move(make)});
}

bool ScriptedEvents::waitEvent(SDL_Event& event, int timeoutMilliseconds) {
    const std::int64_t now = clock_.monotonicMilliseconds();
    if (!scheduled_.empty() && scheduled_.front().milliseconds <= now + timeoutMilliseconds) {
        clock_.advance(scheduled_.front().milliseconds - now);
        event = scheduled_.front().make();
        scheduled_.pop_front();
        quitDelivered_ = quitDelivered_ || event.type == SDL_QUIT;
        return true;
    }
    // The loop must never wait for ever on a script that has run out: it ends with a quit
    // (after which the loop only looks for the rest of that turn's events).
    REQUIRE_MESSAGE((!scheduled_.empty() || quitDelivered_), "the script ran out of events without a quit");
    clock_.advance(timeoutMilliseconds);
    if (timeoutMilliseconds > 0)
        timeouts_.push_back(clock_.monotonicMilliseconds());
    return false;
}

} // namespace kiosk::testing
