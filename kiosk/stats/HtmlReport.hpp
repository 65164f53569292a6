// `kiosk-stats report`: one self-contained HTML file (inline CSS and SVG, no script, no
// network) for programme officers and funders, and optionally the same numbers as CSV.
// Every count published passes through Suppression: values from 1 to k-1 read "<k".
#pragma once

#include "stats/ReportModel.hpp"

#include <cstdint>
#include <string>

namespace kiosk::stats {

struct ReportOptions {
    std::int64_t k = 5;
    std::string title = "Commune kiosk usage";
    std::string generatedOn; // "YYYY-MM-DD"; shown in the header when set
};

std::string renderHtmlReport(const ReportModel& model, const ReportOptions& options);
// Long format: section,item,detail,value (suppressed exactly like the HTML).
std::string renderCsvReport(const ReportModel& model, const ReportOptions& options);

} // namespace kiosk::stats
