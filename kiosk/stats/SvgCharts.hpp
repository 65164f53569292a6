// Inline SVG charts for the HTML report: no script, no external file, readable when
// printed. Every value below k is drawn as a hatched stub with "<k" instead of its size.
#pragma once

#include "stats/Calendar.hpp"
#include "stats/Suppression.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::stats::svg {

std::string escaped(std::string_view text); // for HTML and SVG text alike

struct Series {
    std::string name;
    std::string color;
    std::vector<std::int64_t> values; // one per week
};

// Columns per week, stacked when there are several series.
std::string weeklyColumns(const std::vector<IsoWeek>& weeks, const std::vector<Series>& series,
                          const Suppression& suppression, std::string_view unit);

struct HeatmapRow {
    std::string label;
    std::string sublabel;
    std::vector<std::int64_t> values;
    std::int64_t total = 0;
};
std::string weeklyHeatmap(const std::vector<IsoWeek>& weeks, const std::vector<HeatmapRow>& rows,
                          const Suppression& suppression);

struct Bar {
    std::string label;
    std::string sublabel;
    std::int64_t value = 0;
    std::string color;
};
std::string horizontalBars(const std::vector<Bar>& bars, const Suppression& suppression);

std::string hourColumns(const std::array<std::int64_t, 24>& values, const Suppression& suppression);

struct ShareRow {
    std::string label;
    std::vector<std::int64_t> parts;
};
// 100 % bars; a row with any part below k is not drawn (its proportions would tell).
std::string shareBars(const std::vector<ShareRow>& rows, const std::vector<std::string>& partNames,
                      const std::vector<std::string>& partColors, const Suppression& suppression);

// Weekly percentages (conversion); a week whose counts are below k has no point.
std::string weeklyRateLine(const std::vector<IsoWeek>& weeks, const std::vector<std::int64_t>& parts,
                           const std::vector<std::int64_t>& wholes, const Suppression& suppression,
                           const std::string& color);

// A tiny weekly trend for a table cell.
std::string sparkline(const std::vector<std::int64_t>& values, const Suppression& suppression,
                      const std::string& color);

// A thin 100 % bar for a table cell; "" when any part is below k.
std::string miniShareBar(const std::vector<std::int64_t>& parts, const std::vector<std::string>& colors,
                         const Suppression& suppression);

// The <defs> (hatch pattern) every chart refers to; put once at the top of the page.
std::string sharedDefinitions();

} // namespace kiosk::stats::svg
