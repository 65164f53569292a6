#include "stats/SvgCharts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::stats::svg {

namespace {

constexpr double chartWidth = 1080;
constexpr const char* gridColor = "#e5e7eb";
constexpr const char* axisTextColor = "#6b7280";
constexpr const char* monthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string result = text;
    if (result.size() > 2 && result.compare(result.size() - 2, 2, ".0") == 0)
        result.resize(result.size() - 2);
    return result;
}

// 1, 2 or 5 times a power of ten, so that axis labels are round numbers.
double niceStep(double maximum, int wantedTicks) {
    if (maximum <= 0)
        return 1;
    const double rough = maximum / wantedTicks;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0})
        if (rough <= factor * power)
            return std::max(1.0, factor * power);
    return std::max(1.0, 10 * power);
}

std::string svgOpen(double height, std::string_view label) {
    return "<svg class=\"chart\" viewBox=\"0 0 " + number(chartWidth) + " " + number(height) +
           "\" role=\"img\" aria-label=\"" + escaped(label) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
}

std::string text(double x, double y, std::string_view content, std::string_view attributes = "") {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" " + std::string(attributes) + ">" +
           escaped(content) + "</text>";
}

std::string rect(double x, double y, double width, double height, std::string_view fill,
                 std::string_view tooltip, std::string_view extra = "") {
    return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(std::max(width, 0.0)) +
           "\" height=\"" + number(std::max(height, 0.0)) + "\" fill=\"" + std::string(fill) + "\" " +
           std::string(extra) + "><title>" + escaped(tooltip) + "</title></rect>";
}

// Month labels under weekly axes: at the first week whose Monday falls in a new month.
std::string monthAxis(const std::vector<IsoWeek>& weeks, double left, double step, double y) {
    std::string out;
    int lastMonth = -1;
    double lastLabelEnd = -1e9;
    for (std::size_t index = 0; index < weeks.size(); ++index) {
        const std::int64_t monday = mondayOf(weeks[index]);
        const int month = monthOf(monday);
        if (month == lastMonth)
            continue;
        lastMonth = month;
        std::string label = monthNames[month - 1];
        if (month == 1 || index == 0)
            label += " " + formatDay(monday).substr(0, 4);
        const double x = left + step * static_cast<double>(index);
        if (x < lastLabelEnd)
            continue; // a month that starts right after the first label would overprint it
        lastLabelEnd = x + 7.0 * static_cast<double>(label.size()) + 6;
        out += "<line x1=\"" + number(x) + "\" x2=\"" + number(x) + "\" y1=\"" + number(y - 12) + "\" y2=\"" +
               number(y - 6) + "\" stroke=\"#9ca3af\"/>";
        out += text(x + 2, y + 4, label, "font-size=\"11\" fill=\"" + std::string(axisTextColor) + "\"");
    }
    return out;
}

std::string valueAxis(double maximum, double left, double right, double top, double bottom,
                      std::string (*format)(double)) {
    std::string out;
    const double step = niceStep(maximum, 4);
    for (double tick = 0; tick <= maximum + step * 0.01; tick += step) {
        const double y = bottom - (bottom - top) * tick / std::max(maximum, 1.0);
        out += "<line x1=\"" + number(left) + "\" x2=\"" + number(right) + "\" y1=\"" + number(y) +
               "\" y2=\"" + number(y) + "\" stroke=\"" + gridColor + "\"/>";
        out += text(left - 8, y + 4, format(tick),
                    "font-size=\"11\" text-anchor=\"end\" fill=\"" + std::string(axisTextColor) + "\"");
    }
    return out;
}

std::string countLabel(double value) {
    return withThousands(static_cast<std::int64_t>(std::llround(value)));
}
std::string percentLabel(double value) {
    return number(value) + "%";
}

std::string hatchedStub(double x, double bottom, double width, const Suppression& suppression,
                        std::string_view tooltip) {
    return rect(x, bottom - 5, width, 5, "url(#suppressed)",
                std::string(tooltip) + ": <" + std::to_string(suppression.k()),
                "stroke=\"#9ca3af\" stroke-width=\"0.5\"");
}

// Light to dark teal by the square root of the share of the maximum, so small cells
// are still told apart from empty ones.
std::string heatColor(std::int64_t value, std::int64_t maximum) {
    const double share =
        maximum > 0 ? std::sqrt(static_cast<double>(value) / static_cast<double>(maximum)) : 0;
    const int red = static_cast<int>(std::lround(224 + (15 - 224) * share));
    const int green = static_cast<int>(std::lround(242 + (118 - 242) * share));
    const int blue = static_cast<int>(std::lround(238 + (110 - 238) * share));
    char color[16];
    std::snprintf(color, sizeof color, "#%02x%02x%02x", red, green, blue);
    return color;
}

} // namespace

std::string escaped(std::string_view input) {
    std::string out;
    out.reserve(input.size());
    for (const char character : input) {
        switch (character) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += character;
        }
    }
    return out;
}

std::string sharedDefinitions() {
    return "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>"
           "<pattern id=\"suppressed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f3f4f6\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9ca3af\" stroke-width=\"2\"/></pattern>"
           "</defs></svg>";
}

std::string weeklyColumns(const std::vector<IsoWeek>& weeks, const std::vector<Series>& series,
                          const Suppression& suppression, std::string_view unit) {
    const double height = 250, left = 64, right = chartWidth - 12, top = 14, bottom = height - 34;
    std::vector<std::int64_t> shownTotals(weeks.size(), 0);
    for (const Series& one : series)
        for (std::size_t week = 0; week < weeks.size() && week < one.values.size(); ++week)
            if (!suppression.hides(one.values[week]))
                shownTotals[week] += one.values[week];
    double maximum = 1;
    for (const std::int64_t total : shownTotals)
        maximum = std::max(maximum, static_cast<double>(total));
    const double axisMaximum = niceStep(maximum, 4) * std::ceil(maximum / niceStep(maximum, 4));
    const double step = weeks.empty() ? 1 : (right - left) / static_cast<double>(weeks.size());
    const double barWidth = std::max(1.0, step * 0.78);

    std::string out = svgOpen(height, std::string("Weekly ") + std::string(unit));
    out += valueAxis(axisMaximum, left, right, top, bottom, countLabel);
    for (std::size_t week = 0; week < weeks.size(); ++week) {
        const double x = left + step * static_cast<double>(week) + (step - barWidth) / 2;
        double y = bottom;
        bool anyHidden = false;
        for (const Series& one : series) {
            const std::int64_t value = week < one.values.size() ? one.values[week] : 0;
            if (suppression.hides(value)) {
                anyHidden = true;
                continue;
            }
            const double barHeight = (bottom - top) * static_cast<double>(value) / axisMaximum;
            y -= barHeight;
            if (value > 0)
                out += rect(x, y, barWidth, barHeight, one.color,
                            formatIsoWeek(weeks[week]) + (series.size() > 1 ? " · " + one.name : "") + ": " +
                                withThousands(value) + " " + std::string(unit));
        }
        if (anyHidden && y == bottom)
            out += hatchedStub(x, bottom, barWidth, suppression, formatIsoWeek(weeks[week]));
    }
    out += "<line x1=\"" + number(left) + "\" x2=\"" + number(right) + "\" y1=\"" + number(bottom) +
           "\" y2=\"" + number(bottom) + "\" stroke=\"#9ca3af\"/>";
    out += monthAxis(weeks, left, step, bottom + 22);
    out += "</svg>";
    return out;
}

std::string weeklyHeatmap(const std::vector<IsoWeek>& weeks, const std::vector<HeatmapRow>& rows,
                          const Suppression& suppression) {
    const double labelWidth = 300, totalWidth = 70, rowHeight = 30, top = 26;
    const double left = labelWidth, right = chartWidth - totalWidth;
    const double step = weeks.empty() ? 1 : (right - left) / static_cast<double>(weeks.size());
    const double height = top + rowHeight * static_cast<double>(rows.size()) + 8;
    std::int64_t maximum = 1;
    for (const HeatmapRow& row : rows)
        for (const std::int64_t value : row.values)
            maximum = std::max(maximum, value);

    std::string out = svgOpen(height, "Page views per programme and week");
    out += monthAxis(weeks, left, step, 14);
    out += text(chartWidth - 6, 16, "Total",
                "font-size=\"11\" text-anchor=\"end\" font-weight=\"600\" fill=\"#374151\"");
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const HeatmapRow& row = rows[index];
        const double y = top + rowHeight * static_cast<double>(index);
        std::string label = row.label;
        if (label.size() > 44) {
            std::size_t cut = 41;
            while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80)
                --cut;
            label = label.substr(0, cut) + "…";
        }
        const double labelY = row.sublabel.empty() ? y + 18 : y + 12;
        out += "<text x=\"0\" y=\"" + number(labelY) + "\" font-size=\"13\" fill=\"#111827\">" +
               escaped(label) + "<title>" + escaped(row.label) + "</title></text>";
        if (!row.sublabel.empty())
            out += text(0, y + 25, row.sublabel, "font-size=\"10\" fill=\"#6b7280\"");
        for (std::size_t week = 0; week < weeks.size(); ++week) {
            const std::int64_t value = week < row.values.size() ? row.values[week] : 0;
            const double x = left + step * static_cast<double>(week);
            const std::string tip =
                row.label + " · " + formatIsoWeek(weeks[week]) + ": " + suppression.count(value);
            if (suppression.hides(value))
                out += rect(x + 0.5, y + 1, step - 1, rowHeight - 4, "url(#suppressed)", tip);
            else
                out += rect(x + 0.5, y + 1, step - 1, rowHeight - 4,
                            value == 0 ? "#f9fafb" : heatColor(value, maximum), tip);
        }
        out += text(chartWidth - 6, y + 16, suppression.count(row.total),
                    "font-size=\"12\" text-anchor=\"end\" font-weight=\"600\" fill=\"#111827\"");
    }
    out += "</svg>";
    return out;
}

std::string horizontalBars(const std::vector<Bar>& bars, const Suppression& suppression) {
    const double labelWidth = 300, valueWidth = 80, rowHeight = 30;
    const double height = rowHeight * static_cast<double>(bars.size()) + 6;
    std::int64_t maximum = 1;
    for (const Bar& bar : bars)
        if (!suppression.hides(bar.value))
            maximum = std::max(maximum, bar.value);
    const double barSpace = chartWidth - labelWidth - valueWidth;
    std::string out = svgOpen(height, "Bar chart");
    for (std::size_t index = 0; index < bars.size(); ++index) {
        const Bar& bar = bars[index];
        const double y = rowHeight * static_cast<double>(index);
        out += text(labelWidth - 12, y + (bar.sublabel.empty() ? 19 : 14), bar.label,
                    "font-size=\"13\" text-anchor=\"end\" fill=\"#111827\"");
        if (!bar.sublabel.empty())
            out += text(labelWidth - 12, y + 26, bar.sublabel,
                        "font-size=\"10\" text-anchor=\"end\" fill=\"#6b7280\"");
        double end = labelWidth;
        if (suppression.hides(bar.value)) {
            out += rect(labelWidth, y + 6, 14, rowHeight - 12, "url(#suppressed)",
                        bar.label + ": <" + std::to_string(suppression.k()),
                        "stroke=\"#9ca3af\" stroke-width=\"0.5\"");
            end += 14;
        } else {
            const double width = barSpace * static_cast<double>(bar.value) / static_cast<double>(maximum);
            out += rect(labelWidth, y + 5, width, rowHeight - 10, bar.color,
                        bar.label + ": " + withThousands(bar.value), "rx=\"3\"");
            end += width;
        }
        out += text(end + 8, y + 19, suppression.count(bar.value), "font-size=\"12.5\" fill=\"#374151\"");
    }
    out += "</svg>";
    return out;
}

std::string hourColumns(const std::array<std::int64_t, 24>& values, const Suppression& suppression) {
    const double height = 200, left = 64, right = chartWidth - 12, top = 12, bottom = height - 30;
    std::int64_t maximum = 1;
    for (const std::int64_t value : values)
        if (!suppression.hides(value))
            maximum = std::max(maximum, value);
    const double axisMaximum =
        niceStep(static_cast<double>(maximum), 4) *
        std::ceil(static_cast<double>(maximum) / niceStep(static_cast<double>(maximum), 4));
    const double step = (right - left) / 24;
    std::string out = svgOpen(height, "Sessions by hour of day");
    out += valueAxis(axisMaximum, left, right, top, bottom, countLabel);
    for (std::size_t hour = 0; hour < 24; ++hour) {
        const double x = left + step * static_cast<double>(hour) + step * 0.12;
        const std::string label = (hour < 10 ? "0" : "") + std::to_string(hour) + ":00";
        if (suppression.hides(values[hour])) {
            out += hatchedStub(x, bottom, step * 0.76, suppression, label);
        } else if (values[hour] > 0) {
            const double barHeight = (bottom - top) * static_cast<double>(values[hour]) / axisMaximum;
            out += rect(x, bottom - barHeight, step * 0.76, barHeight, "#2563eb",
                        label + ": " + withThousands(values[hour]) + " sessions", "rx=\"2\"");
        }
        if (hour % 3 == 0)
            out +=
                text(left + step * static_cast<double>(hour) + step / 2, bottom + 18, label,
                     "font-size=\"11\" text-anchor=\"middle\" fill=\"" + std::string(axisTextColor) + "\"");
    }
    out += "<line x1=\"" + number(left) + "\" x2=\"" + number(right) + "\" y1=\"" + number(bottom) +
           "\" y2=\"" + number(bottom) + "\" stroke=\"#9ca3af\"/>";
    out += "</svg>";
    return out;
}

std::string shareBars(const std::vector<ShareRow>& rows, const std::vector<std::string>& partNames,
                      const std::vector<std::string>& partColors, const Suppression& suppression) {
    const double labelWidth = 240, rowHeight = 34, right = chartWidth - 10;
    const double height = rowHeight * static_cast<double>(rows.size()) + 4;
    std::string out = svgOpen(height, "Shares");
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const ShareRow& row = rows[index];
        const double y = rowHeight * static_cast<double>(index);
        out +=
            text(labelWidth - 12, y + 21, row.label, "font-size=\"13\" text-anchor=\"end\" fill=\"#111827\"");
        std::int64_t whole = 0;
        bool anyHidden = false;
        for (const std::int64_t part : row.parts) {
            whole += part;
            anyHidden = anyHidden || suppression.hides(part);
        }
        if (anyHidden || whole == 0 || suppression.hides(whole)) {
            out += rect(labelWidth, y + 6, right - labelWidth, rowHeight - 12, "#f9fafb",
                        "too few visits to show", "stroke=\"#e5e7eb\"");
            out += text(labelWidth + 10, y + 21,
                        "too few visits to show (a part is below " + std::to_string(suppression.k()) + ")",
                        "font-size=\"11.5\" fill=\"#9ca3af\"");
            continue;
        }
        double x = labelWidth;
        for (std::size_t part = 0; part < row.parts.size(); ++part) {
            const double width =
                (right - labelWidth) * static_cast<double>(row.parts[part]) / static_cast<double>(whole);
            const std::string share = suppression.percent(row.parts[part], whole);
            out += rect(x, y + 6, width, rowHeight - 12, partColors[part % partColors.size()],
                        row.label + " · " + partNames[part] + ": " + share + " (" +
                            withThousands(row.parts[part]) + ")");
            if (width > 38)
                out += text(x + width / 2, y + 21, share,
                            "font-size=\"11.5\" text-anchor=\"middle\" fill=\"" +
                                std::string(part >= 2 ? "#ffffff" : "#0f172a") + "\"");
            x += width;
        }
    }
    out += "</svg>";
    return out;
}

std::string weeklyRateLine(const std::vector<IsoWeek>& weeks, const std::vector<std::int64_t>& parts,
                           const std::vector<std::int64_t>& wholes, const Suppression& suppression,
                           const std::string& color) {
    const double height = 220, left = 64, right = chartWidth - 12, top = 14, bottom = height - 34;
    const double step = weeks.empty() ? 1 : (right - left) / static_cast<double>(weeks.size());
    std::string out = svgOpen(height, "Weekly conversion rate");
    out += valueAxis(100, left, right, top, bottom, percentLabel);
    std::string path;
    std::string points;
    bool penDown = false;
    for (std::size_t week = 0; week < weeks.size(); ++week) {
        const std::int64_t part = week < parts.size() ? parts[week] : 0;
        const std::int64_t whole = week < wholes.size() ? wholes[week] : 0;
        if (!suppression.canShowRatio(part, whole)) {
            penDown = false; // a gap, not a guess
            continue;
        }
        const double rate = std::min(100.0, 100.0 * static_cast<double>(part) / static_cast<double>(whole));
        const double x = left + step * (static_cast<double>(week) + 0.5);
        const double y = bottom - (bottom - top) * rate / 100;
        path += (penDown ? " L" : " M") + number(x) + " " + number(y);
        penDown = true;
        points += "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"3\" fill=\"" + color +
                  "\"><title>" +
                  escaped(formatIsoWeek(weeks[week]) + ": " + suppression.percent(part, whole) + " of " +
                          withThousands(whole) + " attract loops") +
                  "</title></circle>";
    }
    if (!path.empty())
        out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2.2\"/>";
    out += points;
    out += "<line x1=\"" + number(left) + "\" x2=\"" + number(right) + "\" y1=\"" + number(bottom) +
           "\" y2=\"" + number(bottom) + "\" stroke=\"#9ca3af\"/>";
    out += monthAxis(weeks, left, step, bottom + 22);
    out += "</svg>";
    return out;
}

std::string sparkline(const std::vector<std::int64_t>& values, const Suppression& suppression,
                      const std::string& color) {
    const double width = 140, height = 28;
    std::int64_t maximum = 1;
    for (const std::int64_t value : values)
        if (!suppression.hides(value))
            maximum = std::max(maximum, value);
    const double step = values.size() > 1 ? width / static_cast<double>(values.size() - 1) : width;
    std::string path;
    for (std::size_t index = 0; index < values.size(); ++index) {
        // A hidden week is drawn at zero: the line must not tell its size.
        const std::int64_t value = suppression.hides(values[index]) ? 0 : values[index];
        const double y =
            height - 2 - (height - 4) * static_cast<double>(value) / static_cast<double>(maximum);
        path += (index ? " L" : "M") + number(step * static_cast<double>(index)) + " " + number(y);
    }
    return "<svg class=\"spark\" viewBox=\"0 0 " + number(width) + " " + number(height) +
           "\" width=\"140\" height=\"28\" aria-hidden=\"true\"><path d=\"" + path +
           "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1.5\"/></svg>";
}

std::string miniShareBar(const std::vector<std::int64_t>& parts, const std::vector<std::string>& colors,
                         const Suppression& suppression) {
    std::int64_t whole = 0;
    for (const std::int64_t part : parts) {
        if (suppression.hides(part))
            return "";
        whole += part;
    }
    if (whole == 0)
        return "";
    const double width = 120, height = 12;
    std::string out =
        "<svg class=\"mini\" viewBox=\"0 0 120 12\" width=\"120\" height=\"12\" aria-hidden=\"true\">";
    double x = 0;
    for (std::size_t index = 0; index < parts.size(); ++index) {
        const double partWidth = width * static_cast<double>(parts[index]) / static_cast<double>(whole);
        out += "<rect x=\"" + number(x) + "\" y=\"0\" width=\"" + number(partWidth) + "\" height=\"" +
               number(height) + "\" fill=\"" + colors[index % colors.size()] + "\"/>";
        x += partWidth;
    }
    out += "</svg>";
    return out;
}

} // namespace kiosk::stats::svg
