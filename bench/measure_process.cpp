// Runs a program and reports how long it took to exit and the most memory it (with all its
// child processes) held: for the cold-start comparison of the kiosk against Chromium.
//
//   bench-measure [--sample-ms 10] [--mark TEXT] -- PROGRAM ARGUMENTS...
//
// Prints one line: [mark_ms=...] wall_ms=... peak_rss_kb=... peak_tree_rss_kb=...
// peak_tree_pss_kb=... processes=... status=...  peak_rss_kb is the kernel's exact peak for
// the largest single process (getrusage); the tree figures are sampled every --sample-ms
// milliseconds. With --mark, the program's standard error is read (and passed on) and
// mark_ms is when a line holding TEXT first appeared: the kiosk's and Chromium's "first
// complete frame", which is what a visitor waits for, without the screenshot and exit after.
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
    std::string mark;
    int first = 1;
    for (; first < argc; ++first) {
        if (std::strcmp(argv[first], "--") == 0) {
            ++first;
            break;
        }
        if (std::strcmp(argv[first], "--sample-ms") == 0 && first + 1 < argc)
            sampleMilliseconds = std::max(1, std::atoi(argv[++first]));
        else if (std::strcmp(argv[first], "--mark") == 0 && first + 1 < argc)
            mark = argv[++first];
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: bench-measure [--sample-ms 10] [--mark TEXT] -- PROGRAM ARGUMENTS...\n");
        return 2;
    }
    int errorPipe[2] = {-1, -1};
    if (!mark.empty() && pipe(errorPipe) != 0) {
        std::perror("pipe");
        return 1;
    }
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 1;
    }
    if (child == 0) {
        if (!mark.empty()) {
            dup2(errorPipe[1], STDERR_FILENO);
            close(errorPipe[0]);
            close(errorPipe[1]);
        }
        execvp(argv[first], argv + first);
        std::perror(argv[first]);
        _exit(127);
    }
    // Read on a thread of its own, so that a full pipe never holds the program up.
    double markMilliseconds = -1;
    std::thread errorReader;
    if (!mark.empty()) {
        close(errorPipe[1]);
        errorReader = std::thread([&, readEnd = errorPipe[0]] {
            std::string pending;
            char buffer[4096];
            ssize_t got;
            while ((got = read(readEnd, buffer, sizeof buffer)) > 0) {
                const auto now = std::chrono::steady_clock::now();
                fwrite(buffer, 1, static_cast<std::size_t>(got), stderr);
                pending.append(buffer, static_cast<std::size_t>(got));
                if (markMilliseconds < 0 && pending.find(mark) != std::string::npos)
                    markMilliseconds = std::chrono::duration<double, std::milli>(now - started).count();
                // Keep only the unfinished line (and enough to match across a read boundary).
                const std::size_t lineEnd = pending.rfind('\n');
                if (lineEnd != std::string::npos)
                    pending.erase(0, lineEnd + 1);
            }
            close(readEnd);
        });
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
    if (errorReader.joinable())
        errorReader.join(); // ends when every process holding the pipe has gone
    // Descendants reparented away (Chromium's zygote) still count in RUSAGE_CHILDREN's max.
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    if (!mark.empty())
        std::printf("mark_ms=%.1f ", markMilliseconds);
    std::printf(
        "wall_ms=%.1f peak_rss_kb=%ld peak_tree_rss_kb=%llu peak_tree_pss_kb=%llu processes=%d status=%d\n",
        wallMilliseconds, std::max(usage.ru_maxrss, children.ru_maxrss),
        static_cast<unsigned long long>(peak.rssKilobytes),
        static_cast<unsigned long long>(peak.pssKilobytes), peak.processes,
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
