// Small-cell suppression: any published count from 1 to k-1 is shown as "<k", never as
// its value, so that no single visit can be picked out of a report about a small commune.
// Zero is shown as zero. Rates and shares are shown only when every count they are made
// of is at least k.
//
// Known limit: there is no complementary suppression. A total next to a suppressed cell
// is a cell of its own (and usually far above k), so in a small table the difference can
// bound the hidden value. Reports for publication should keep k at 5 or more.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::stats {

std::string withThousands(std::int64_t value); // 12345 -> "12,345"

class Suppression {
  public:
    explicit Suppression(std::int64_t k) : k_(k < 1 ? 1 : k) {}
    std::int64_t k() const { return k_; }
    bool hides(std::int64_t value) const { return value > 0 && value < k_; }
    // "0", "<5" or "12,345"
    std::string count(std::int64_t value) const;
    // "37%" or "–" when the part or the whole is hidden (or the whole is 0)
    std::string percent(std::int64_t part, std::int64_t whole) const;
    bool canShowRatio(std::int64_t part, std::int64_t whole) const {
        return whole > 0 && !hides(part) && !hides(whole);
    }

  private:
    std::int64_t k_;
};

} // namespace kiosk::stats
