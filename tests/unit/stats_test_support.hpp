// Shared helpers for the statistics tests: a temporary folder, a fake kernel (clock sync
// flag and boot id) and exact reads of what stats.db holds.
#pragma once

#include "stats/Calendar.hpp"
#include "stats/StatsStore.hpp"
#include "stats/UsageRecorder.hpp"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace kiosk::stats::testing {

class TemporaryFolder {
  public:
    TemporaryFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-stats-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// 2026-11-25 10:00 in Vietnam (UTC+7).
inline const std::int64_t morningWallSeconds = dayNumberFromCivil(2026, 11, 25) * 86400 + (10 - 7) * 3600;
inline const std::int64_t testBuildDateSeconds = dayNumberFromCivil(2026, 1, 1) * 86400;

struct FakeKernel {
    bool synchronised = true;
    std::string bootId = "boot-a";
};

inline RecorderOptions optionsFor(const std::filesystem::path& dataDirectory, FakeKernel& kernel) {
    RecorderOptions options;
    options.dataDirectory = dataDirectory;
    options.buildDateSeconds = testBuildDateSeconds;
    options.isWallClockSynchronised = [&kernel] { return kernel.synchronised; };
    options.currentBootId = [&kernel] { return kernel.bootId; };
    return options;
}

// What stats.db holds right now, through a second connection (as after a restart).
inline CountTable committedCounts(const std::filesystem::path& dataDirectory) {
    if (!std::filesystem::exists(dataDirectory / "stats.db"))
        return {};
    return StatsStore::open(dataDirectory / "stats.db").readCounts();
}

// The sum over every period of the counts matching the rest of the key.
inline std::int64_t total(const CountTable& counts, const std::string& metric,
                          const std::string& subject = "", const std::string& language = "",
                          const std::string& detail = "") {
    std::int64_t sum = 0;
    for (const auto& [key, count] : counts)
        if (key.metric == metric && key.subject == subject && key.language == language &&
            key.detail == detail)
            sum += count;
    return sum;
}

inline std::int64_t totalOfMetric(const CountTable& counts, const std::string& metric) {
    std::int64_t sum = 0;
    for (const auto& [key, count] : counts)
        if (key.metric == metric)
            sum += count;
    return sum;
}

} // namespace kiosk::stats::testing
