#include "stats/Suppression.hpp"

#include <cmath>

namespace kiosk::stats {

std::string withThousands(std::int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    for (int position = static_cast<int>(digits.size()) - 3; position > 0; position -= 3)
        digits.insert(static_cast<std::size_t>(position), ",");
    return negative ? "-" + digits : digits;
}

std::string Suppression::count(std::int64_t value) const {
    if (hides(value))
        return "<" + std::to_string(k_);
    return withThousands(value);
}

std::string Suppression::percent(std::int64_t part, std::int64_t whole) const {
    if (!canShowRatio(part, whole))
        return "–";
    return std::to_string(static_cast<long long>(
               std::llround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
           "%";
}

} // namespace kiosk::stats
