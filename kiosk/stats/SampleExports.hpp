// Synthetic exports from imaginary kiosks: for demonstrations of the report, the
// report's screenshot check and the merge benchmark. Deterministic for a given seed.
// The numbers are made up but shaped like real use: quiet and busy communes, weekends,
// a campaign that lifts one programme for a few weeks, minority languages, clock gaps.
#pragma once

#include <cstdint>
#include <filesystem>

namespace kiosk::stats {

struct SampleOptions {
    std::size_t kiosks = 12;
    int days = 182;
    std::int64_t lastDayNumber = 20'779; // 2026-11-22
    std::uint64_t seed = 1;
    std::int64_t sequence = 1; // every kiosk's export gets this sequence
};

struct SampleSummary {
    std::size_t exports = 0;
    std::int64_t rows = 0;
    std::uint64_t bytes = 0;
};

// Writes <stickKioskFolder>/stats/<kiosk-id>/<sequence>.{csv,json} for each kiosk.
SampleSummary writeSampleExports(const std::filesystem::path& stickKioskFolder, const SampleOptions& options);

} // namespace kiosk::stats
