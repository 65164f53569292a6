// Runs the kiosk UI on SDL: owns the window, the renderer, the ImGui context and backends,
// the pictures and the gesture recognizer, and draws one frame on request. The interactive
// loop and the headless harness both drive it.
#pragma once

#include "KioskUi.hpp"
#include "LoopEvents.hpp"
#include "SdlAudioPlayer.hpp"
#include "SdlDrawDataRenderer.hpp"
#include "SdlFontTexture.hpp"
#include "SdlHandles.hpp"
#include "SdlPictureSource.hpp"
#include "SpokenWordsFolder.hpp"
#include "input/GestureRecognizer.hpp"
#include "time/Clock.hpp"
#include "time/FrameSchedule.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk::platform {

struct RuntimeSettings {
    int width = 1280; // window size; 0 = the display's size (full screen)
    int height = 800;
    bool fullScreen = true;
    bool softwareRenderer = false;
    std::string rendererDriver; // "opengles2", "opengl": that one or an error; "": any GPU's, else software
    bool vsync = true;
    // Pictures: memory for their textures (least recently drawn go first), a cap below the
    // GPU's own largest texture (0: the renderer's), decoder threads (-1: two, one on a single core).
    std::size_t textureBudgetMegabytes = 64;
    int maximumTextureSide = 0;
    int pictureDecoderThreads = -1;
    std::filesystem::path assetDirectory;
    // Where the last font atlas is kept between starts (in the data folder); none: not kept.
    std::optional<std::filesystem::path> fontCacheFile;
    // A word of the sound output's name ("HDMI", "Headphones", "USB"); "": the system's default.
    std::string soundDevice;
    ui::KioskSettings kiosk;
};

// What the interactive loop did, for tests and benchmarks.
struct LoopStatistics {
    std::int64_t turns = 0; // wake-ups: each wait for events that ended, whether or not a frame followed
    std::int64_t framesDrawn = 0; // by the loop (the harness draws its own)
};

class KioskRuntime {
  public:
    KioskRuntime(const RuntimeSettings& settings, const pack::PackReader& pack,
                 const text::UiStrings& strings, const time::Clock& clock);
    ~KioskRuntime();
    KioskRuntime(const KioskRuntime&) = delete;
    KioskRuntime& operator=(const KioskRuntime&) = delete;

    // Interactive: until the system asks us to quit (there is no quit gesture in kiosk mode).
    void runUntilQuit(bool allowEscapeToQuit);
    // The same loop on other events (a test's script on a virtual clock).
    void runLoop(LoopEvents& events, bool allowEscapeToQuit);
    const LoopStatistics& loopStatistics() const { return loopStatistics_; }
    // Called on the drawing thread after every frame is presented (tests read the screen back).
    void setFramePresentedHook(std::function<void()> hook) { framePresentedHook_ = std::move(hook); }
    void renderFrame();
    void saveScreenshot(const std::filesystem::path& file) const;
    // Headless runs and benchmarks: blocks until the pictures asked for are decoded; true
    // when the last frame drew placeholders, so the next frame shows more.
    bool waitForPictures() { return pictures_->waitForPictures(); }
    PictureStatistics pictureStatistics() const { return pictures_->statistics(); }

    // Shows another pack from the next frame on: fonts (its glyphs), pictures and the UI are
    // rebuilt, and the villager starts again at home. The pack must outlive the runtime or
    // the next replacePack.
    void replacePack(const pack::PackReader& pack);

    // The observer and services must outlive the runtime.
    void setUsageObserver(ui::UsageObserver* observer);
    void setStaffServices(ui::StaffServices* services);
    void setNotice(const std::optional<ui::InstallNotice>& notice) { ui_->setNotice(notice); }
    // Called at the start of every frame, before input reaches the UI; it may call
    // replacePack. It returns true while it has something moving on screen (a progress bar).
    void setFrameHook(std::function<bool()> hook) { frameHook_ = std::move(hook); }
    // What the loop knows when it decides whether to draw (time/FrameSchedule.hpp).
    time::FrameLoopState frameLoopState(bool inputSinceLastFrame) const;
    bool takeNoticeDismissed() { return ui_->takeNoticeDismissed(); }
    input::GestureRecognizer& gestures() { return gestures_; }
    const ui::KioskUi& ui() const { return *ui_; }
    // Narration and spoken language names; the headless harness checks what it played.
    const SdlAudioPlayer& audio() const { return audio_; }
    SdlAudioPlayer& audio() { return audio_; }
    ImVec2 screenSize() const { return metrics_->screen; }

  private:
    struct ImGuiOwner {
        explicit ImGuiOwner(ImFontAtlas& fonts);
        ~ImGuiOwner();
    };
    ui::FontFiles fontFiles() const;
    ui::AtlasCache fontCache(bool withSaved) const; // reads the kept atlas when asked
    void keepFontAtlas(std::vector<std::uint8_t> bytes);
    void startPictures(const pack::PackReader& pack); // and asks for home's
    void startUi(const pack::PackReader& pack);       // after the pictures and the fonts
    void buildFonts(ui::LargeFonts large);
    void useFontTexture(const FontTexturePixels& pixels);

    const time::Clock& clock_;
    const RuntimeSettings settings_;
    const text::UiStrings& strings_;
    ui::UsageObserver* observer_ = nullptr;
    ui::StaffServices* staffServices_ = nullptr;
    std::function<bool()> frameHook_;
    std::function<void()> framePresentedHook_;
    bool hookWantsFrames_ = false;
    // Of the UI on screen: frames drawn, whether the last differed from the one before.
    std::int64_t uiFramesDrawn_ = 0;
    std::uint64_t lastFrameFingerprint_ = 0;
    bool lastFrameDiffered_ = false;
    int unsettledFramesInARow_ = 0;
    std::int64_t lastFrameStartMilliseconds_ = 0;
    std::int64_t idleDeadlineMilliseconds_ = 0;
    LoopStatistics loopStatistics_;
    SdlWindow window_;
    SdlRenderer renderer_;
    OpaqueRects opaqueRects_ = OpaqueRects::AsGeometry; // filled unblended on a software renderer
    std::unique_ptr<ui::FontAtlas> fontAtlas_;          // shared with ImGui's context, so it outlives it
    std::unique_ptr<ImGuiOwner> imgui_;
    SdlTexture fontTexture_; // after the renderer: goes first
    std::unique_ptr<ui::Metrics> metrics_;
    ui::FontLibrary fonts_;
    std::vector<char32_t> codePointsToDraw_; // of the pack shown and the UI strings
    bool largeFontsTried_ = false;
    bool firstCompleteFrameLogged_ = false;
    bool firstFrameDrawn_ = false;
    std::unique_ptr<SdlPictureSource> pictures_;
    input::GestureRecognizer gestures_;
    // Lives across replacePack; declared before the UI, which holds a pointer to it, so it
    // goes after the UI and before SDL quits (the runtime is gone by then).
    SdlAudioPlayer audio_;
    SpokenWordsFolder spokenWords_;
    std::unique_ptr<ui::KioskUi> ui_;
    std::int64_t lastFrameMilliseconds_ = 0;
    std::jthread fontCacheWriter_; // writes a new atlas to fontCacheFile, off the UI's way
};

} // namespace kiosk::platform
