// The USB watcher: sticks appearing and disappearing under a test root, mount points under real roots.
#include "TestPacks.hpp"
#include "UsbWatcher.hpp"
#include "app/KioskOptions.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::install::test;

TEST_CASE("usb watcher: folders in a test root come and go as sticks") {
    const ScratchFolder root;
    UsbWatcherSettings settings;
    settings.mountRoots.clear();
    settings.testRoots = {root.path(), root.path() / "not-there"};
    settings.pollInterval = std::chrono::milliseconds(500);
    UsbWatcher watcher(settings);
    const auto start = std::chrono::steady_clock::now();
    CHECK(watcher.poll(start).empty());

    std::filesystem::create_directories(root.path() / "STICK");
    std::filesystem::create_directories(root.path() / ".hidden");
    writeText(root.path() / "a-file", "not a stick");
    // Within the interval nothing is looked at.
    CHECK(watcher.poll(start + std::chrono::milliseconds(100)).empty());
    const std::vector<StickEvent> appeared = watcher.poll(start + std::chrono::milliseconds(600));
    REQUIRE(appeared.size() == 1);
    CHECK(appeared[0].kind == StickEvent::Kind::Appeared);
    CHECK(appeared[0].stick == root.path() / "STICK");
    CHECK(watcher.sticks().size() == 1);
    CHECK(watcher.pollNow().empty());

    std::filesystem::remove_all(root.path() / "STICK");
    const std::vector<StickEvent> gone = watcher.pollNow();
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].kind == StickEvent::Kind::Disappeared);
    CHECK(gone[0].stick == root.path() / "STICK");
    CHECK(watcher.sticks().empty());
}

TEST_CASE("usb watcher: under a mount root only mount points count, one or two levels down") {
    // A plain folder tree on one file system has no mount points: /media/USER stays quiet.
    const ScratchFolder root;
    std::filesystem::create_directories(root.path() / "user" / "LABEL");
    UsbWatcherSettings settings;
    settings.mountRoots = {root.path()};
    UsbWatcher quiet(settings);
    CHECK(quiet.pollNow().empty());

    // The real root has mount points one level down (/proc, /sys, /dev): they are found the same way.
    settings.mountRoots = {"/"};
    UsbWatcher watcher(settings);
    const std::vector<StickEvent> events = watcher.pollNow();
    CHECK(watcher.sticks().contains("/proc"));
    CHECK(!watcher.sticks().contains("/etc"));
    CHECK(events.size() == watcher.sticks().size());
}

TEST_CASE("kiosk options: --usb-root adds test stick roots, repeatable") {
    const app::KioskOptions options =
        app::parseKioskOptions({"--usb-root", "/tmp/sticks", "--usb-root", "/tmp/more"});
    CHECK(options.usbRoots == std::vector<std::filesystem::path>{"/tmp/sticks", "/tmp/more"});
    CHECK(app::parseKioskOptions({}).usbRoots.empty());
    CHECK_THROWS_AS(app::parseKioskOptions({"--usb-root"}), app::UsageError);
    CHECK(app::kioskUsage().find("--usb-root DIR") != std::string::npos);
}
