#include "KioskRuntime.hpp"

#include "DrawDataFingerprint.hpp"
#include "IdleWait.hpp"
#include "RendererLimits.hpp"
#include "Screens.hpp"
#include "SdlDrawDataRenderer.hpp"
#include "SdlFontTexture.hpp"
#include "SdlKeyboardInput.hpp"
#include "SdlTouchInput.hpp"
#include "SystemdNotifier.hpp"
#include "image/ImageCodec.hpp"
#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "os/Log.hpp"
#include "text/Unicode.hpp"
#include "text/VietnameseTyping.hpp"

#include <algorithm>
#include <future>
#include <set>
#include <tuple>

namespace kiosk::platform {

namespace {

constexpr std::chrono::milliseconds kFirstFramePictureWait{40};

SdlRenderer createRenderer(SDL_Window* window, const RuntimeSettings& settings) {
    const Uint32 vsync = settings.vsync ? SDL_RENDERER_PRESENTVSYNC : 0;
    SDL_Renderer* renderer = nullptr;
    if (!settings.rendererDriver.empty()) {
        // Named: a test or a technician wants exactly this one, so a fallback would hide
        // the very failure they look for.
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, settings.rendererDriver.c_str());
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | vsync);
        SDL_RendererInfo info{};
        if (renderer && SDL_GetRendererInfo(renderer, &info) == 0 && settings.rendererDriver != info.name) {
            SDL_DestroyRenderer(renderer);
            renderer = nullptr;
            SDL_SetError("SDL chose %s", info.name);
        }
        if (!renderer)
            throw SdlError("cannot start the " + settings.rendererDriver + " renderer");
    } else if (!settings.softwareRenderer) {
        // opengles2 first: the boards' GPUs are GLES-native, and it is the GPU renderer the
        // tests compare with software. Left to itself SDL takes desktop GL where Mesa offers
        // it, which on the emulated board's KMS/DRM drew only the clear colour.
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | vsync);
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, nullptr);
        if (!renderer)
            renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | vsync);
        if (!renderer)
            os::log("no GPU renderer (", SDL_GetError(), "); drawing in software");
    }
    if (!renderer)
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer)
        throw SdlError("cannot create a renderer");
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    os::log("renderer ", (info.name ? info.name : "?"));
    return SdlRenderer(renderer);
}

std::vector<char32_t> codePointsToDraw(const pack::PackReader& pack, const text::UiStrings& strings) {
    std::set<char32_t> all;
    for (const char32_t codePoint : pack.charactersToDraw())
        all.insert(codePoint);
    for (const char32_t codePoint : text::codePoints(strings.allText()))
        all.insert(codePoint);
    // What staff can type on the on-screen keyboard (the place name), whatever the pack uses.
    for (const char32_t codePoint : text::vietnameseLetters())
        all.insert(codePoint);
    return {all.begin(), all.end()};
}

} // namespace

KioskRuntime::ImGuiOwner::ImGuiOwner(ImFontAtlas& fonts) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(&fonts);
}

KioskRuntime::ImGuiOwner::~ImGuiOwner() {
    ImGui::DestroyContext();
}

KioskRuntime::KioskRuntime(const RuntimeSettings& settings, const pack::PackReader& pack,
                           const text::UiStrings& strings, const time::Clock& clock)
    : clock_(clock), settings_(settings), strings_(strings), gestures_(12.0f), audio_(settings.soundDevice),
      spokenWords_(settings.assetDirectory / "speech") {
    // Touches reach us as finger events only; SDL must not also turn them into mouse clicks.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    // The software renderer draws into the window's surface, which SDL would otherwise show
    // through a GPU texture: Mesa (llvmpipe where there is no GPU) for nothing, ~90 MB and
    // ~150 ms at start, and its threads waking when idle.
    if (settings.softwareRenderer)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");

    Uint32 windowFlags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int width = settings.width, height = settings.height;
    if (settings.fullScreen) {
        windowFlags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            width = mode.w;
            height = mode.h;
        }
    }

    // Rasterising the fonts is the longest step of start-up (restoring the atlas kept by the
    // last start is shorter), and needs neither the window nor the renderer: it runs on a
    // thread while they and the pictures are made. The sizes are
    // the window's; a renderer that draws at another size (a high-DPI screen) or takes
    // smaller textures gets its atlas made again below, on this thread.
    codePointsToDraw_ = codePointsToDraw(pack, strings_);
    const ImVec2 expectedScreen(static_cast<float>(width), static_cast<float>(height));
    struct MadeFonts {
        std::unique_ptr<ui::FontAtlas> atlas;
        ui::FontLibrary library;
        FontTexturePixels texture;
        ui::AtlasCache cache;
    };
    std::future<MadeFonts> fontsMade = std::async(std::launch::async, [this, expectedScreen] {
        MadeFonts made{std::make_unique<ui::FontAtlas>(), {}, {}, fontCache(true)};
        made.library = ui::loadFonts(*made.atlas, fontFiles(), ui::Metrics(expectedScreen), codePointsToDraw_,
                                     settings_.maximumTextureSide, ui::LargeFonts::Omit, &made.cache);
        made.texture = fontTexturePixels(made.atlas->atlas);
        return made;
    });
    // Home's pictures decode meanwhile too, from before the window exists.
    startPictures(pack);
    window_.reset(SDL_CreateWindow("Commune kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                                   height, windowFlags));
    if (!window_)
        throw SdlError("cannot open the kiosk window");
    if (settings.fullScreen)
        SDL_ShowCursor(SDL_DISABLE);
    renderer_ = createRenderer(window_.get(), settings);
    SDL_RendererInfo rendererInfo{};
    if (SDL_GetRendererInfo(renderer_.get(), &rendererInfo) == 0 &&
        (rendererInfo.flags & SDL_RENDERER_SOFTWARE))
        opaqueRects_ = OpaqueRects::FilledUnblended;
    SDL_GetRendererOutputSize(renderer_.get(), &width, &height);
    metrics_ = std::make_unique<ui::Metrics>(ImVec2(static_cast<float>(width), static_cast<float>(height)));

    pictures_->attachRenderer(renderer_.get());
    // While the fonts are still being made: home's icons are small, and decoded here.
    for (const std::string& icon : ui::homeScreenIcons(pack.index()))
        pictures_->icon(icon);

    // ImGui's context comes after the font thread is done: its allocator counts into the
    // current context, from any thread.
    MadeFonts made = fontsMade.get();
    fontAtlas_ = std::move(made.atlas);
    fonts_ = made.library;
    imgui_ = std::make_unique<ImGuiOwner>(fontAtlas_->atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "kiosk_sdl_touch";
    // The renderer backend is ours (SdlDrawDataRenderer, SdlFontTexture), not Debian's copy.
    io.BackendRendererName = "kiosk_sdl_draw_data";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    setUpImGuiKeyMap();
    const bool madeForThisScreen =
        metrics_->screen.x == expectedScreen.x && metrics_->screen.y == expectedScreen.y;
    const int largestSide = largestTextureSide(renderer_.get(), settings_.maximumTextureSide);
    if (madeForThisScreen && ui::atlasFits(fontAtlas_->atlas, largestSide)) {
        useFontTexture(made.texture);
        keepFontAtlas(std::move(made.cache.toSave));
    } else {
        buildFonts(ui::LargeFonts::Omit);
    }
    largeFontsTried_ = false;
    startUi(pack);
}

ui::FontFiles KioskRuntime::fontFiles() const {
    const std::filesystem::path fonts = settings_.assetDirectory / "fonts";
    return {fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"};
}

ui::AtlasCache KioskRuntime::fontCache(bool withSaved) const {
    ui::AtlasCache cache;
    if (!settings_.fontCacheFile)
        return cache;
    // The font files' contents are named by path, size and modification time: a package
    // upgrade changes the last, and hashing a megabyte of fonts would cost what is saved.
    const ui::FontFiles files = fontFiles();
    for (const std::filesystem::path& file : {files.regular, files.bold}) {
        const std::optional<os::FileStatus> status = os::fileStatus(file);
        if (!status)
            return {}; // the build will say the font is missing
        cache.fontFilesIdentity += file.string() + ":" + std::to_string(status->size) + ":" +
                                   std::to_string(status->modifiedNanoseconds) + "\n";
    }
    if (withSaved) {
        try {
            cache.saved = os::readWholeFile(*settings_.fontCacheFile, 64 << 20);
        } catch (const std::exception&) {
            // None kept yet, or unreadable: the atlas is built, and kept afresh.
        }
    }
    return cache;
}

void KioskRuntime::keepFontAtlas(std::vector<std::uint8_t> bytes) {
    if (bytes.empty() || !settings_.fontCacheFile)
        return;
    if (fontCacheWriter_.joinable())
        fontCacheWriter_.join();
    // Written whole or not at all, on a thread: the fsyncs must not delay a frame.
    fontCacheWriter_ = std::jthread([file = *settings_.fontCacheFile, bytes = std::move(bytes)] {
        try {
            os::writeFileAtomically(file, std::span<const std::uint8_t>(bytes));
        } catch (const std::exception& error) {
            os::log("the font atlas is not kept for next time: ", error.what());
        }
    });
}

void KioskRuntime::startPictures(const pack::PackReader& pack) {
    PictureSettings pictureSettings;
    pictureSettings.textureBudgetBytes = settings_.textureBudgetMegabytes * 1024 * 1024;
    pictureSettings.maximumTextureSide = settings_.maximumTextureSide;
    pictureSettings.decoderThreads = settings_.pictureDecoderThreads;
    pictures_ = std::make_unique<SdlPictureSource>(renderer_.get(), pack, settings_.assetDirectory / "icons",
                                                   pictureSettings);
    // Every visit starts at home: its pictures decode on the worker while the fonts are made,
    // so the first frame can already show them.
    for (const std::int64_t imageId : ui::homeScreenThumbnails(pack.index()))
        pictures_->prefetch(imageId, pack::ImageSize::Thumbnail);
}

void KioskRuntime::startUi(const pack::PackReader& pack) {
    ImGui::GetIO().FontDefault = fonts_.standard.body;
    lastFrameMilliseconds_ = clock_.monotonicMilliseconds();
    ui_ = std::make_unique<ui::KioskUi>(pack, *pictures_, strings_, fonts_, *metrics_, settings_.kiosk,
                                        lastFrameMilliseconds_);
    ui_->setUsageObserver(observer_);
    ui_->setStaffServices(staffServices_);
    ui_->setAudioOutput(&audio_);
    ui_->setSpokenWords(&spokenWords_);
    uiFramesDrawn_ = 0;
    lastFrameDiffered_ = false;
    unsettledFramesInARow_ = 0;
}

void KioskRuntime::replacePack(const pack::PackReader& pack) {
    audio_.stop(); // a recording from the old pack must not go on over the new one
    ui_.reset();
    pictures_.reset(); // the old pack's textures and decoder threads go first
    startPictures(pack);
    codePointsToDraw_ = codePointsToDraw(pack, strings_);
    largeFontsTried_ = false;
    buildFonts(ui::LargeFonts::Omit);
    startUi(pack);
}

time::FrameLoopState KioskRuntime::frameLoopState(bool inputSinceLastFrame) const {
    time::FrameLoopState state;
    state.nowMilliseconds = clock_.monotonicMilliseconds();
    state.anyFrameDrawn = uiFramesDrawn_ > 0;
    state.inputSinceLastFrame = inputSinceLastFrame;
    state.undrawnUiChanges = ui_->hasUndrawnChanges();
    state.lastFrameDiffered = lastFrameDiffered_;
    state.unsettledFramesInARow = unsettledFramesInARow_;
    state.pointerHeld = gestures_.isPressed();
    state.animating = ui_->isAnimating();
    state.narrating = ui_->isNarrating();
    state.picturesPending = pictures_->hasPendingPictures();
    state.hookWantsFrames = hookWantsFrames_;
    state.lastFrameStartMilliseconds = lastFrameStartMilliseconds_;
    state.frameIntervalMilliseconds = ui_->frameIntervalMilliseconds();
    state.idleDeadlineMilliseconds = idleDeadlineMilliseconds_;
    return state;
}

void KioskRuntime::setUsageObserver(ui::UsageObserver* observer) {
    observer_ = observer;
    ui_->setUsageObserver(observer);
}

void KioskRuntime::setStaffServices(ui::StaffServices* services) {
    staffServices_ = services;
    ui_->setStaffServices(services);
}

KioskRuntime::~KioskRuntime() {
    ui_.reset();
    pictures_.reset(); // textures go before their renderer
    imgui_.reset();
}

void KioskRuntime::buildFonts(ui::LargeFonts large) {
    // Only the atlas a start needs is kept (large text is built when someone asks for it).
    ui::AtlasCache cache = fontCache(false);
    fonts_ = ui::loadFonts(*fontAtlas_, fontFiles(), *metrics_, codePointsToDraw_,
                           largestTextureSide(renderer_.get(), settings_.maximumTextureSide), large,
                           large == ui::LargeFonts::Omit ? &cache : nullptr);
    keepFontAtlas(std::move(cache.toSave));
    ImGui::GetIO().FontDefault = fonts_.standard.body;
    useFontTexture(fontTexturePixels(fontAtlas_->atlas));
}

void KioskRuntime::useFontTexture(const FontTexturePixels& pixels) {
    fontTexture_ = makeFontTexture(renderer_.get(), pixels);
    ImGui::GetIO().Fonts->SetTexID(fontTexture_.get());
    // The renderer holds its own copy of the atlas now; ImGui's would only take memory.
    ImGui::GetIO().Fonts->ClearTexData();
}

void KioskRuntime::renderFrame() {
    if (frameHook_)
        hookWantsFrames_ = frameHook_();
    const std::int64_t now = clock_.monotonicMilliseconds();
    lastFrameStartMilliseconds_ = now;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = metrics_->screen;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = static_cast<float>(std::max<std::int64_t>(1, now - lastFrameMilliseconds_)) / 1000.0f;
    lastFrameMilliseconds_ = now;

    if (!firstFrameDrawn_) {
        // Home's pictures were asked for before the fonts were made, and are usually all but
        // decoded by now: a first frame of placeholders, then the pictures popping in a frame
        // later, would take longer than waiting a moment for them. The wait is bounded so a
        // slow or broken picture cannot hold up start-up.
        firstFrameDrawn_ = true;
        pictures_->waitForPicturesFor(kFirstFramePictureWait);
    }
    ui_->feedInput(gestures_.takeFrame(now), now);
    if (ui_->modes().largeText && !fonts_.hasLarge && !largeFontsTried_) {
        largeFontsTried_ = true; // if they do not fit the GPU, large-text mode keeps the standard sizes
        buildFonts(ui::LargeFonts::Include);
    }
    ImGui::NewFrame();
    ui_->draw();
    ImGui::Render();
    const std::uint64_t fingerprint = ui::drawDataFingerprint(*ImGui::GetDrawData());
    lastFrameDiffered_ = uiFramesDrawn_ == 0 || fingerprint != lastFrameFingerprint_;
    lastFrameFingerprint_ = fingerprint;
    ++uiFramesDrawn_;
    idleDeadlineMilliseconds_ = now + ui_->millisecondsUntilIdle();
    SDL_SetRenderDrawColor(renderer_.get(), 250, 245, 235, 255);
    SDL_RenderClear(renderer_.get());
    renderDrawData(renderer_.get(), *ImGui::GetDrawData(), opaqueRects_);
    SDL_RenderPresent(renderer_.get());
    if (framePresentedHook_)
        framePresentedHook_();
    if (!firstCompleteFrameLogged_ && pictures_->statistics().placeholdersLastFrame == 0) {
        // How long start-up takes, as a visitor sees it (and bench/run-all measures it).
        firstCompleteFrameLogged_ = true;
        os::log("first complete frame");
    }
}

void KioskRuntime::saveScreenshot(const std::filesystem::path& file) const {
    image::RgbaImage shot;
    SDL_GetRendererOutputSize(renderer_.get(), &shot.width, &shot.height);
    shot.pixels.resize(static_cast<std::size_t>(shot.width) * static_cast<std::size_t>(shot.height) * 4);
    // ABGR8888 is R, G, B, A in memory order on little-endian machines, which is what PNG wants.
    if (SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, shot.pixels.data(),
                             shot.width * 4) != 0)
        throw SdlError("cannot read the screen for " + file.string());
    os::writeFileAtomically(file, image::encodePng(shot));
}

void KioskRuntime::runUntilQuit(bool allowEscapeToQuit) {
    IdleWait idle(SDL_GetCurrentVideoDriver());
    runLoop(idle, allowEscapeToQuit);
}

void KioskRuntime::runLoop(LoopEvents& events, bool allowEscapeToQuit) {
    SystemdNotifier systemd;
    bool inputSinceLastFrame = false;
    bool running = true;
    while (running) {
        // Sleeps until something happens or the next frame is due (time/FrameSchedule.hpp).
        SDL_Event event;
        bool haveEvent = events.waitEvent(event, time::waitMilliseconds(frameLoopState(inputSinceLastFrame)));
        ++loopStatistics_.turns;
        while (haveEvent) {
            inputSinceLastFrame = true;
            if (event.type == SDL_QUIT)
                running = false;
            else if (event.type == SDL_KEYDOWN && allowEscapeToQuit && event.key.keysym.sym == SDLK_ESCAPE)
                running = false;
            else if (!(ui_->wantsTextInput() && processKeyboardEvent(event)))
                processTouchEvent(event, renderer_.get(), gestures_, clock_.monotonicMilliseconds());
            haveEvent = events.waitEvent(event, 0);
        }
        systemd.keepAlive(clock_.monotonicMilliseconds());
        if (!running)
            break;
        if (!time::drawsFrame(frameLoopState(inputSinceLastFrame))) {
            // No frame yet, but the world outside is polled: the frame hook looks at USB
            // sticks and may change what is shown, and it moves the statistics' commit clock
            // while the kiosk is idle, so the power-cut bound holds without frames.
            if (frameHook_)
                hookWantsFrames_ = frameHook_();
            if (!time::drawsFrame(frameLoopState(inputSinceLastFrame)))
                continue;
        }
        const time::FrameLoopState state = frameLoopState(inputSinceLastFrame);
        unsettledFramesInARow_ = time::drawsOnlyToSettle(state) ? unsettledFramesInARow_ + 1 : 0;
        renderFrame();
        ++loopStatistics_.framesDrawn;
        inputSinceLastFrame = false;
        enableTextInput(ui_->wantsTextInput());
        systemd.ready(); // the first frame is on the screen
        systemd.keepAlive(clock_.monotonicMilliseconds());
    }
}

} // namespace kiosk::platform
