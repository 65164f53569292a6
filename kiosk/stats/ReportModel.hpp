// The numbers a report shows, gathered from all.db in one pass over the counts (a year of
// 1,000 kiosks is tens of millions of rows: one scan, everything aggregated in memory).
// Nothing here is suppressed yet; suppression happens where numbers are published
// (Suppression.hpp), so the same model feeds the HTML and the CSV alike.
#pragma once

#include "stats/Calendar.hpp"
#include "stats/MergedDatabase.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::stats {

struct PageStats {
    std::string packId;
    std::string pageId;
    std::string title;
    std::string categoryId;
    std::string kind; // "programme", "meeting", "article", or "" when not in any catalog
    std::int64_t titleFromVersion = -1;
    std::vector<std::int64_t> weekly; // page views per week of ReportModel::weeks
    std::int64_t total = 0;           // dated and undated
    std::int64_t undated = 0;
    std::array<std::int64_t, 4> dwell{};
    std::int64_t galleryOpens = 0;
    std::int64_t pictureOpens = 0;
    std::array<std::int64_t, 4> storyReach{}; // visits by StoryReach; all zero for a page without cards
    std::int64_t cardViews = 0;
};

struct CategoryStats {
    std::string packId;
    std::string categoryId;
    std::string title;
    std::vector<std::int64_t> weekly; // page views of its pages per week
    std::int64_t total = 0;
    std::int64_t opens = 0; // taps on the category tile
    std::array<std::int64_t, 4> dwell{};
};

struct KioskStats {
    std::string kioskId;
    std::string placeName;
    std::string exportedAt;
    std::string clockStatus;
    std::string firstDay;
    std::string lastDay;
    std::string packs;
    std::int64_t sequence = 0;
    std::int64_t countingDatabases = 0; // more than 1: stats.db was reset once (corruption)
    std::int64_t sessions = 0;
    std::int64_t pageViews = 0;
    std::int64_t undatedPageViews = 0;
    std::int64_t attractShown = 0;
    std::int64_t attractConverted = 0;
};

struct LanguageStats {
    std::string code;
    std::string name;
    std::int64_t pageViews = 0;
};

struct LanguageSwitchStats {
    std::string from;
    std::string to;
    std::int64_t count = 0;
};

struct LabelledCount {
    std::string label;
    std::int64_t count = 0;
};

struct ReportModel {
    std::vector<IsoWeek> weeks;            // contiguous, first to last week with dated counts
    std::vector<KioskStats> kiosks;        // most page views first
    std::vector<PageStats> pages;          // most views first
    std::vector<CategoryStats> categories; // most views first
    std::vector<std::int64_t> weeklySessions;
    std::vector<std::int64_t> weeklyPageViews;
    std::vector<std::int64_t> weeklyAttractShown;
    std::vector<std::int64_t> weeklyAttractConverted;
    std::array<std::int64_t, 4> dwell{};
    std::array<std::int64_t, 24> sessionsByHour{};
    std::vector<LanguageStats> languages; // most views first
    std::vector<LanguageSwitchStats> languageSwitches;
    std::vector<LabelledCount> packInstalls; // "pack-id v3"
    std::vector<LabelledCount> packRefusals; // reason code
    std::int64_t sessions = 0;
    std::int64_t pageViews = 0;
    std::int64_t undatedPageViews = 0;
    std::int64_t attractShown = 0;
    std::int64_t attractConverted = 0;
    std::int64_t categoryOpens = 0;
    std::int64_t galleryOpens = 0;
    std::int64_t pictureOpens = 0;
    std::int64_t futureDatedRows = 0; // rows dated after the report's day (a clock set wrong)
    std::string firstDay;
    std::string lastDay;
};

// Weekly charts show at most this many weeks, the latest (older weeks stay in totals).
inline constexpr std::int64_t maximumReportWeeks = 156;

// Counts dated after `todayDayNumber` + 1 are kept in totals but put on no week.
ReportModel buildReportModel(const MergedDatabase& merged,
                             std::optional<std::int64_t> todayDayNumber = std::nullopt);

} // namespace kiosk::stats
