#include "app/KioskOptions.hpp"
#include "script/Script.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("scripts parse every command with its line number") {
    const auto commands = script::parseScript("# comment\n"
                                              "tap 10 20\n"
                                              "\n"
                                              "tap \"Chương trình\"\r\n"
                                              "drag 1 2 3 4 300\n"
                                              "wait 90000\n"
                                              "shot home.png\n"
                                              "expect \"Trang chủ\"\n"
                                              "expect-not \"Lỗi\"\n"
                                              "wait-sound-end\n"
                                              "wait-sound-end 30000\n"
                                              "expect-playback failed\n",
                                              "test.script");
    REQUIRE(commands.size() == 10);
    CHECK(commands[0].lineNumber == 2);
    CHECK(std::get<script::TapAt>(commands[0].action).y == 20);
    CHECK(std::get<script::TapText>(commands[1].action).text == "Chương trình");
    CHECK(commands[1].lineNumber == 4);
    const auto& drag = std::get<script::Drag>(commands[2].action);
    CHECK(drag.toY == 4);
    CHECK(drag.milliseconds == 300);
    CHECK(std::get<script::Wait>(commands[3].action).milliseconds == 90000);
    CHECK(std::get<script::Shot>(commands[4].action).fileName == "home.png");
    CHECK(std::get<script::Expect>(commands[5].action).present);
    CHECK_FALSE(std::get<script::Expect>(commands[6].action).present);
    CHECK(std::get<script::WaitSoundEnd>(commands[7].action).milliseconds == 10000);
    CHECK(std::get<script::WaitSoundEnd>(commands[8].action).milliseconds == 30000);
    CHECK(std::get<script::ExpectPlayback>(commands[9].action).state == "failed");
}

TEST_CASE("script errors name the file, the line and the problem") {
    auto messageOf = [](const std::string& source) {
        try {
            script::parseScript(source, "s.script");
        } catch (const script::ScriptError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    CHECK(messageOf("wait 1\nfly 1 2\n").find("s.script:2: unknown command 'fly'") == 0);
    CHECK(messageOf("tap 1\n").find("s.script:1: expected a number for y") == 0);
    CHECK(messageOf("tap \"open\n").find("missing closing double quote") != std::string::npos);
    CHECK(messageOf("wait -5\n").find("whole number") != std::string::npos);
    CHECK(messageOf("shot ../escape.png\n").find("without folders") != std::string::npos);
    CHECK(messageOf("expect-playback broken\n")
              .find("idle, playing, paused, finished or failed, not 'broken'") != std::string::npos);
    CHECK(messageOf("wait 10 extra\n").find("unexpected 'extra'") != std::string::npos);
    CHECK(messageOf("wait 1\n\xFF\xFEtap\n") == "s.script:2: not UTF-8 text (is this a script file?)");
}

TEST_CASE("kiosk options: defaults, headless flags and refusals") {
    const app::KioskOptions defaults = app::parseKioskOptions({});
    CHECK_FALSE(defaults.headless);
    CHECK(defaults.idleSeconds == 90);
    const app::KioskOptions headless =
        app::parseKioskOptions({"--headless", "--size", "800x480", "--pack", "a.kpack", "--script", "s",
                                "--shot-dir", "out", "--idle-seconds", "30"});
    CHECK(headless.headless);
    CHECK(headless.headlessSize.width == 800);
    CHECK(headless.headlessSize.height == 480);
    CHECK(headless.pack->string() == "a.kpack");
    CHECK(headless.idleSeconds == 30);
    CHECK(defaults.soundDevice.empty());
    CHECK(app::parseKioskOptions({"--sound-device", "Headphones"}).soundDevice == "Headphones");
    CHECK_THROWS_AS(app::parseKioskOptions({"--sound-device"}), app::UsageError);
    CHECK(app::parseKioskOptions({"--renderer", "opengles2"}).rendererDriver == "opengles2");
    CHECK(app::parseKioskOptions({"--renderer", "software"}).softwareRenderer);
    CHECK(app::parseKioskOptions({"--renderer", "auto"}).rendererDriver.empty());
    CHECK_THROWS_AS(app::parseKioskOptions({"--renderer", "vulkan"}), app::UsageError);
    CHECK_THROWS_AS(app::parseKioskOptions({"--renderer", "opengl", "--software-renderer"}), app::UsageError);
    CHECK_THROWS_AS(app::parseKioskOptions({"--size", "800by480"}), app::UsageError);
    CHECK_THROWS_AS(app::parseKioskOptions({"--windowed", "10x10"}), app::UsageError);
    CHECK_THROWS_AS(app::parseKioskOptions({"--script", "s"}), app::UsageError); // needs --headless
    CHECK_THROWS_AS(app::parseKioskOptions({"--pack"}), app::UsageError);
    CHECK_THROWS_AS(app::parseKioskOptions({"--quit-on-escape"}), app::UsageError);
}
