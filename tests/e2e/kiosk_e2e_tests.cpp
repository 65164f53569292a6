// Runs the real kiosk binary headless on the built-in demo pack with the scripts in
// scripts/, then checks exit status, messages and the screenshots' pixels.
#include "Screenshot.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <vector>

namespace {

const Colour kBackground{250, 245, 235};
const Colour kTopBar{16, 92, 99};
const Colour kWhite{255, 255, 255};

struct KioskRun {
    int exitCode = -1;
    std::string errorOutput;
    std::filesystem::path shots;

    Screenshot shot(const std::string& name) const { return Screenshot((shots / name).string()); }
};

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

KioskRun runScript(const std::string& scriptName, const std::string& size = "1280x800",
                   const std::string& extraArguments = "",
                   const std::optional<std::filesystem::path>& keptDataDirectory = std::nullopt) {
    KioskRun run;
    run.shots = std::filesystem::path(KIOSK_E2E_OUTPUT) / (scriptName + "-" + size);
    std::filesystem::remove_all(run.shots);
    std::filesystem::create_directories(run.shots);
    const std::filesystem::path script = std::filesystem::path(KIOSK_E2E_SCRIPTS) / (scriptName + ".script");
    const std::filesystem::path log = run.shots / "stderr.txt";
    // An empty data dir: the kiosk must fall back to its built-in demo pack.
    const std::filesystem::path dataDirectory = keptDataDirectory.value_or(run.shots / "data");
    const std::string command = quoted(KIOSK_BINARY) + " --headless --size " + size + " --data-dir " +
                                quoted(dataDirectory.string()) + " --script " + quoted(script.string()) +
                                " --shot-dir " + quoted(run.shots.string()) + " " + extraArguments + " 2> " +
                                quoted(log.string());
    const int status = std::system(command.c_str());
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream logFile(log);
    std::stringstream content;
    content << logFile.rdbuf();
    run.errorOutput = content.str();
    return run;
}

void requireSuccess(const KioskRun& run) {
    INFO(run.errorOutput);
    REQUIRE(run.exitCode == 0);
}

// A page screenshot: the teal top bar, then a cover picture with many colours.
void checkPageShot(const Screenshot& page) {
    const int barHeight = page.height() * 104 / 800;
    CHECK(page.shareNear({0, 2, page.width(), barHeight - 2}, kTopBar, 40) > 0.5);
    const Region cover{page.width() / 4, barHeight + page.height() / 20, page.width() * 3 / 4,
                       page.height() / 2};
    CHECK(page.distinctColours(cover) > 60);
    CHECK(page.shareNear(cover, kBackground, 6) < 0.2);
}

} // namespace

TEST_CASE("home shows the categories as big pictures under the pack title") {
    const KioskRun run = runScript("home");
    requireSuccess(run);
    CHECK(run.errorOutput.find("built-in demo pack") != std::string::npos);
    const Screenshot home = run.shot("home.png");
    CHECK(home.width() == 1280);
    CHECK(home.height() == 800);
    CHECK(home.shareNear({0, 0, 1280, 140}, kTopBar, 40) > 0.6);
    // Three picture tiles fill the lower part: many colours, little bare background.
    const Region tiles{40, 200, 1240, 560};
    CHECK(home.distinctColours(tiles) > 300);
    CHECK(home.shareNear(tiles, kBackground, 6) < 0.2);
}

TEST_CASE("every seed document opens from home") {
    for (const char* script : {"seed-emwg", "seed-p4em", "seed-i2i", "seed-lnob", "seed-meeting"}) {
        CAPTURE(script);
        const KioskRun run = runScript(script);
        requireSuccess(run);
    }
    checkPageShot(Screenshot(std::string(KIOSK_E2E_OUTPUT) + "/seed-emwg-1280x800/page-emwg.png"));
    checkPageShot(Screenshot(std::string(KIOSK_E2E_OUTPUT) + "/seed-p4em-1280x800/page-p4em.png"));
    checkPageShot(Screenshot(std::string(KIOSK_E2E_OUTPUT) + "/seed-meeting-1280x800/page-meeting.png"));
    const Screenshot category(std::string(KIOSK_E2E_OUTPUT) + "/seed-p4em-1280x800/category-programmes.png");
    CHECK(category.distinctColours({30, 140, 1250, 500}) > 300);
}

TEST_CASE("the language switch changes every word") {
    const KioskRun run = runScript("language");
    requireSuccess(run);
    checkPageShot(run.shot("page-p4em-english.png"));
}

TEST_CASE("after the idle timeout the attract loop runs, and a touch starts a fresh session") {
    const KioskRun run = runScript("idle-attract");
    requireSuccess(run);
    // The warning dims the visit beneath and asks on a light card in the middle.
    const Screenshot warning = run.shot("idle-warning.png");
    CHECK(warning.shareNear({440, 350, 840, 450}, kWhite, 8) > 0.3);
    CHECK(warning.shareNear({0, 0, 1280, 100}, kTopBar, 40) < 0.05);
    const Screenshot attract = run.shot("attract.png");
    const Screenshot later = run.shot("attract-later.png");
    CHECK(attract.distinctColours(attract.whole()) > 300);
    CHECK(attract.shareNear(attract.whole(), kBackground, 6) < 0.05);
    // The slideshow moves on: eight seconds later the screen is a different picture.
    CHECK(attract.shareDifferentFrom(later) > 0.3);
}

TEST_CASE("drag scrolls with inertia and never fires a tap") {
    const KioskRun run = runScript("scroll");
    requireSuccess(run);
    // The glide carried the page on after the finger lifted: the scrolled screen differs
    // from the top of the page, and the top bar stays put.
    const Screenshot top = run.shot("page-p4em-top.png");
    const Screenshot scrolled = run.shot("page-p4em-scrolled.png");
    CHECK(top.shareDifferentFrom(scrolled) > 0.3);
    CHECK(scrolled.shareNear({0, 2, 1280, 100}, kTopBar, 40) > 0.5);
}

TEST_CASE("gallery pictures open full screen and swipe") {
    const KioskRun run = runScript("gallery");
    requireSuccess(run);
    const Screenshot viewer = run.shot("gallery-viewer.png");
    // Mostly the dark viewer background and the picture: no cream page showing through.
    CHECK(viewer.shareNear(viewer.whole(), kBackground, 6) < 0.02);
    CHECK(viewer.distinctColours({200, 100, 1080, 600}) > 60);
}

TEST_CASE("the layout works on every supported screen size") {
    for (const char* size : {"800x480", "1024x600", "1920x1080"}) {
        CAPTURE(size);
        const KioskRun run = runScript("small-screen", size);
        requireSuccess(run);
        const Screenshot home = run.shot("home-800x480.png");
        CHECK(std::to_string(home.width()) + "x" + std::to_string(home.height()) == size);
        CHECK(home.distinctColours({0, home.height() / 4, home.width(), home.height()}) > 200);
        checkPageShot(run.shot("page-i2i-800x480.png"));
    }
}

namespace {

// Runs a staff script on a data folder holding the PIN 2468; its folder keeps the shots.
void runStaffScript(const std::string& script, const std::string& size, const std::filesystem::path& data,
                    bool emptyFirst = true) {
    if (emptyFirst)
        std::filesystem::remove_all(data.parent_path());
    std::filesystem::create_directories(data);
    const int stored = std::system(
        ("echo 2468 | " + quoted(KIOSK_BINARY) + " --set-staff-pin --data-dir " + quoted(data.string()))
            .c_str());
    REQUIRE(WEXITSTATUS(stored) == 0);
    const std::filesystem::path shots = data.parent_path();
    const std::string log = (shots / "stderr.txt").string();
    const int status = std::system((quoted(KIOSK_BINARY) + " --headless --size " + size + " --data-dir " +
                                    quoted(data.string()) + " --script " +
                                    quoted(std::string(KIOSK_E2E_SCRIPTS) + "/" + script) + " --shot-dir " +
                                    quoted(shots.string()) + " 2> " + quoted(log))
                                       .c_str());
    std::stringstream output;
    output << std::ifstream(log).rdbuf();
    INFO(output.str());
    REQUIRE(WEXITSTATUS(status) == 0);
}

} // namespace

TEST_CASE("on a 7-inch 800x480 panel the staff view is one column that scrolls to its last chart") {
    const std::filesystem::path data = std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-800x480" / "data";
    runStaffScript("staff-small.script", "800x480", data);
    const Screenshot staff((data.parent_path() / "staff-small.png").string());
    CHECK(staff.width() == 800);
    CHECK(staff.shareNear({0, 0, 800, 60}, kTopBar, 40) > 0.5); // the bar stays put while the rest scrolls
}

TEST_CASE("staff type the place name with tone marks on the on-screen keyboard, and it is kept across a "
          "restart") {
    const std::filesystem::path data = std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-place-name" / "data";
    runStaffScript("staff-place-name.script", "1280x800", data);
    // The kiosk that starts next opens the keyboard on "Tả Phìn" (the script checks it).
    runStaffScript("staff-place-name-kept.script", "1280x800", data, false);
    const Screenshot keyboard((data.parent_path() / "staff-keyboard.png").string());
    CHECK(keyboard.shareNear({0, 0, 1280, 90}, kTopBar, 40) > 0.5);
    // Sixty keys of white on the page: a keyboard, not the dashboard behind it.
    CHECK(keyboard.shareNear({0, 220, 1280, 800}, {255, 255, 255}, 8) > 0.4);
}

TEST_CASE(
    "a data folder where statistics cannot be written: the kiosk runs, and the staff view says so first") {
    // issue 19: a read-only data folder switched the statistics off with only a line on stderr.
    // As root (CI) permissions stop nothing, so stats.db is made a folder instead.
    const std::filesystem::path data =
        std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-no-statistics" / "data";
    std::filesystem::remove_all(data.parent_path());
    std::filesystem::create_directories(data / "stats.db");
    runStaffScript("staff-no-statistics.script", "1280x800", data, false);
    const Screenshot staff((data.parent_path() / "staff-no-statistics.png").string());
    CHECK(staff.distinctColours({0, 0, staff.width(), staff.height()}) > 20);
}

TEST_CASE("a damaged statistics export key is replaced, and the staff view says to tell the office") {
    // issue 19: exports are signed, and the office refuses a kiosk's new key until it is accepted.
    const std::filesystem::path data =
        std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-key-replaced" / "data";
    std::filesystem::remove_all(data.parent_path());
    std::filesystem::create_directories(data);
    std::ofstream(data / "stats-export.key") << "not a key\n";
    runStaffScript("staff-key-replaced.script", "1280x800", data, false);
    CHECK(std::filesystem::exists(data / "stats-export.key.damaged-1"));
    std::stringstream output;
    output << std::ifstream(data.parent_path() / "stderr.txt").rdbuf();
    INFO(output.str());
    CHECK(output.str().find("the export key was damaged") != std::string::npos);
}

TEST_CASE(
    "staff go back to the previous pack after a confirmation: it is shown at once, the other set aside") {
    const std::filesystem::path data =
        std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-previous-pack" / "data";
    std::filesystem::remove_all(data.parent_path());
    std::filesystem::create_directories(data / "packs");
    const std::filesystem::path demo = std::filesystem::path(KIOSK_DEMO_SOURCE).parent_path() / "demo.kpack";
    std::filesystem::copy_file(demo, data / "packs" / "current.kpack");
    std::filesystem::copy_file(demo, data / "packs" / "last-known-good.kpack");
    runStaffScript("staff-previous-pack.script", "1280x800", data, false);
    std::stringstream output;
    output << std::ifstream(data.parent_path() / "stderr.txt").rdbuf();
    const std::string log = output.str();
    INFO(log);
    CHECK(log.find("staff went back to the previous pack: now showing vn.commune.demo version 1") !=
          std::string::npos);
    CHECK(log.find("the previous pack, chosen in the staff view") != std::string::npos);
    CHECK(std::filesystem::exists(data / "packs" / "current.kpack"));
    CHECK(std::filesystem::exists(data / "packs" / "set-aside.kpack"));
    CHECK_FALSE(std::filesystem::exists(data / "packs" / "last-known-good.kpack"));
}

TEST_CASE("the staff view opens with a long corner press and the PIN, and shows the visit just made") {
    const std::filesystem::path data = std::filesystem::path(KIOSK_E2E_OUTPUT) / "staff-1280x800" / "data";
    runStaffScript("staff.script", "1280x800", data);
    const std::filesystem::path shots = data.parent_path();
    const Screenshot staff((shots / "staff.png").string());
    // Bars were drawn: the accent orange of the charts is on screen.
    CHECK(staff.shareNear({600, 200, 1280, 800}, Colour{178, 80, 10}, 12) > 0.005);
}

namespace {

int runCommand(const std::string& command, const std::filesystem::path& log) {
    const int status = std::system((command + " > " + quoted(log.string()) + " 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string readFile(const std::filesystem::path& file) {
    std::stringstream content;
    content << std::ifstream(file).rdbuf();
    return content.str();
}

// Sums the count column of export rows: date,boot,uptime_day,metric,subject,language,detail,count
long exportedCount(const std::string& csv, const std::string& metric, const std::string& subject,
                   const std::string& language = "*", const std::string& detail = "*") {
    long total = 0;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line); // header
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string field; std::getline(parts, field, ',');)
            fields.push_back(field);
        if (fields.size() != 8 || fields[3] != metric || fields[4] != subject)
            continue;
        if ((language == "*" || fields[5] == language) && (detail == "*" || fields[6] == detail))
            total += std::stol(fields[7]);
    }
    return total;
}

} // namespace

TEST_CASE("USB stick: a signed newer pack installs, the visit's exact counts are exported, an unsigned pack "
          "is refused") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "usb";
    std::filesystem::remove_all(folder);
    const std::filesystem::path data = folder / "data", sticks = folder / "sticks",
                                source = folder / "source";
    std::filesystem::create_directories(data / "keys");
    std::filesystem::create_directories(sticks);
    std::filesystem::copy(KIOSK_DEMO_SOURCE, source, std::filesystem::copy_options::recursive);
    // Version 2 of the demo with a new title; narration is left out to keep the build quick.
    std::string packText = readFile(source / "pack.txt");
    packText.replace(packText.find("version: 1"), 10, "version: 2");
    packText.replace(packText.find("title.vie: "), std::string("title.vie: ").size(),
                     "title.vie: Tin mới của xã ");
    packText.replace(packText.find("narrate-missing:"), std::string("narrate-missing:").size(),
                     "# narrate-missing:");
    std::ofstream(source / "pack.txt", std::ios::trunc) << packText;
    const std::filesystem::path log = folder / "tools.log";
    const std::string packTool = quoted(KIOSK_PACK_BINARY);
    REQUIRE(runCommand(packTool + " build " + quoted(source.string()) + " -o " +
                           quoted((folder / "v2.kpack").string()),
                       log) == 0);
    REQUIRE(runCommand(packTool + " keygen -o " + quoted((folder / "field").string()), log) == 0);
    REQUIRE(runCommand(packTool + " sign " + quoted((folder / "v2.kpack").string()) + " --key " +
                           quoted((folder / "field.key").string()),
                       log) == 0);
    std::filesystem::copy_file(folder / "field.pub", data / "keys" / "field.pub");

    auto runKiosk = [&](const std::string& script, const std::string& name) {
        const std::filesystem::path runLog = folder / (name + ".log");
        const int status =
            runCommand(quoted(KIOSK_BINARY) + " --headless --data-dir " + quoted(data.string()) +
                           " --usb-root " + quoted(sticks.string()) + " --script " +
                           quoted(std::string(KIOSK_E2E_SCRIPTS) + "/" + script) + " --shot-dir " +
                           quoted(folder.string()),
                       runLog);
        INFO(readFile(runLog));
        REQUIRE(status == 0);
        return readFile(runLog);
    };

    runKiosk("usb-session.script", "session");

    // The stick: the signed pack in its kiosk/ folder, which also receives the statistics.
    std::filesystem::create_directories(sticks / "stick-1" / "kiosk");
    std::filesystem::copy_file(folder / "v2.kpack", sticks / "stick-1" / "kiosk" / "v2.kpack");
    std::filesystem::copy_file(folder / "v2.kpack.sig", sticks / "stick-1" / "kiosk" / "v2.kpack.sig");
    const std::string installLog = runKiosk("usb-install.script", "install");
    CHECK(installLog.find("installed vn.commune.demo version 2") != std::string::npos);
    CHECK(std::filesystem::exists(data / "packs" / "current.kpack"));

    std::vector<std::filesystem::path> exports;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(sticks / "stick-1" / "kiosk" / "stats"))
        if (entry.path().extension() == ".csv")
            exports.push_back(entry.path());
    REQUIRE(!exports.empty());
    // Exports are cumulative; the one written after the install is the newest.
    std::sort(exports.begin(), exports.end(), [](const auto& a, const auto& b) {
        return std::stol(a.stem().string()) < std::stol(b.stem().string());
    });
    const std::string csv = readFile(exports.back());
    INFO(csv);
    CHECK(exportedCount(csv, "session_started", "") == 1);
    CHECK(exportedCount(csv, "category_open", "programmes") == 1);
    CHECK(exportedCount(csv, "category_open", "policies") == 1);
    CHECK(exportedCount(csv, "page_view", "p4em", "vie") == 1);
    CHECK(exportedCount(csv, "page_view", "p4em", "eng") == 1);
    CHECK(exportedCount(csv, "dwell", "p4em", "vie", "10s_to_30s") == 1);
    CHECK(exportedCount(csv, "page_view", "emwg") == 0); // opened nothing but the category
    CHECK(exportedCount(csv, "pack_installed", "vn.commune.demo") == 1);
    CHECK(readFile(exports.back().parent_path() / (exports.back().stem().string() + ".json"))
              .find("vn.commune.demo") != std::string::npos);

    // Next start-up: the installed pack stays. An unsigned pack on another stick is refused.
    std::filesystem::remove_all(sticks / "stick-1");
    std::filesystem::create_directories(sticks / "stick-2");
    std::filesystem::copy_file(std::filesystem::path(KIOSK_DEMO_SOURCE).parent_path() / "demo.kpack",
                               sticks / "stick-2" / "unsigned.kpack");
    REQUIRE(std::system(("echo 2468 | " + quoted(KIOSK_BINARY) + " --set-staff-pin --data-dir " +
                         quoted(data.string()))
                            .c_str()) == 0);
    const std::string refusedLog = runKiosk("usb-refused.script", "refused");
    CHECK(refusedLog.find("current.kpack") != std::string::npos);
    CHECK(refusedLog.find("signature-missing") != std::string::npos);
    const Screenshot refused((folder / "usb-refused.png").string());
    CHECK(refused.distinctColours({0, 0, refused.width(), refused.height()}) > 50);
}

TEST_CASE("USB stick: statistics never go through a link off the stick, and the stick's names are logged on "
          "one line") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "usb-hostile-stats";
    std::filesystem::remove_all(folder);
    const std::filesystem::path data = folder / "data", sticks = folder / "sticks";
    const std::filesystem::path kioskFolder = sticks / "stick-1" / "kiosk";
    std::filesystem::create_directories(data / "keys");
    std::filesystem::create_directories(kioskFolder);
    std::ofstream(data / "keys" / "field.pub") << "not a real key, only a file to keep\n";
    // issue 19: with kiosk/stats -> <data>/keys the kiosk wrote <data>/keys/<id>/1.csv.
    std::filesystem::create_directory_symlink(std::filesystem::absolute(data / "keys"),
                                              kioskFolder / "stats");
    std::filesystem::copy_file(std::filesystem::path(KIOSK_DEMO_SOURCE).parent_path() / "demo.kpack",
                               kioskFolder / "evil\nkiosk: forged line.kpack");
    const std::filesystem::path runLog = folder / "run.log";
    const int status = runCommand(quoted(KIOSK_BINARY) + " --headless --data-dir " + quoted(data.string()) +
                                      " --usb-root " + quoted(sticks.string()) + " --script " +
                                      quoted(std::string(KIOSK_E2E_SCRIPTS) + "/usb-hostile-stats.script") +
                                      " --shot-dir " + quoted(folder.string()),
                                  runLog);
    const std::string log = readFile(runLog);
    INFO(log);
    REQUIRE(status == 0);
    std::vector<std::string> inKeys;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data / "keys"))
        inKeys.push_back(entry.path().lexically_relative(data / "keys").string());
    CHECK(inKeys == std::vector<std::string>{"field.pub"});
    CHECK(log.find("symbolic link") != std::string::npos);
    CHECK(log.find("evil\\x0akiosk: forged line.kpack") != std::string::npos);
    CHECK(log.find("\nkiosk: forged line") == std::string::npos);
    const Screenshot shot((folder / "usb-hostile-stats.png").string());
    CHECK(shot.distinctColours({0, 0, shot.width(), shot.height()}) > 50);
}

TEST_CASE("a failed expect exits non-zero and says the line and what was visible") {
    const std::filesystem::path script = std::filesystem::path(KIOSK_E2E_OUTPUT) / "failing.script";
    std::filesystem::create_directories(script.parent_path());
    std::ofstream(script) << "expect \"Chính sách\"\nexpect \"Không có chữ này\"\n";
    const std::string log = (script.parent_path() / "failing.log").string();
    // Its own data folder: a test must never touch the data of a kiosk on this machine.
    const int status = std::system((quoted(KIOSK_BINARY) + " --headless --data-dir " +
                                    quoted((script.parent_path() / "failing-data").string()) + " --script " +
                                    quoted(script.string()) + " --shot-dir " +
                                    quoted(script.parent_path().string()) + " 2> " + quoted(log))
                                       .c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::stringstream output;
    output << std::ifstream(log).rdbuf();
    CHECK(output.str().find("failing.script:2: expected to see \"Không có chữ này\"") != std::string::npos);
    CHECK(output.str().find("[button] Chính sách") != std::string::npos);
}

TEST_CASE("an unknown script command or a bad pack is refused with a clear message") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "refusals";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "unknown.script") << "wait 10\nswipe 1 2\n";
    std::ofstream(folder / "garbage.kpack") << "this is not a content pack";
    const std::string log = (folder / "log.txt").string();
    int status =
        std::system((quoted(KIOSK_BINARY) + " --headless --data-dir " + quoted((folder / "data").string()) +
                     " --script " + quoted((folder / "unknown.script").string()) + " 2> " + quoted(log))
                        .c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::stringstream output;
    output << std::ifstream(log).rdbuf();
    CHECK(output.str().find("unknown.script:2: unknown command 'swipe'") != std::string::npos);

    status = std::system((quoted(KIOSK_BINARY) + " --headless --pack " +
                          quoted((folder / "garbage.kpack").string()) + " 2> " + quoted(log))
                             .c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::stringstream packOutput;
    packOutput << std::ifstream(log).rdbuf();
    CHECK(packOutput.str().find("garbage.kpack") != std::string::npos);
}

// --- Narration, polls, QR codes, large text and high contrast ---

namespace {

// What a shell command printed on its standard output, or nothing when it failed to run or
// exited non-zero.
std::optional<std::string> standardOutputOf(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string output;
    char buffer[4096];
    while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, got);
    const int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return output;
}

bool programInstalled(const std::string& name) {
    return std::system(("command -v " + name + " > /dev/null 2>&1").c_str()) == 0;
}

const Colour kBlack{0, 0, 0};

} // namespace

TEST_CASE(
    "the speaker button plays the page's narration on the sound device, and a language pill says its name") {
    const KioskRun run = runScript("narration");
    requireSuccess(run);
    checkPageShot(run.shot("narration-playing.png"));
}

TEST_CASE("expect-audio fails with a clear message when nothing plays") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "silent";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "silent.script") << "expect \"Chính sách\"\nexpect-audio\n";
    const std::string log = (folder / "log.txt").string();
    const int status =
        std::system((quoted(KIOSK_BINARY) + " --headless --data-dir " + quoted((folder / "data").string()) +
                     " --script " + quoted((folder / "silent.script").string()) + " --shot-dir " +
                     quoted(folder.string()) + " 2> " + quoted(log))
                        .c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::stringstream output;
    output << std::ifstream(log).rdbuf();
    INFO(output.str());
    CHECK(output.str().find("silent.script:2: expected sound from the speaker, but 0 audible frames") !=
          std::string::npos);
    CHECK(output.str().find("nothing loaded") != std::string::npos);
}

TEST_CASE("a poll is answered once with a face, and counted once in the statistics") {
    const KioskRun run = runScript("poll");
    requireSuccess(run);
    const Screenshot poll = run.shot("poll.png");
    const Screenshot answered = run.shot("poll-answered.png");
    // The faces give way to the thanks: the lower part of the screen changed.
    CHECK(poll.shareDifferentFrom(answered) > 0.02);
    if (!programInstalled("sqlite3")) {
        MESSAGE("sqlite3 is not installed: the count in stats.db is not checked");
        return;
    }
    const std::optional<std::string> counts =
        standardOutputOf("sqlite3 " + quoted((run.shots / "data" / "stats.db").string()) +
                         " \"SELECT subject, language, detail, SUM(count) FROM counts WHERE metric = "
                         "'poll_answer' GROUP BY 1, 2, 3\"");
    REQUIRE(counts.has_value());
    CHECK(*counts == "i2i|vie|happy|1\n");
}

TEST_CASE("the QR code beside a page's source line reads back as the page's link") {
    for (const char* size : {"1280x800", "800x480"}) {
        CAPTURE(size);
        const KioskRun run = runScript("qr", size);
        requireSuccess(run);
        const Screenshot shot = run.shot("qr.png");
        // A white square holds the code: the quiet zone and the light modules.
        CHECK(shot.shareNear(shot.whole(), kWhite, 0) > 0.02);
        if (!programInstalled("zbarimg")) {
            MESSAGE("zbarimg is not installed (apt-get install zbar-tools): the code is not decoded");
            continue;
        }
        const std::optional<std::string> decoded = standardOutputOf(
            "zbarimg --raw --quiet " + quoted((run.shots / "qr.png").string()) + " 2> /dev/null");
        REQUIRE(decoded.has_value());
        CHECK(*decoded == "http://www.ngocentre.org.vn/emwg\n");
    }
}

TEST_CASE("large text and high contrast: one tap each, plainly different, and gone after the idle timeout") {
    const KioskRun run = runScript("modes");
    requireSuccess(run);
    const Screenshot standard = run.shot("home-standard.png");
    const Screenshot large = run.shot("home-large.png");
    // The words grew; the picture tiles stayed pictures.
    CHECK(large.shareDifferentFrom(standard) > 0.005);
    CHECK(large.distinctColours({40, 200, 1240, 560}) > 300);
    checkPageShot(run.shot("page-large.png"));

    const Screenshot contrastHome = run.shot("home-contrast.png");
    CHECK(contrastHome.shareNear({0, 0, 1280, 150}, kBlack, 4) > 0.6);
    const Screenshot contrastText = run.shot("page-large-contrast-text.png");
    const Region text{0, 110, 1280, 800};
    CHECK(contrastText.shareNear(text, kBlack, 4) > 0.6);
    CHECK(contrastText.shareNear(text, kWhite, 4) > 0.01);
    CHECK(contrastText.shareNear(text, kBackground, 6) < 0.01);

    // The next visitor sees the kiosk as it was.
    CHECK(run.shot("home-after-idle.png").shareDifferentFrom(standard) < 0.002);
}

// --- Statistics through the USB outbox (sticks read-only for the kiosk, as on a board) ---

namespace {

// What usb-export appends to its answer (`date -Iseconds`). Fixed, and later than the
// harness's virtual clock (which starts in November 2025), so the kiosk takes the line for
// the answer to its request whatever the machine's own clock says.
constexpr const char* kAnswerTime = "2030-01-01T08:00:00+07:00";
// The kiosk's id, set before its first start so the test knows its export folder.
constexpr const char* kOutboxKioskId = "00000000000000aa";

struct OutboxRun {
    std::filesystem::path folder;
    std::filesystem::path data;
    std::filesystem::path sticks;
    std::filesystem::path outbox;
    std::filesystem::path resultFile;
    std::filesystem::path copied; // where the fake usb-export puts what it copies
    std::filesystem::path stickStats() const {
        return sticks / "stick-1" / "kiosk" / "stats" / kOutboxKioskId;
    }
    std::filesystem::path outboxStats() const { return outbox / "kiosk" / "stats" / kOutboxKioskId; }
};

std::vector<std::string> fileNamesIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end;
         entry.increment(error))
        names.push_back(entry->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// A stick with a kiosk/ folder that already holds export 7 of this kiosk (an earlier visit),
// so the kiosk's next export must be 8 although it writes it elsewhere.
OutboxRun prepareOutboxRun(const std::string& name) {
    OutboxRun run;
    run.folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / name;
    std::filesystem::remove_all(run.folder);
    run.data = run.folder / "data";
    run.sticks = run.folder / "sticks";
    run.outbox = run.folder / "outbox";
    run.resultFile = run.folder / "run" / "usb-export.result";
    run.copied = run.folder / "copied-to-stick";
    std::filesystem::create_directories(run.data);
    std::filesystem::create_directories(run.resultFile.parent_path());
    std::ofstream(run.data / "kiosk-id") << kOutboxKioskId << "\n";
    // Built aside and renamed in, so the kiosk never sees half a stick.
    const std::filesystem::path building = run.folder / "stick-being-made";
    std::filesystem::create_directories(building / "kiosk" / "stats" / kOutboxKioskId);
    std::ofstream(building / "kiosk" / "stats" / kOutboxKioskId / "7.csv")
        << "date,boot,uptime_day,metric,subject,language,detail,count\n";
    std::ofstream(building / "kiosk" / "stats" / kOutboxKioskId / "7.json") << "{}\n";
    std::filesystem::create_directories(run.sticks);
    std::filesystem::rename(building, run.sticks / "stick-1");
    return run;
}

int runOutboxScript(const OutboxRun& run, const std::string& script, const std::string& size,
                    std::string& log) {
    const std::filesystem::path logFile = run.folder / "stderr.txt";
    const std::string command = quoted(KIOSK_BINARY) + " --headless --size " + size + " --data-dir " +
                                quoted(run.data.string()) + " --usb-root " + quoted(run.sticks.string()) +
                                " --usb-export-outbox " + quoted(run.outbox.string()) +
                                " --usb-export-result " + quoted(run.resultFile.string()) + " --script " +
                                quoted(std::string(KIOSK_E2E_SCRIPTS) + "/" + script) + " --shot-dir " +
                                quoted(run.folder.string()) + " 2> " + quoted(logFile.string());
    const int status = std::system(command.c_str());
    log = readFile(logFile);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Plays usb-export while the kiosk runs: when the request appears it notes what the outbox
// holds, copies the CSV and JSON files (to a folder beside the stick, so the test can tell
// that the kiosk itself wrote nothing onto the stick), writes its one-line answer through a
// temporary name and a rename, and removes the request, in usb-export's order.
class FakeUsbExport {
  public:
    struct Seen {
        bool request = false;
        std::vector<std::string> outboxFiles; // when the request appeared
        int copied = 0;
    };

    // `answer`: "ok stick-1" (the file count and time are added) or e.g.
    // "failed stick-1 read-only-stick" (the time is added).
    FakeUsbExport(OutboxRun run, std::string answer)
        : run_(std::move(run)), answer_(std::move(answer)), thread_([this] { play(); }) {}
    ~FakeUsbExport() { finish(); }
    FakeUsbExport(const FakeUsbExport&) = delete;
    FakeUsbExport& operator=(const FakeUsbExport&) = delete;

    // Stops waiting (if the request never came) and says what it saw.
    Seen finish() {
        stop_ = true;
        if (thread_.joinable())
            thread_.join();
        return seen_;
    }

  private:
    void play() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!std::filesystem::exists(run_.outbox / "request")) {
            if (stop_ || std::chrono::steady_clock::now() > deadline)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        seen_.request = true;
        seen_.outboxFiles = fileNamesIn(run_.outboxStats());
        std::filesystem::create_directories(run_.copied / kOutboxKioskId);
        for (const std::string& name : seen_.outboxFiles) {
            const std::filesystem::path file = run_.outboxStats() / name;
            if (file.extension() != ".csv" && file.extension() != ".json")
                continue;
            std::filesystem::copy_file(file, run_.copied / kOutboxKioskId / name,
                                       std::filesystem::copy_options::overwrite_existing);
            ++seen_.copied;
        }
        const std::string line = answer_.starts_with("ok ")
                                     ? answer_ + " " + std::to_string(seen_.copied) + " " + kAnswerTime
                                     : answer_ + " " + kAnswerTime;
        const std::filesystem::path temporary = run_.resultFile.string() + ".tmp";
        std::ofstream(temporary) << line << "\n";
        std::filesystem::rename(temporary, run_.resultFile);
        std::filesystem::remove(run_.outbox / "request");
    }

    OutboxRun run_;
    std::string answer_;
    std::atomic<bool> stop_{false};
    Seen seen_;
    std::thread thread_; // last: it starts once everything above exists
};

} // namespace

TEST_CASE("USB outbox: with a read-only stick the statistics go into the outbox, and the helper's ok shows "
          "as saved") {
    for (const std::string size : {"1280x800", "800x480"}) {
        CAPTURE(size);
        const OutboxRun run = prepareOutboxRun("usb-outbox-saved-" + size);
        FakeUsbExport usbExport(run, "ok stick-1");
        std::string log;
        const int status = runOutboxScript(run, "usb-outbox-saved.script", size, log);
        const FakeUsbExport::Seen seen = usbExport.finish();
        INFO(log);
        REQUIRE(status == 0);
        // The complete export (CSV and its header, numbered above the stick's 7) was in the
        // outbox when the request appeared.
        CHECK(seen.request);
        CHECK(seen.outboxFiles == std::vector<std::string>{"8.csv", "8.json"});
        CHECK(seen.copied == 2);
        const std::string header = readFile(run.copied / kOutboxKioskId / "8.json");
        CHECK(header.find("\"counts_file\": \"8.csv\"") != std::string::npos);
        CHECK(readFile(run.copied / kOutboxKioskId / "8.csv").starts_with("date,boot,uptime_day,metric"));
        // The kiosk wrote nothing onto the stick itself.
        CHECK(fileNamesIn(run.stickStats()) == std::vector<std::string>{"7.csv", "7.json"});
        // Copied, so tidied away: the outbox does not grow with every stick.
        CHECK(fileNamesIn(run.outboxStats()).empty());
        CHECK(log.find("usb-export copied 2 files to stick-1") != std::string::npos);
        const Screenshot shot((run.folder / "usb-outbox-saved.png").string());
        CHECK(std::to_string(shot.width()) + "x" + std::to_string(shot.height()) == size);
    }
}

TEST_CASE("USB outbox: the helper's failure and a refused pack show on one card, each with a small code") {
    for (const std::string size : {"1280x800", "800x480"}) {
        CAPTURE(size);
        const OutboxRun run = prepareOutboxRun("usb-outbox-failed-" + size);
        // The stick is plugged in at start: add the unsigned pack to it first.
        std::filesystem::copy_file(std::filesystem::path(KIOSK_DEMO_SOURCE).parent_path() / "demo.kpack",
                                   run.sticks / "stick-1" / "kiosk" / "unsigned.kpack");
        FakeUsbExport usbExport(run, "failed stick-1 read-only-stick");
        std::string log;
        const int status = runOutboxScript(run, "usb-outbox-failed.script", size, log);
        const FakeUsbExport::Seen seen = usbExport.finish();
        INFO(log);
        REQUIRE(status == 0);
        CHECK(seen.request);
        CHECK(log.find("could not copy the statistics to stick-1: read-only-stick") != std::string::npos);
        // Not on a stick yet: kept for the next one.
        CHECK(fileNamesIn(run.outboxStats()) == std::vector<std::string>{"8.csv", "8.json"});
        CHECK(fileNamesIn(run.stickStats()) == std::vector<std::string>{"7.csv", "7.json"});
    }
}

TEST_CASE("USB outbox: no answer within a minute, and a hostile result file, end in 'not saved' with the "
          "code timeout") {
    for (const std::string size : {"1280x800", "800x480"}) {
        CAPTURE(size);
        const OutboxRun run = prepareOutboxRun("usb-outbox-timeout-" + size);
        // A megabyte of binary rubbish where the answer would be, a line of it past any limit.
        std::string rubbish(1 << 20, '\n');
        for (std::size_t index = 0; index < rubbish.size(); ++index)
            rubbish[index] = static_cast<char>(index * 131 % 251);
        std::ofstream(run.resultFile, std::ios::binary) << "ok stick-1 2 \x1b[2J" << kAnswerTime << "\n"
                                                        << rubbish;
        std::string log;
        const int status = runOutboxScript(run, "usb-outbox-timeout.script", size, log);
        INFO(log);
        REQUIRE(status == 0);
        CHECK(log.find("no answer from usb-export within 60 s") != std::string::npos);
        // Read at every look (at most once a second), but each problem is logged once, made printable.
        std::size_t tooLong = 0;
        for (std::size_t at = log.find("longer than 512 bytes"); at != std::string::npos;
             at = log.find("longer than 512 bytes", at + 1))
            ++tooLong;
        CHECK(tooLong == 1);
        CHECK(log.find("not a usb-export result: 'ok stick-1 2 \\x1b[2J") != std::string::npos);
        CHECK(log.find('\x1b') == std::string::npos);
        CHECK(std::filesystem::exists(run.outbox / "request")); // nobody took it
        CHECK(fileNamesIn(run.outboxStats()) == std::vector<std::string>{"8.csv", "8.json"});
    }
}

TEST_CASE("the next start draws home from the kept font atlas, the same to the pixel, and a damaged one is "
          "rebuilt") {
    const std::filesystem::path data = std::filesystem::path(KIOSK_E2E_OUTPUT) / "kept-font-atlas-data";
    std::filesystem::remove_all(data);
    const std::filesystem::path kept = data / "font-atlas.cache";

    const KioskRun first = runScript("home", "1280x800", "", data);
    requireSuccess(first);
    REQUIRE(std::filesystem::exists(kept));
    const Screenshot built = first.shot("home.png");
    const auto keptAt = std::filesystem::last_write_time(kept);
    std::ifstream keptFile(kept, std::ios::binary);
    const std::vector<char> keptBytes((std::istreambuf_iterator<char>(keptFile)), {});
    REQUIRE(keptBytes.size() > 100'000);

    const KioskRun second = runScript("home", "1280x800", "", data);
    requireSuccess(second);
    CHECK(second.shot("home.png").shareDifferentFrom(built) == 0.0);
    CHECK(std::filesystem::last_write_time(kept) == keptAt); // restored, so not written again

    {
        // A flipped byte in the pixels, as on a failing SD card: built again, and kept afresh.
        std::fstream damage(kept, std::ios::binary | std::ios::in | std::ios::out);
        damage.seekp(static_cast<std::streamoff>(keptBytes.size() - 1000));
        damage.put(static_cast<char>(keptBytes[keptBytes.size() - 1000] ^ 0x5A));
    }
    const KioskRun third = runScript("home", "1280x800", "", data);
    requireSuccess(third);
    CHECK(third.shot("home.png").shareDifferentFrom(built) == 0.0);
    std::ifstream rewritten(kept, std::ios::binary);
    CHECK(std::vector<char>((std::istreambuf_iterator<char>(rewritten)), {}) == keptBytes);
}

// --- Hostile packs opened with --pack (issue 18) ---

namespace {

// The pack of one bad-pack corpus case (tests/install/BadPackCorpus.cpp), written by make-bad-packs.
std::filesystem::path corpusPack(const std::string& caseName) {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "corpus";
    const std::filesystem::path pack = folder / "sticks" / caseName / "update.kpack";
    if (!std::filesystem::exists(pack)) {
        const std::string command = quoted(KIOSK_MAKE_BAD_PACKS) + " " + quoted(folder.string()) + " " +
                                    quoted(caseName) + " > /dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
    }
    return pack;
}

} // namespace

TEST_CASE("--pack with a recording that crashed stb_vorbis: the page shows, and playing it fails cleanly") {
    const KioskRun run =
        runScript("hostile-recording", "1280x800",
                  "--pack " + quoted(corpusPack("recording-vendor-length-overflow").string()));
    requireSuccess(run);
    CHECK(run.errorOutput.find("headers are damaged") != std::string::npos);
    checkPageShot(run.shot("hostile-recording-page.png"));
}

TEST_CASE("--pack with a pack over the format's limits: refused at start, with the limit in words, at once") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"pages-20000", "the pack has more than 1000 pages"},
        {"category-title-50000-characters", "a category title longer than 60 characters (50000)"},
        {"pack-title-20000-characters", "a pack title longer than 60 characters (20000)"},
        {"character-list-every-bmp-character", "more than 800 different characters"},
    };
    for (const auto& [caseName, expected] : cases) {
        CAPTURE(caseName);
        const std::filesystem::path log =
            std::filesystem::path(KIOSK_E2E_OUTPUT) / "corpus" / (caseName + ".log");
        const auto started = std::chrono::steady_clock::now();
        const int status = std::system(("timeout 20 " + quoted(KIOSK_BINARY) + " --headless --pack " +
                                        quoted(corpusPack(caseName).string()) + " 2> " + quoted(log.string()))
                                           .c_str());
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::stringstream output;
        output << std::ifstream(log).rdbuf();
        INFO(output.str());
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 1);
        CHECK(output.str().find(expected) != std::string::npos);
        CHECK(seconds < 5);
    }
}

TEST_CASE("--pack with a 2-million-character paragraph: home shows, the page says it cannot be shown, the "
          "kiosk goes on") {
    const KioskRun run =
        runScript("hostile-paragraph", "1280x800",
                  "--pack " + quoted(corpusPack("paragraph-of-2-million-characters").string()));
    requireSuccess(run);
}

TEST_CASE("--pack naming a FIFO, or a pack with a category id that is a path, is refused at once") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_E2E_OUTPUT) / "not-a-pack";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const std::filesystem::path fifo = folder / "pack.kpack";
    REQUIRE(std::system(("mkfifo " + quoted(fifo.string())).c_str()) == 0);
    const std::vector<std::pair<std::filesystem::path, std::string>> cases = {
        {fifo, "not a regular file"},
        {corpusPack("category-id-climbs-out"), "category id '../../../../tmp/kiosk-fifo' is not"},
    };
    for (const auto& [pack, expected] : cases) {
        CAPTURE(pack);
        const std::filesystem::path log = folder / "log.txt";
        const auto started = std::chrono::steady_clock::now();
        // timeout: without the fix the kiosk waits on the FIFO for ever.
        const int status = std::system(("timeout 20 " + quoted(KIOSK_BINARY) + " --headless --pack " +
                                        quoted(pack.string()) + " 2> " + quoted(log.string()))
                                           .c_str());
        std::stringstream output;
        output << std::ifstream(log).rdbuf();
        INFO(output.str());
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 1);
        CHECK(output.str().find(expected) != std::string::npos);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }
}
