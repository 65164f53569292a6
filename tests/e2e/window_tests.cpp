// The program a desktop user (and the README's first command) meets: the real kiosk binary
// in a real X window, under Xvfb, clicked and dragged through XTest, its window read back
// from the X server. Each screen must be there 100 ms after the click with no further
// input, and equal, pixel for pixel, to what the headless harness draws for the same taps.
#include "Screenshot.hpp"
#include "WindowSession.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace {

const std::filesystem::path kOutput = std::filesystem::path(KIOSK_E2E_OUTPUT) / "window";

// The binary under test; KIOSK_WINDOW_TEST_BINARY names another build's (to show that an
// older kiosk fails these tests), the references still come from this build's harness.
std::string windowedKiosk() {
    const char* other = std::getenv("KIOSK_WINDOW_TEST_BINARY");
    return other && *other ? other : KIOSK_BINARY;
}
const Colour kBackground{250, 245, 235};
constexpr int kWidth = 1280, kHeight = 800;
// Pixels that may differ between the window and the harness's picture of the same screen.
constexpr double kSameScreen = 0.005;

struct Point {
    int x = 0, y = 0;
};

// The harness draws the reference screens and says where the targets are (`locate`).
std::map<std::string, Point> drawReferences(const std::filesystem::path& folder) {
    const std::filesystem::path script = folder / "references.script";
    {
        std::ofstream out(script);
        out << "locate \"Chương trình\"\nshot home.png\ntap \"Chương trình\"\nlocate \"P4EM\"\nshot "
               "category.png\n"
               "tap \"P4EM\"\nshot cards.png\nlocate \"Đọc thêm\"\ntap \"Đọc thêm\"\nshot page.png\n";
    }
    const std::filesystem::path located = folder / "located.txt";
    const std::string command =
        std::string("'") + KIOSK_BINARY + "' --headless --size 1280x800 --data-dir '" +
        (folder / "reference-data").string() + "' --script '" + script.string() + "' --shot-dir '" +
        folder.string() + "' > '" + located.string() + "' 2> '" + (folder / "reference.log").string() + "'";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, readFile(folder / "reference.log"));
    std::map<std::string, Point> targets;
    std::istringstream lines(readFile(located));
    std::string line;
    while (std::getline(lines, line)) {
        // "locate TEXT X Y", TEXT may hold spaces
        const std::size_t last = line.rfind(' '), middle = line.rfind(' ', last - 1);
        if (line.rfind("locate ", 0) == 0 && middle != std::string::npos && middle > 7)
            targets[line.substr(7, middle - 7)] =
                Point{std::stoi(line.substr(middle + 1)), std::stoi(line.substr(last + 1))};
    }
    return targets;
}

Screenshot grab(const VirtualDisplay& display, const std::string& name) {
    const std::filesystem::path file = kOutput / name;
    grabScreen(display, file);
    return Screenshot(file.string());
}

void click(const VirtualDisplay& display, Point at) {
    // A press held as a finger would, then released; nothing moves afterwards.
    REQUIRE(runOnDisplay(display, "xdotool mousemove " + std::to_string(at.x) + " " + std::to_string(at.y) +
                                      " mousedown 1 sleep 0.2 mouseup 1"));
}

void sleepMilliseconds(int milliseconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

} // namespace

TEST_CASE("the desktop window answers every click at once, scrolls by mouse drag and goes idle on time") {
    for (const char* program : {"Xvfb", "xdotool", "import"})
        REQUIRE_MESSAGE(haveProgram(program), program << " is missing: platform/setup installs it");
    std::filesystem::remove_all(kOutput);
    std::filesystem::create_directories(kOutput);
    const std::map<std::string, Point> targets = drawReferences(kOutput);
    REQUIRE(targets.count("Chương trình") == 1);
    REQUIRE(targets.count("P4EM") == 1);
    REQUIRE(targets.count("Đọc thêm") == 1);
    const Screenshot home(kOutput / "home.png"), category(kOutput / "category.png"),
        cards(kOutput / "cards.png"), page(kOutput / "page.png");

    VirtualDisplay display(kWidth, kHeight, kOutput);
    const std::filesystem::path log = kOutput / "kiosk.log";
    BackgroundProcess kiosk({windowedKiosk(), "--windowed", "1280x800", "--software-renderer",
                             "--idle-seconds", "8", "--data-dir", (kOutput / "data").string()},
                            {"DISPLAY=" + display.name(), "SDL_AUDIODRIVER=dummy"}, log);
    REQUIRE_MESSAGE(waitForText(log, "first complete frame", 20), readFile(log));
    sleepMilliseconds(500);
    CHECK(grab(display, "1-home.png").shareDifferentFrom(home) < kSameScreen);

    click(display, targets.at("Chương trình"));
    sleepMilliseconds(100);
    const Screenshot afterFirstClick = grab(display, "2-category.png");
    INFO(readFile(log));
    CHECK(afterFirstClick.shareDifferentFrom(category) < kSameScreen);
    CHECK(afterFirstClick.shareDifferentFrom(home) > 0.2); // the two screens are far apart

    click(display, targets.at("P4EM"));
    sleepMilliseconds(100);
    // The page is there at once; its pictures decode on a thread and follow without input.
    const Screenshot pageAtOnce = grab(display, "3-page.png");
    const Region topBar{0, 0, kWidth, kHeight / 8};
    CHECK(pageAtOnce.shareDifferentFrom(category) > 0.2);
    sleepMilliseconds(1500);
    const Screenshot pageLater = grab(display, "4-page-pictures.png");
    CHECK(pageLater.shareDifferentFrom(cards) < kSameScreen);

    // The page opens on its story cards; "read more" shows the article, which scrolls.
    click(display, targets.at("Đọc thêm"));
    sleepMilliseconds(1500);
    const Screenshot article = grab(display, "4-article.png");
    CHECK(article.shareDifferentFrom(page) < kSameScreen);
    CHECK(article.shareDifferentFrom(cards) > 0.1);

    // A mouse drag up the page scrolls it (an absolute pointer behaves like a finger).
    REQUIRE(runOnDisplay(display,
                         "xdotool mousemove 640 650 mousedown 1 sleep 0.05 mousemove 640 600 sleep 0.05 "
                         "mousemove 640 500 sleep 0.05 mousemove 640 400 sleep 0.05 mousemove 640 300 "
                         "sleep 0.05 mouseup 1"));
    sleepMilliseconds(1500);
    const Screenshot scrolled = grab(display, "5-scrolled.png");
    CHECK(scrolled.shareDifferentFrom(page) > 0.1);
    CHECK(scrolled.shareNear(topBar, kBackground, 6) < 0.05);          // the top bar stays
    CHECK(scrolled.shareNear(scrolled.whole(), kBackground, 6) > 0.2); // still the page, not the viewer

    // No input for the idle time (8 s): the attract loop, without a touch.
    sleepMilliseconds(9000);
    const Screenshot attract = grab(display, "6-attract.png");
    CHECK(attract.shareNear(attract.whole(), kBackground, 6) < 0.05);
    CHECK(attract.distinctColours(attract.whole()) > 300);
    CHECK(kiosk.running());
}
