// Merge benchmark: 1,000 kiosks × 365 days of exports (made-up but realistically shaped,
// see SampleExports.hpp) merged into a fresh all.db, three times; prints the median.
// Also times a repeated merge of the same exports (the idempotent no-op every office does).
//
//   bench-merge [--kiosks 1000] [--days 365] [--runs 3] [--keep DIR]
#include "stats/Merger.hpp"
#include "stats/SampleExports.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void removeDatabase(const std::filesystem::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
}

} // namespace

int main(int argc, char** argv) {
    kiosk::stats::SampleOptions sample;
    sample.kiosks = 1000;
    sample.days = 365;
    int runs = 3;
    std::filesystem::path keep;
    for (int index = 1; index + 1 < argc; index += 2) {
        const std::string name = argv[index];
        const std::string value = argv[index + 1];
        if (name == "--kiosks")
            sample.kiosks = static_cast<std::size_t>(std::stoul(value));
        else if (name == "--days")
            sample.days = std::stoi(value);
        else if (name == "--runs")
            runs = std::max(1, std::stoi(value));
        else if (name == "--keep")
            keep = value;
        else {
            std::fprintf(stderr, "usage: bench-merge [--kiosks N] [--days N] [--runs N] [--keep DIR]\n");
            return 2;
        }
    }

    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-merge-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::filesystem::path work = keep.empty() ? std::filesystem::path(pattern) : keep;
    std::filesystem::create_directories(work);
    const std::filesystem::path exports = work / "stick" / "kiosk";
    const std::filesystem::path database = work / "all.db";

    std::printf("generating %zu kiosks x %d days of exports in %s ...\n", sample.kiosks, sample.days,
                work.c_str());
    std::fflush(stdout);
    const auto generationStart = std::chrono::steady_clock::now();
    const kiosk::stats::SampleSummary generated = kiosk::stats::writeSampleExports(exports, sample);
    std::printf("  %zu exports, %lld counter rows, %.1f MB of CSV, generated in %.1f s\n", generated.exports,
                static_cast<long long>(generated.rows), static_cast<double>(generated.bytes) / 1e6,
                secondsSince(generationStart));

    std::vector<double> mergeSeconds;
    std::vector<double> repeatSeconds;
    kiosk::stats::MergeOptions options;
    options.onProblem = [](const std::string& problem) {
        std::fprintf(stderr, "  problem: %s\n", problem.c_str());
    };
    for (int run = 1; run <= runs; ++run) {
        removeDatabase(database);
        const auto start = std::chrono::steady_clock::now();
        const kiosk::stats::MergeSummary summary =
            kiosk::stats::mergeExports({work / "stick"}, database, options);
        mergeSeconds.push_back(secondsSince(start));
        if (summary.imported != generated.exports || summary.rowsImported != generated.rows) {
            std::fprintf(stderr, "merge imported %zu exports / %lld rows, expected %zu / %lld\n",
                         summary.imported, static_cast<long long>(summary.rowsImported), generated.exports,
                         static_cast<long long>(generated.rows));
            return 1;
        }
        const auto repeatStart = std::chrono::steady_clock::now();
        const kiosk::stats::MergeSummary repeat =
            kiosk::stats::mergeExports({work / "stick"}, database, options);
        repeatSeconds.push_back(secondsSince(repeatStart));
        if (repeat.imported != 0 || repeat.unchanged != generated.exports) {
            std::fprintf(stderr, "repeated merge was not a no-op\n");
            return 1;
        }
        std::printf("  run %d: merge %.2f s, repeated merge (no-op) %.2f s\n", run, mergeSeconds.back(),
                    repeatSeconds.back());
        std::fflush(stdout);
    }
    const double seconds = median(mergeSeconds);
    std::printf("merge of %zu kiosks x %d days (%lld rows): median %.2f s over %d runs (%.0f rows/s); "
                "repeated merge median %.2f s; all.db %.0f MB\n",
                sample.kiosks, sample.days, static_cast<long long>(generated.rows), seconds, runs,
                static_cast<double>(generated.rows) / seconds, median(repeatSeconds),
                static_cast<double>(std::filesystem::file_size(database)) / 1e6);
    if (keep.empty())
        std::filesystem::remove_all(work);
    return 0;
}
