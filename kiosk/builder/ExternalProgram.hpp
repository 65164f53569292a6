// Runs the helper programs the builder needs (espeak-ng, oggenc) without a shell: the
// arguments go to the program as they are, so no text from a pack source is ever parsed
// as a command.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::builder {

class ProgramError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A folder under the system's temporary folder, removed with everything in it.
class TemporaryFolder {
  public:
    explicit TemporaryFolder(const std::string& prefix);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// The program's full path when `name` is on PATH and executable.
std::optional<std::filesystem::path> findProgram(const std::string& name);

// Runs arguments[0] (searched on PATH) with the other arguments and waits for it. Its input
// and output are /dev/null; what it writes to stderr is kept in `errorFile` and its first
// line goes into the ProgramError thrown when it does not exit with status 0.
void runProgram(const std::vector<std::string>& arguments, const std::filesystem::path& errorFile);

} // namespace kiosk::builder
