#include "stats/HtmlReport.hpp"

#include "stats/CsvCells.hpp"
#include "stats/Metrics.hpp"
#include "stats/Suppression.hpp"
#include "stats/SvgCharts.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::stats {

namespace {

using svg::escaped;

const std::vector<std::string> palette{"#0f766e", "#2563eb", "#d97706", "#7c3aed", "#db2777",
                                       "#059669", "#dc2626", "#0891b2", "#65a30d", "#4b5563"};
const std::vector<std::string> dwellColors{"#dbeafe", "#93c5fd", "#3b82f6", "#1e3a8a"};
const std::vector<std::string> reachColors{"#fde68a", "#fbbf24", "#d97706", "#78350f"};

constexpr const char* styleSheet = R"css(
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:#111827;font:15px/1.5 "Noto Sans","Segoe UI",system-ui,-apple-system,sans-serif}
header{background:linear-gradient(120deg,#0f766e,#115e59 55%,#134e4a);color:#fff;padding:34px 0 70px}
.wrap{max-width:1160px;margin:0 auto;padding:0 28px}
header h1{margin:0 0 6px;font-size:30px;font-weight:700;letter-spacing:-.01em}
header p{margin:0;opacity:.88;font-size:15px}
.kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:14px;margin-top:-48px}
.kpi{background:#fff;border-radius:12px;padding:16px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 6px 16px rgba(0,0,0,.05)}
.kpi b{display:block;font-size:26px;font-weight:700;color:#0f766e;font-variant-numeric:tabular-nums;line-height:1.2}
.kpi span{font-size:12.5px;color:#4b5563}
section{background:#fff;border-radius:12px;padding:24px 28px;margin:22px 0;box-shadow:0 1px 3px rgba(0,0,0,.06)}
section h2{margin:0 0 4px;font-size:19px}
section .lead{margin:0 0 16px;color:#4b5563;font-size:14px;max-width:860px}
.chart{width:100%;height:auto;display:block;font-family:inherit}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:10px 0 0;font-size:13px;color:#374151}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.legend i.hatch{background:repeating-linear-gradient(45deg,#f3f4f6 0 3px,#9ca3af 3px 5px)}
table{width:100%;border-collapse:collapse;font-size:13.5px}
th{text-align:left;font-weight:600;color:#374151;border-bottom:2px solid #e5e7eb;padding:8px 10px;white-space:nowrap}
td{border-bottom:1px solid #f0f1f3;padding:7px 10px;vertical-align:middle}
tr:nth-child(even) td{background:#fafafa}
.nowrap{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:#6b7280;font-size:12px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11.5px;font-weight:600}
.badge.programme{background:#ccfbf1;color:#115e59}.badge.meeting{background:#ede9fe;color:#5b21b6}
.badge.article{background:#e0f2fe;color:#075985}.badge.unknown{background:#f3f4f6;color:#4b5563}
.clock-ok{color:#047857}.clock-bad{color:#b45309}
.two{display:grid;grid-template-columns:1fr 1fr;gap:26px}
.note{background:#fffbeb;border:1px solid #fde68a;border-radius:10px;padding:12px 16px;font-size:13.5px;color:#78350f}
footer{color:#6b7280;font-size:12.5px;padding:8px 0 40px}
.scroll{max-height:640px;overflow:auto}
@media print{body{background:#fff}section{box-shadow:none;border:1px solid #e5e7eb;break-inside:avoid}.scroll{max-height:none}}
)css";

std::string kindBadge(const std::string& kind) {
    const std::string shown = kind.empty() ? "unknown" : kind;
    return "<span class=\"badge " + escaped(shown) + "\">" + escaped(shown) + "</span>";
}

std::string legend(const std::vector<std::pair<std::string, std::string>>& entries,
                   const Suppression& suppression, bool withHatch) {
    std::string out = "<div class=\"legend\">";
    for (const auto& [name, color] : entries)
        out += "<span><i style=\"background:" + color + "\"></i>" + escaped(name) + "</span>";
    if (withHatch)
        out += "<span><i class=\"hatch\"></i>fewer than " + std::to_string(suppression.k()) +
               " (not shown)</span>";
    out += "</div>";
    return out;
}

std::string categoryTitleOf(const ReportModel& model, const PageStats& page) {
    for (const CategoryStats& category : model.categories)
        if (category.packId == page.packId && category.categoryId == page.categoryId)
            return category.title;
    return page.categoryId;
}

std::string clockCell(const std::string& status) {
    const bool good = status == "synchronised" || status == "set_by_staff";
    std::string label = status;
    std::replace(label.begin(), label.end(), '_', ' ');
    return "<span class=\"" + std::string(good ? "clock-ok" : "clock-bad") + "\">" + escaped(label) +
           "</span>";
}

std::string weekRange(const ReportModel& model) {
    if (model.weeks.empty())
        return "no dated counts";
    return formatIsoWeek(model.weeks.front()) + " to " + formatIsoWeek(model.weeks.back()) + " (" +
           std::to_string(model.weeks.size()) + " weeks)";
}

std::string oneDecimalRatio(std::int64_t part, std::int64_t whole, const Suppression& suppression) {
    if (!suppression.canShowRatio(part, whole))
        return "–";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(part) / static_cast<double>(whole));
    return text;
}

std::string languageLabel(const ReportModel& model, const std::string& code) {
    for (const LanguageStats& language : model.languages)
        if (language.code == code && language.name != code)
            return language.name + " (" + code + ")";
    return code;
}

void kpi(std::string& out, const std::string& value, const std::string& label) {
    out += "<div class=\"kpi\"><b>" + escaped(value) + "</b><span>" + escaped(label) + "</span></div>";
}

} // namespace

std::string renderHtmlReport(const ReportModel& model, const ReportOptions& options) {
    const Suppression suppression(options.k);
    const std::string k = std::to_string(suppression.k());
    std::string out;
    out.reserve(1 << 20);
    out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">";
    out += "<title>" + escaped(options.title) + "</title><style>" + styleSheet + "</style></head><body>";
    out += svg::sharedDefinitions();

    // Header and key figures.
    out += "<header><div class=\"wrap\"><h1>" + escaped(options.title) + "</h1><p>";
    out += escaped(std::to_string(model.kiosks.size()) + (model.kiosks.size() == 1 ? " kiosk" : " kiosks"));
    if (!model.firstDay.empty())
        out += " · " + escaped(model.firstDay + " to " + model.lastDay);
    if (!options.generatedOn.empty())
        out += " · generated " + escaped(options.generatedOn);
    out += " · counts below " + k + " shown as &lt;" + k + "</p></div></header>";
    out += "<main class=\"wrap\"><div class=\"kpis\">";
    kpi(out, suppression.count(model.sessions), "visits (sessions)");
    kpi(out, suppression.count(model.pageViews), "pages read");
    kpi(out, oneDecimalRatio(model.pageViews, model.sessions, suppression), "pages per visit");
    kpi(out, suppression.percent(model.attractConverted, model.attractShown),
        "attract loops that led to a visit");
    kpi(out, std::to_string(model.kiosks.size()), "kiosks reporting");
    kpi(out, suppression.percent(model.pageViews - model.undatedPageViews, model.pageViews),
        "of page views dated");
    out += "</div>";

    // Activity by week.
    out +=
        "<section><h2>Visits per week</h2><p class=\"lead\">How many visits started each week, all kiosks "
        "together. A visit starts with the first touch after the kiosk was idle. Weeks run Monday to Sunday; "
        "counts from days when a kiosk's clock could not be trusted are left out here (see the notes at the "
        "end).</p>";
    out +=
        svg::weeklyColumns(model.weeks, {{"visits", "#0f766e", model.weeklySessions}}, suppression, "visits");
    out += legend({{"visits", "#0f766e"}}, suppression, true) + "</section>";

    // Categories over weeks.
    {
        std::vector<svg::Series> series;
        std::vector<std::pair<std::string, std::string>> legendEntries;
        for (std::size_t index = 0; index < model.categories.size(); ++index) {
            const CategoryStats& category = model.categories[index];
            const std::string& color = palette[index % palette.size()];
            series.push_back({category.title, color, category.weekly});
            legendEntries.emplace_back(category.title, color);
        }
        out += "<section><h2>Page views per category and week</h2><p class=\"lead\">Which parts of the kiosk "
               "people "
               "read. Each column is one week, split by the category of the pages read.</p>";
        out += svg::weeklyColumns(model.weeks, series, suppression, "page views");
        out += legend(legendEntries, suppression, true);
        out += "<table style=\"margin-top:16px\"><tr><th>Category</th><th class=\"n\">Page views</th>"
               "<th class=\"n\">Share</th><th class=\"n\">Tile taps</th><th>Trend by week</th></tr>";
        for (std::size_t index = 0; index < model.categories.size(); ++index) {
            const CategoryStats& category = model.categories[index];
            out += "<tr><td>" + escaped(category.title) + "</td><td class=\"n\">" +
                   suppression.count(category.total) + "</td><td class=\"n\">" +
                   suppression.percent(category.total, model.pageViews) + "</td><td class=\"n\">" +
                   suppression.count(category.opens) + "</td><td>" +
                   svg::sparkline(category.weekly, suppression, palette[index % palette.size()]) +
                   "</td></tr>";
        }
        out += "</table></section>";
    }

    // Programmes over weeks.
    {
        std::vector<svg::HeatmapRow> rows;
        for (const PageStats& page : model.pages)
            if (page.kind == "programme")
                rows.push_back({page.title, "", page.weekly, page.total});
        out += "<section><h2>Programmes: page views per week</h2><p class=\"lead\">Each row is one programme "
               "page, "
               "each square one week; the darker, the more views. Hatched squares had fewer than " +
               k + " views, which are not published. Hover a square for its number.</p>";
        if (rows.empty())
            out += "<p class=\"muted\">No programme pages in the catalogs of these exports.</p>";
        else
            out += svg::weeklyHeatmap(model.weeks, rows, suppression);
        out += "</section>";
    }

    // All pages.
    out += "<section><h2>Most read pages</h2><p class=\"lead\">Every page with its views since the first "
           "export, "
           "how long people stayed (lightest: under 10 seconds, darkest: over 2 minutes) and how often they "
           "opened "
           "its pictures.</p><div class=\"scroll\"><table><tr><th>Page</th><th>Kind</th><th "
           "class=\"n\">Views</th>"
           "<th>Weekly trend</th><th>Time on page</th><th class=\"n\">Gallery</th><th class=\"n\">Full "
           "screen</th></tr>";
    for (const PageStats& page : model.pages) {
        const std::vector<std::int64_t> dwell(page.dwell.begin(), page.dwell.end());
        std::string dwellCell = svg::miniShareBar(dwell, dwellColors, suppression);
        if (dwellCell.empty())
            dwellCell = "<span class=\"muted\">too few</span>";
        out += "<tr><td>" + escaped(page.title) + "<div class=\"muted\">" +
               escaped(categoryTitleOf(model, page)) + "</div></td><td>" + kindBadge(page.kind) +
               "</td><td class=\"n\">" + suppression.count(page.total) + "</td><td>" +
               svg::sparkline(page.weekly, suppression, "#0f766e") + "</td><td>" + dwellCell +
               "</td><td class=\"n\">" + suppression.count(page.galleryOpens) + "</td><td class=\"n\">" +
               suppression.count(page.pictureOpens) + "</td></tr>";
    }
    out += "</table></div></section>";

    // Time on page.
    {
        std::vector<svg::ShareRow> rows{{"All pages", {model.dwell.begin(), model.dwell.end()}}};
        for (const CategoryStats& category : model.categories)
            rows.push_back({category.title, {category.dwell.begin(), category.dwell.end()}});
        std::vector<std::string> names;
        std::vector<std::pair<std::string, std::string>> legendEntries;
        for (const DwellBucket bucket : allDwellBuckets) {
            names.emplace_back(dwellBucketLabel(bucket));
            legendEntries.emplace_back(std::string(dwellBucketLabel(bucket)),
                                       dwellColors[static_cast<std::size_t>(bucket)]);
        }
        out +=
            "<section><h2>Time spent on a page</h2><p class=\"lead\">How long people stayed on a page before "
            "going on, in four bands. Long stays on programme pages suggest they were read, not just "
            "passed.</p>";
        out += svg::shareBars(rows, names, dwellColors, suppression);
        out += legend(legendEntries, suppression, false) + "</section>";
    }

    // Story cards: how far people got.
    {
        std::vector<svg::ShareRow> rows;
        for (const PageStats& page : model.pages)
            if (page.storyReach != std::array<std::int64_t, 4>{})
                rows.push_back({page.title, {page.storyReach.begin(), page.storyReach.end()}});
        if (!rows.empty()) {
            std::vector<std::string> names;
            std::vector<std::pair<std::string, std::string>> legendEntries;
            for (const StoryReach reach : allStoryReaches) {
                names.emplace_back(storyReachLabel(reach));
                legendEntries.emplace_back(std::string(storyReachLabel(reach)),
                                           reachColors[static_cast<std::size_t>(reach)]);
            }
            out += "<section><h2>How far people got through the story cards</h2><p class=\"lead\">For each "
                   "page told as story cards, the visits that stopped at the first card, before half, after "
                   "half, or went on to the last card. A story most people leave early may need fewer or "
                   "clearer cards.</p>";
            out += svg::shareBars(rows, names, reachColors, suppression);
            out += legend(legendEntries, suppression, false) + "</section>";
        }
    }

    // Kiosks.
    {
        std::vector<svg::Bar> bars;
        for (std::size_t index = 0; index < model.kiosks.size() && index < 15; ++index) {
            const KioskStats& kiosk = model.kiosks[index];
            bars.push_back({kiosk.placeName.empty() ? kiosk.kioskId : kiosk.placeName, kiosk.kioskId,
                            kiosk.pageViews, "#2563eb"});
        }
        out += "<section><h2>Kiosks</h2><p class=\"lead\">Page views per kiosk" +
               std::string(model.kiosks.size() > 15 ? " (the 15 busiest; every kiosk is in the table)" : "") +
               ". The place name is the one staff set on the kiosk.</p>";
        out += svg::horizontalBars(bars, suppression);
        out += "<div class=\"scroll\" style=\"margin-top:14px\"><table><tr><th>Place</th><th>Period</th>"
               "<th>Clock</th><th class=\"n\">Visits</th><th class=\"n\">Page views</th>"
               "<th class=\"n\">Attract → visit</th><th class=\"n\">Undated</th><th>Packs</th><th>Last "
               "export</th></tr>";
        for (const KioskStats& kiosk : model.kiosks) {
            out +=
                "<tr><td>" + escaped(kiosk.placeName.empty() ? "(no name set)" : kiosk.placeName) +
                "<div class=\"muted\"><code>" + escaped(kiosk.kioskId) + "</code>" +
                (kiosk.countingDatabases > 1
                     ? " · counting restarted " + std::to_string(kiosk.countingDatabases - 1) + "×"
                     : "") +
                "</div></td><td class=\"muted nowrap\">" +
                (kiosk.firstDay.empty() ? "–" : escaped(kiosk.firstDay) + "<br>" + escaped(kiosk.lastDay)) +
                "</td><td>" + clockCell(kiosk.clockStatus) + "</td><td class=\"n\">" +
                suppression.count(kiosk.sessions) + "</td><td class=\"n\">" +
                suppression.count(kiosk.pageViews) + "</td><td class=\"n\">" +
                suppression.percent(kiosk.attractConverted, kiosk.attractShown) + "</td><td class=\"n\">" +
                suppression.percent(kiosk.undatedPageViews, kiosk.pageViews) + "</td><td class=\"muted\">" +
                escaped(kiosk.packs) + "</td><td class=\"muted nowrap\">#" + std::to_string(kiosk.sequence) +
                (kiosk.exportedAt.empty() ? "" : "<br>" + escaped(kiosk.exportedAt.substr(0, 10))) +
                "</td></tr>";
        }
        out += "</table></div></section>";
    }

    // Languages and attract conversion side by side.
    out += "<section><h2>Languages</h2><p class=\"lead\">Page views by the language the page "
           "was read in.</p>";
    {
        std::vector<svg::Bar> bars;
        for (std::size_t index = 0; index < model.languages.size(); ++index)
            bars.push_back({model.languages[index].name, model.languages[index].code,
                            model.languages[index].pageViews, palette[(index + 1) % palette.size()]});
        out += svg::horizontalBars(bars, suppression);
        out += "<h3 style=\"font-size:15px;margin:18px 0 6px\">Language switches</h3>"
               "<table><tr><th>Switched from</th><th>to</th><th class=\"n\">Times</th></tr>";
        for (const LanguageSwitchStats& change : model.languageSwitches)
            out += "<tr><td>" + escaped(languageLabel(model, change.from)) + "</td><td>" +
                   escaped(languageLabel(model, change.to)) + "</td><td class=\"n\">" +
                   suppression.count(change.count) + "</td></tr>";
        if (model.languageSwitches.empty())
            out += "<tr><td colspan=\"3\" class=\"muted\">No language switches.</td></tr>";
        out += "</table>";
    }
    out += "</section><section><h2>Attract loop</h2><p class=\"lead\">When nobody uses the kiosk it shows a "
           "loop of "
           "pictures. How often did a loop turn into a visit?</p>";
    out += "<div class=\"kpi\" style=\"box-shadow:none;background:#f0fdfa;margin-bottom:12px\"><b>" +
           suppression.percent(model.attractConverted, model.attractShown) + "</b><span>" +
           suppression.count(model.attractConverted) + " visits from " +
           suppression.count(model.attractShown) + " attract loops</span></div>";
    out += svg::weeklyRateLine(model.weeks, model.weeklyAttractConverted, model.weeklyAttractShown,
                               suppression, "#d97706");
    out += "</section>";

    // Hour of day.
    out +=
        "<section><h2>When people come</h2><p class=\"lead\">Visits by hour of the day (local time), all "
        "kiosks and all dated days together. Hours are only ever counted for the kiosk as a whole, never per "
        "page.</p>";
    out += svg::hourColumns(model.sessionsByHour, suppression) + "</section>";

    // Packs.
    out += "<section><h2>Content packs</h2><p class=\"lead\">Packs installed from USB sticks, and packs the "
           "kiosks "
           "refused, by reason.</p><div class=\"two\"><table><tr><th>Installed</th><th "
           "class=\"n\">Times</th></tr>";
    for (const LabelledCount& install : model.packInstalls)
        out += "<tr><td>" + escaped(install.label) + "</td><td class=\"n\">" +
               suppression.count(install.count) + "</td></tr>";
    if (model.packInstalls.empty())
        out += "<tr><td colspan=\"2\" class=\"muted\">None.</td></tr>";
    out += "</table><table><tr><th>Refused because</th><th class=\"n\">Times</th></tr>";
    for (const LabelledCount& refusal : model.packRefusals)
        out += "<tr><td><code>" + escaped(refusal.label) + "</code></td><td class=\"n\">" +
               suppression.count(refusal.count) + "</td></tr>";
    if (model.packRefusals.empty())
        out += "<tr><td colspan=\"2\" class=\"muted\">None.</td></tr>";
    out += "</table></div></section>";

    // Notes.
    std::size_t untrustedKiosks = 0;
    for (const KioskStats& kiosk : model.kiosks)
        if (kiosk.undatedPageViews > 0)
            ++untrustedKiosks;
    out +=
        "<section><h2>About these numbers</h2><div class=\"note\"><p style=\"margin-top:0\">The kiosks count "
        "only totals: how many visits, which pages in which language, in four bands of time on a page. They "
        "never "
        "record who used them, when exactly a page was tapped, or the path of one visit. Counts from 1 to " +
        std::to_string(suppression.k() - 1) + " are shown as &lt;" + k +
        " so that no single visit can be picked out.</p>";
    out += "<p>A kiosk without network has no reliable clock after a power cut. Its counts are then kept "
           "without a "
           "date (by boot, not by day) and appear in totals but not in the weekly charts: " +
           suppression.count(model.undatedPageViews) + " page views from " + std::to_string(untrustedKiosks) +
           (untrustedKiosks == 1 ? " kiosk" : " kiosks") + " are undated.</p>";
    if (model.futureDatedRows > 0)
        out += "<p>" + std::to_string(model.futureDatedRows) +
               " counter rows carry a date after the day of this report (a clock set wrong by hand); they "
               "are in "
               "the totals but on no week.</p>";
    out += "<p style=\"margin-bottom:0\">Weeks covered: " + escaped(weekRange(model)) +
           ". Each kiosk's newest export counts, so a kiosk that was not visited recently may end "
           "earlier.</p></div>"
           "</section>";
    out += "</main><footer class=\"wrap\">Made by kiosk-stats from the kiosks' cumulative "
           "exports.</footer></body></html>\n";
    return out;
}

std::string renderCsvReport(const ReportModel& model, const ReportOptions& options) {
    const Suppression suppression(options.k);
    std::string out = "section,item,detail,value\n";
    auto field = [](const std::string& text) {
        std::string cell;
        appendCsvCell(cell, text);
        return cell;
    };
    // Numbers without thousands separators, so spreadsheets read them as numbers.
    auto value = [&](std::int64_t count) {
        return suppression.hides(count) ? "<" + std::to_string(suppression.k()) : std::to_string(count);
    };
    auto row = [&](const std::string& section, const std::string& item, const std::string& detail,
                   const std::string& shown) {
        out += field(section) + "," + field(item) + "," + field(detail) + "," + field(shown) + "\n";
    };
    row("total", "sessions", "", value(model.sessions));
    row("total", "page_views", "", value(model.pageViews));
    row("total", "undated_page_views", "", value(model.undatedPageViews));
    row("total", "attract_shown", "", value(model.attractShown));
    row("total", "attract_converted", "", value(model.attractConverted));
    for (std::size_t week = 0; week < model.weeks.size(); ++week)
        row("sessions_per_week", "all kiosks", formatIsoWeek(model.weeks[week]),
            value(model.weeklySessions[week]));
    for (const CategoryStats& category : model.categories)
        for (std::size_t week = 0; week < model.weeks.size(); ++week)
            row("category_views_per_week", category.title, formatIsoWeek(model.weeks[week]),
                value(category.weekly[week]));
    for (const PageStats& page : model.pages) {
        if (page.kind == "programme")
            for (std::size_t week = 0; week < model.weeks.size(); ++week)
                row("programme_views_per_week", page.title, formatIsoWeek(model.weeks[week]),
                    value(page.weekly[week]));
        row("page_views", page.title, page.pageId, value(page.total));
        for (const DwellBucket bucket : allDwellBuckets)
            row("page_dwell", page.title, std::string(dwellBucketName(bucket)),
                value(page.dwell[static_cast<std::size_t>(bucket)]));
        if (page.storyReach != std::array<std::int64_t, 4>{}) {
            row("page_card_views", page.title, page.pageId, value(page.cardViews));
            for (const StoryReach reach : allStoryReaches)
                row("page_story_reach", page.title, std::string(storyReachName(reach)),
                    value(page.storyReach[static_cast<std::size_t>(reach)]));
        }
    }
    for (const KioskStats& kiosk : model.kiosks) {
        const std::string item =
            kiosk.placeName.empty() ? kiosk.kioskId : kiosk.placeName + " (" + kiosk.kioskId + ")";
        row("kiosk", item, "sessions", value(kiosk.sessions));
        row("kiosk", item, "page_views", value(kiosk.pageViews));
        row("kiosk", item, "attract_shown", value(kiosk.attractShown));
        row("kiosk", item, "attract_converted", value(kiosk.attractConverted));
    }
    for (const DwellBucket bucket : allDwellBuckets)
        row("dwell", "all pages", std::string(dwellBucketName(bucket)),
            value(model.dwell[static_cast<std::size_t>(bucket)]));
    for (const LanguageStats& language : model.languages)
        row("language_page_views", language.code, language.name, value(language.pageViews));
    for (const LanguageSwitchStats& change : model.languageSwitches)
        row("language_switch", change.from, change.to, value(change.count));
    for (std::size_t hour = 0; hour < 24; ++hour)
        row("sessions_by_hour", "all kiosks", (hour < 10 ? "0" : "") + std::to_string(hour),
            value(model.sessionsByHour[hour]));
    for (const LabelledCount& install : model.packInstalls)
        row("pack_installed", install.label, "", value(install.count));
    for (const LabelledCount& refusal : model.packRefusals)
        row("pack_refused", refusal.label, "", value(refusal.count));
    return out;
}

} // namespace kiosk::stats
