#include "WindowSession.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& arguments,
                                     const std::vector<std::string>& extraEnvironment,
                                     const std::filesystem::path& errorOutput) {
    std::vector<std::string> environment = extraEnvironment;
    for (char** variable = environ; *variable; ++variable)
        environment.emplace_back(*variable); // the first of a name wins, so ours come first
    pid_ = ::fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int log = ::open(errorOutput.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (log >= 0) {
            ::dup2(log, STDERR_FILENO);
            ::dup2(log, STDOUT_FILENO);
        }
        std::vector<char*> argv, envp;
        for (const std::string& argument : arguments)
            argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        for (const std::string& variable : environment)
            envp.push_back(const_cast<char*>(variable.c_str()));
        envp.push_back(nullptr);
        ::execvpe(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
}

bool BackgroundProcess::running() {
    if (status_ >= 0)
        return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

int BackgroundProcess::stop() {
    if (!running())
        return status_;
    ::kill(pid_, SIGTERM);
    for (int tries = 0; tries < 100 && running(); ++tries)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (running()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        status_ = 128 + SIGKILL;
    }
    return status_;
}

BackgroundProcess::~BackgroundProcess() {
    stop();
}

VirtualDisplay::VirtualDisplay(int width, int height, const std::filesystem::path& logFolder) {
    std::filesystem::create_directories(logFolder);
    // A display number of our own; the lock file tells whether another server holds it.
    for (int number = 90; number < 140; ++number) {
        if (std::filesystem::exists("/tmp/.X" + std::to_string(number) + "-lock"))
            continue;
        name_ = ":" + std::to_string(number);
        server_ = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{"Xvfb", name_, "-screen", "0",
                                     std::to_string(width) + "x" + std::to_string(height) + "x24",
                                     "-nolisten", "tcp"},
            std::vector<std::string>{}, logFolder / "xvfb.log");
        for (int tries = 0; tries < 100; ++tries) {
            if (!server_->running())
                break;
            if (runOnDisplay(*this, "xdotool getmouselocation >/dev/null 2>&1"))
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    throw std::runtime_error("no X server would start (see " + (logFolder / "xvfb.log").string() + ")");
}

bool runOnDisplay(const VirtualDisplay& display, const std::string& command) {
    const std::string line = "DISPLAY=" + display.name() + " " + command;
    return std::system(line.c_str()) == 0;
}

void grabScreen(const VirtualDisplay& display, const std::filesystem::path& file) {
    if (!runOnDisplay(display, "import -window root '" + file.string() + "'"))
        throw std::runtime_error("could not read the screen back into " + file.string());
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream stream(file);
    std::stringstream content;
    content << stream.rdbuf();
    return content.str();
}

bool waitForText(const std::filesystem::path& file, const std::string& text, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (readFile(file).find(text) != std::string::npos)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool haveProgram(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}
