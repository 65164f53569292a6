// Memory of a process and all its descendants, read from /proc: Chromium runs as many
// processes, so its footprint is their sum. PSS shares each shared page among the
// processes that map it, so summing it does not count a shared library twice.
#pragma once

#include <cstdint>
#include <sys/types.h>
#include <vector>

namespace kiosk::bench {

struct TreeMemory {
    std::uint64_t rssKilobytes = 0;
    std::uint64_t pssKilobytes = 0;
    int processes = 0;
};

std::vector<pid_t> processTree(pid_t root);
TreeMemory treeMemory(pid_t root);
// The calling process's resident set, in kilobytes.
std::uint64_t ownRssKilobytes();

} // namespace kiosk::bench
