#include "ExternalProgram.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kiosk::builder {

namespace {

class SpawnFileActions {
  public:
    SpawnFileActions() {
        if (posix_spawn_file_actions_init(&actions_) != 0)
            throw ProgramError("cannot prepare to start a program");
    }
    ~SpawnFileActions() { posix_spawn_file_actions_destroy(&actions_); }
    SpawnFileActions(const SpawnFileActions&) = delete;
    SpawnFileActions& operator=(const SpawnFileActions&) = delete;

    void open(int descriptor, const std::string& path, int flags) {
        if (posix_spawn_file_actions_addopen(&actions_, descriptor, path.c_str(), flags, 0600) != 0)
            throw ProgramError("cannot prepare to start a program");
    }
    const posix_spawn_file_actions_t* get() const { return &actions_; }

  private:
    posix_spawn_file_actions_t actions_;
};

std::string firstLineOf(const std::filesystem::path& file) {
    std::ifstream stream(file);
    std::string line;
    std::getline(stream, line);
    return line.substr(0, 300);
}

} // namespace

TemporaryFolder::TemporaryFolder(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw ProgramError("cannot create a temporary folder in " +
                           std::filesystem::temp_directory_path().string() + ": " + std::strerror(errno));
    path_ = pattern;
}

TemporaryFolder::~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::optional<std::filesystem::path> findProgram(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string folders = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= folders.size()) {
        const std::size_t end = std::min(folders.find(':', start), folders.size());
        const std::filesystem::path candidate =
            std::filesystem::path(end > start ? folders.substr(start, end - start) : ".") / name;
        if (::access(candidate.c_str(), X_OK) == 0 && std::filesystem::is_regular_file(candidate))
            return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

void runProgram(const std::vector<std::string>& arguments, const std::filesystem::path& errorFile) {
    if (arguments.empty())
        throw ProgramError("no program to run");
    const std::string& program = arguments.front();
    SpawnFileActions actions;
    actions.open(STDIN_FILENO, "/dev/null", O_RDONLY);
    actions.open(STDOUT_FILENO, "/dev/null", O_WRONLY);
    actions.open(STDERR_FILENO, errorFile.string(), O_WRONLY | O_CREAT | O_TRUNC);
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);

    pid_t child = 0;
    const int spawned = posix_spawnp(&child, program.c_str(), actions.get(), nullptr, argv.data(), environ);
    if (spawned != 0)
        throw ProgramError("cannot run " + program + ": " + std::strerror(spawned));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR)
            throw ProgramError("lost track of " + program + ": " + std::strerror(errno));
    if (WIFSIGNALED(status))
        throw ProgramError(program + " was stopped by signal " + std::to_string(WTERMSIG(status)));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string message = firstLineOf(errorFile);
        throw ProgramError(program + " failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")" +
                           (message.empty() ? "" : ": " + message));
    }
}

} // namespace kiosk::builder
