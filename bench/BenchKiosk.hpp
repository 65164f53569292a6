// The kiosk as the benchmarks drive it: the real KioskRuntime (UI, pictures, software
// renderer) on SDL's offscreen video driver, without the command line of kiosk/app.
#pragma once

#include "KioskRuntime.hpp"
#include "pack/PackReader.hpp"
#include "text/UiStrings.hpp"
#include "time/Clock.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::bench {

struct BenchOptions {
    std::filesystem::path pack;   // required
    std::filesystem::path assets; // build/assets
    int width = 1280;
    int height = 800;
    int decoderThreads = -1;
    std::size_t textureBudgetMegabytes = 64;
    int runs = 5;
    long taps = 100000;
    std::string renderer = "software"; // or opengles2, opengl: SDL's GPU renderers (Mesa here)
};

// Reads --pack --assets --size WxH --decoder-threads N --texture-budget-mb N --runs N
// --taps N --renderer NAME; exits with a usage message on anything else.
BenchOptions parseBenchOptions(int argc, char** argv, const char* usage);

class BenchKiosk {
  public:
    BenchKiosk(const BenchOptions& options, const time::Clock& clock);
    ~BenchKiosk();
    BenchKiosk(const BenchKiosk&) = delete;
    BenchKiosk& operator=(const BenchKiosk&) = delete;

    platform::KioskRuntime& runtime() { return *runtime_; }
    // A finger down and up at the centre of the touch target labelled `text`, without frames
    // in between beyond what the gesture recognizer needs; false if there is no such target.
    bool tapText(const std::string& text, std::int64_t nowMilliseconds);
    void tapAt(float x, float y, std::int64_t downMilliseconds, std::int64_t upMilliseconds);
    // Every picture asked for is on screen: nothing pending, no placeholder in the last frame.
    bool picturesComplete() const;

  private:
    struct SdlSession;
    std::unique_ptr<SdlSession> sdl_;
    text::UiStrings strings_;
    pack::PackReader pack_;
    std::unique_ptr<platform::KioskRuntime> runtime_;
};

double median(std::vector<double> values);

} // namespace kiosk::bench
