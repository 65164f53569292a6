// The kiosk as a desktop user meets it: the real binary in a real X window (under Xvfb),
// clicked with XTest (xdotool) and read back from the X server (ImageMagick's import).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

// A child process that is killed (SIGTERM, then SIGKILL) and reaped when this goes.
class BackgroundProcess {
  public:
    BackgroundProcess(const std::vector<std::string>& arguments,
                      const std::vector<std::string>& extraEnvironment,
                      const std::filesystem::path& errorOutput);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    // SIGTERM and wait; the exit status (128 + signal when killed).
    int stop();

  private:
    pid_t pid_ = -1;
    int status_ = -1;
};

// An X server of our own on a free display, at the given size.
class VirtualDisplay {
  public:
    VirtualDisplay(int width, int height, const std::filesystem::path& logFolder);
    const std::string& name() const { return name_; } // ":N"

  private:
    std::string name_;
    std::unique_ptr<BackgroundProcess> server_;
};

// Runs a command line with DISPLAY set; true when it exited 0.
bool runOnDisplay(const VirtualDisplay& display, const std::string& command);
// The whole screen of `display` as a PNG.
void grabScreen(const VirtualDisplay& display, const std::filesystem::path& file);
// Waits until `file` contains `text` (a log line); false after `seconds`.
bool waitForText(const std::filesystem::path& file, const std::string& text, double seconds);
std::string readFile(const std::filesystem::path& file);
// Whether the programs these tests need are installed.
bool haveProgram(const std::string& name);
