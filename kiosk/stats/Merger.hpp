// `kiosk-stats merge`: finds exports in files and folders (USB sticks copied to the
// office), keeps the newest of each kiosk's counting database, and imports it into all.db.
// Bad or foreign files are reported and skipped; they never stop a merge. Signed exports
// (stats/ExportSigning.hpp) pin their kiosk's key: from then on that kiosk's exports must
// verify against it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::stats {

struct MergeProgress {
    std::size_t exportsDone = 0;
    std::size_t exportsToImport = 0;
    std::int64_t rowsImported = 0;
    double elapsedSeconds = 0;
};

struct MergeOptions {
    // Each problem with one file, in plain words with the file's path.
    std::function<void(const std::string&)> onProblem;
    // Called at most about once a second while importing.
    std::function<void(const MergeProgress&)> onProgress;
    // Kiosk ids whose exports may be signed by a key other than the pinned one (a new SD card,
    // a lost key). The inputs must hold exactly one such new key per kiosk named: it is pinned,
    // and exports still signed by the old key are taken in this merge but never re-pin it.
    std::set<std::string> acceptNewKeyFor;
};

struct MergeSummary {
    std::size_t exportsFound = 0; // valid headers seen
    std::size_t imported = 0;     // newer than all.db had: counts replaced
    std::size_t unchanged = 0;    // same as or older than what all.db has
    std::size_t superseded = 0;   // an older export of a kiosk whose newer one was also given
    std::size_t skipped = 0;      // bad or foreign files
    std::size_t refused = 0;      // exports that may be forged: wrong key or signature, absurd sequence
    std::int64_t rowsImported = 0;
    std::size_t kiosksInDatabase = 0;
    double elapsedSeconds = 0;
};

MergeSummary mergeExports(const std::vector<std::filesystem::path>& inputs,
                          const std::filesystem::path& mergedDatabasePath, const MergeOptions& options);

} // namespace kiosk::stats
