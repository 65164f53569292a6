// Runs a program and reports how long it took to exit and the most memory it (with all its
// child processes) held: for the cold-start comparison of the kiosk against Chromium.
//
//   bench-measure [--sample-ms 10] -- PROGRAM ARGUMENTS...
//
// Prints one line: wall_ms=... peak_rss_kb=... peak_tree_rss_kb=... peak_tree_pss_kb=...
// processes=... status=...  peak_rss_kb is the kernel's exact peak for the largest single
// process (getrusage); the tree figures are sampled every --sample-ms milliseconds.
#include "ProcessTree.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv) {
    int sampleMilliseconds = 10;
    int first = 1;
    for (; first < argc; ++first) {
        if (std::strcmp(argv[first], "--") == 0) {
            ++first;
            break;
        }
        if (std::strcmp(argv[first], "--sample-ms") == 0 && first + 1 < argc)
            sampleMilliseconds = std::max(1, std::atoi(argv[++first]));
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: bench-measure [--sample-ms 10] -- PROGRAM ARGUMENTS...\n");
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 1;
    }
    if (child == 0) {
        execvp(argv[first], argv + first);
        std::perror(argv[first]);
        _exit(127);
    }
    std::atomic<bool> done{false};
    kiosk::bench::TreeMemory peak;
    std::thread sampler([&] {
        while (!done.load()) {
            const kiosk::bench::TreeMemory now = kiosk::bench::treeMemory(child);
            peak.rssKilobytes = std::max(peak.rssKilobytes, now.rssKilobytes);
            peak.pssKilobytes = std::max(peak.pssKilobytes, now.pssKilobytes);
            peak.processes = std::max(peak.processes, now.processes);
            std::this_thread::sleep_for(std::chrono::milliseconds(sampleMilliseconds));
        }
    });
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const double wallMilliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    done = true;
    sampler.join();
    // Descendants reparented away (Chromium's zygote) still count in RUSAGE_CHILDREN's max.
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    std::printf("wall_ms=%.1f peak_rss_kb=%ld peak_tree_rss_kb=%llu peak_tree_pss_kb=%llu processes=%d status=%d\n",
                wallMilliseconds, std::max(usage.ru_maxrss, children.ru_maxrss),
                static_cast<unsigned long long>(peak.rssKilobytes), static_cast<unsigned long long>(peak.pssKilobytes),
                peak.processes, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
