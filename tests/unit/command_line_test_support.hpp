// kiosk-pack's command line run in-process, as the tests of its commands run it: the exit code
// and what it printed on each stream.
#pragma once

#include "builder/CommandLine.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace kiosk::builder::test {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string errors;
};

inline RunResult runKioskPack(const std::vector<std::string>& arguments) {
    std::ostringstream out;
    std::ostringstream errors;
    RunResult result;
    result.exitCode = runCommandLine(arguments, out, errors);
    result.out = out.str();
    result.errors = errors.str();
    return result;
}

} // namespace kiosk::builder::test
