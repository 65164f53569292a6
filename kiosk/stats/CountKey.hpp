// One counter: which period, what was counted, about what. A count table maps keys to
// counts; it is the unit batched in memory, committed to stats.db and exported.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <string>

namespace kiosk::stats {

// Either a local calendar day (the clock was trustworthy) or, when it was not, a boot
// number and the day of uptime within that boot, so that nothing is put on a wrong date.
struct CountPeriod {
    std::string date;           // "YYYY-MM-DD"; empty when undated
    std::int64_t boot = 0;      // undated only: the kiosk's boot counter, from 1
    std::int64_t uptimeDay = 0; // undated only: whole days since that boot

    bool isDated() const { return !date.empty(); }
    auto operator<=>(const CountPeriod&) const = default;
};

struct CountKey {
    CountPeriod period;
    std::string metric;
    std::string subject;  // page, category, pack id or reason code; empty for kiosk-wide counts
    std::string language; // page language, or the language switched from
    std::string detail;   // dwell bucket, hour, pack version, or the language switched to

    auto operator<=>(const CountKey&) const = default;
};

using CountTable = std::map<CountKey, std::int64_t>;

inline void addCount(CountTable& table, const CountKey& key, std::int64_t amount) {
    table[key] += amount;
}

} // namespace kiosk::stats
