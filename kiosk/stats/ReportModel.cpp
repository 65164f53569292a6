#include "stats/ReportModel.hpp"

#include "stats/Metrics.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace kiosk::stats {

namespace {

// Weeks appear in scan order; they are put in calendar order (with empty weeks filled in)
// at the end, and every weekly series is remapped then.
class WeekSlots {
  public:
    std::size_t slotFor(std::int64_t day) {
        if (day == lastDay_)
            return lastSlot_;
        const IsoWeek week = isoWeekOf(day);
        auto [found, inserted] = slots_.emplace(week, slots_.size());
        lastDay_ = day;
        lastSlot_ = found->second;
        return lastSlot_;
    }
    std::size_t count() const { return slots_.size(); }

    // Calendar-ordered weeks (at most `maximumWeeks`, the latest) and, for every slot, its
    // index among them; slots of older weeks get `droppedSlot`.
    std::vector<IsoWeek> orderedWeeks(std::vector<std::size_t>& indexOfSlot,
                                      std::int64_t maximumWeeks) const {
        std::vector<IsoWeek> weeks;
        indexOfSlot.assign(slots_.size(), droppedSlot);
        if (slots_.empty())
            return weeks;
        const std::int64_t lastMonday = mondayOf(slots_.rbegin()->first);
        const std::int64_t firstMonday =
            std::max(mondayOf(slots_.begin()->first), lastMonday - (maximumWeeks - 1) * 7);
        for (std::int64_t monday = firstMonday; monday <= lastMonday; monday += 7)
            weeks.push_back(isoWeekOf(monday));
        for (const auto& [week, slot] : slots_)
            if (mondayOf(week) >= firstMonday)
                indexOfSlot[slot] = static_cast<std::size_t>((mondayOf(week) - firstMonday) / 7);
        return weeks;
    }
    static constexpr std::size_t droppedSlot = SIZE_MAX;

  private:
    std::map<IsoWeek, std::size_t> slots_;
    std::int64_t lastDay_ = INT64_MIN;
    std::size_t lastSlot_ = 0;
};

void addAt(std::vector<std::int64_t>& series, std::size_t slot, std::int64_t amount) {
    if (series.size() <= slot)
        series.resize(slot + 1, 0);
    series[slot] += amount;
}

std::vector<std::int64_t> remapped(const std::vector<std::int64_t>& bySlot,
                                   const std::vector<std::size_t>& indexOfSlot, std::size_t weekCount) {
    std::vector<std::int64_t> byWeek(weekCount, 0);
    for (std::size_t slot = 0; slot < bySlot.size(); ++slot)
        if (indexOfSlot[slot] != WeekSlots::droppedSlot)
            byWeek[indexOfSlot[slot]] += bySlot[slot];
    return byWeek;
}

struct CatalogEntry {
    std::string packId;
    std::string categoryId;
    std::string kind;
    std::string title;
    std::int64_t version = 0;
};

} // namespace

ReportModel buildReportModel(const MergedDatabase& merged, std::optional<std::int64_t> todayDayNumber) {
    const db::Database& database = merged.database();
    ReportModel model;

    struct CounterKey {
        Metric metric;
        std::string subject;
        std::string language;
        std::string detail;
    };
    std::unordered_map<std::int64_t, CounterKey> keys;
    {
        auto query = database.prepare("SELECT key_id, metric, subject, language, detail FROM counter_keys");
        while (query.step())
            if (const auto metric = metricFromName(query.text(1))) // a newer kiosk's metric: kept, not shown
                keys.emplace(query.integer(0),
                             CounterKey{*metric, query.text(2), query.text(3), query.text(4)});
    }

    // Kiosks: several counting databases of one kiosk (after a reset) add up.
    std::unordered_map<std::int64_t, std::size_t> kioskOfExport;
    {
        std::map<std::string, std::size_t> kioskIndex;
        auto query = database.prepare(
            "SELECT e.export_id, e.kiosk_id, e.place_name, COALESCE(e.exported_at, ''), e.clock_status, "
            "e.sequence, "
            "e.first_day, e.last_day, (SELECT group_concat(pack_id || ' v' || version, ', ') FROM "
            "export_packs p "
            "WHERE p.export_id = e.export_id) FROM exports e ORDER BY e.kiosk_id, e.sequence");
        while (query.step()) {
            const std::string kioskId = query.text(1);
            auto [found, inserted] = kioskIndex.emplace(kioskId, model.kiosks.size());
            if (inserted)
                model.kiosks.push_back({});
            KioskStats& kiosk = model.kiosks[found->second];
            kiosk.kioskId = kioskId;
            ++kiosk.countingDatabases;
            // The newest export's description wins.
            if (query.integer(5) >= kiosk.sequence) {
                kiosk.placeName = query.text(2);
                kiosk.exportedAt = query.text(3);
                kiosk.clockStatus = query.text(4);
                kiosk.sequence = query.integer(5);
                kiosk.packs = query.text(8);
            }
            const std::string firstDay = query.text(6);
            const std::string lastDay = query.text(7);
            if (!firstDay.empty() && (kiosk.firstDay.empty() || firstDay < kiosk.firstDay))
                kiosk.firstDay = firstDay;
            if (lastDay > kiosk.lastDay)
                kiosk.lastDay = lastDay;
            kioskOfExport.emplace(query.integer(0), found->second);
        }
    }

    // Catalogs: (export, page id) -> what the page is; the newest pack version names it.
    std::map<std::pair<std::int64_t, std::string>, CatalogEntry> catalogOfExport;
    {
        auto query = database.prepare(
            "SELECT export_id, page_id, pack_id, category_id, kind, title, pack_version FROM catalog_pages");
        while (query.step())
            catalogOfExport[{query.integer(0), query.text(1)}] =
                CatalogEntry{query.text(2), query.text(3), query.text(4), query.text(5), query.integer(6)};
    }
    std::map<std::pair<std::string, std::string>, std::string> categoryTitles;
    {
        auto query =
            database.prepare("SELECT pack_id, category_id, title FROM catalog_categories ORDER BY export_id");
        while (query.step())
            categoryTitles[{query.text(0), query.text(1)}] = query.text(2);
    }
    std::map<std::string, std::string> packOfCategory;
    for (const auto& [key, title] : categoryTitles)
        packOfCategory.emplace(key.second, key.first);
    std::map<std::string, std::string> languageNames;
    {
        auto query = database.prepare("SELECT code, name FROM catalog_languages ORDER BY export_id");
        while (query.step())
            if (!query.text(1).empty())
                languageNames[query.text(0)] = query.text(1);
    }

    std::map<std::pair<std::string, std::string>, std::size_t> pageIndex; // (pack, page) -> model.pages
    std::unordered_map<std::uint64_t, std::size_t> pageOfSubject;
    // Cached per (export, counter key): the key fixes the page, the export its catalog.
    auto pageFor = [&](std::int64_t exportId, std::int64_t keyId, const std::string& pageId) -> PageStats& {
        const std::uint64_t key =
            (static_cast<std::uint64_t>(exportId) << 32) ^ static_cast<std::uint64_t>(keyId);
        if (const auto found = pageOfSubject.find(key); found != pageOfSubject.end())
            return model.pages[found->second];
        const auto entry = catalogOfExport.find({exportId, pageId});
        const std::string packId = entry != catalogOfExport.end() ? entry->second.packId : std::string();
        auto [indexEntry, inserted] = pageIndex.emplace(std::make_pair(packId, pageId), model.pages.size());
        if (inserted) {
            PageStats page;
            page.packId = packId;
            page.pageId = pageId;
            page.title = pageId;
            model.pages.push_back(std::move(page));
        }
        PageStats& page = model.pages[indexEntry->second];
        if (entry != catalogOfExport.end() && entry->second.version > page.titleFromVersion) {
            page.title = entry->second.title.empty() ? pageId : entry->second.title;
            page.categoryId = entry->second.categoryId;
            page.kind = entry->second.kind;
            page.titleFromVersion = entry->second.version;
        }
        pageOfSubject.emplace(key, indexEntry->second);
        return page;
    };

    WeekSlots weekSlots;
    std::vector<std::int64_t> sessionsBySlot, viewsBySlot, attractShownBySlot, attractConvertedBySlot;
    std::vector<std::vector<std::int64_t>> pageViewsBySlot;
    std::map<std::string, std::int64_t> languageViews;
    std::map<std::pair<std::string, std::string>, std::int64_t> switches;
    std::map<std::string, std::int64_t> installs, refusals;
    std::map<std::pair<std::string, std::string>, std::int64_t> categoryOpens;
    std::optional<std::int64_t> firstDay, lastDay;

    auto query = database.prepare("SELECT export_id, day, key_id, count FROM counts");
    while (query.step()) {
        const std::int64_t keyId = query.integer(2);
        const auto keyEntry = keys.find(keyId);
        if (keyEntry == keys.end())
            continue;
        const CounterKey& counter = keyEntry->second;
        const std::int64_t exportId = query.integer(0);
        bool dated = !query.isNull(1);
        const std::int64_t day = dated ? query.integer(1) : 0;
        const std::int64_t count = query.integer(3);
        // A date after the report's day came from a clock set wrong by hand: not put on a week.
        if (dated && todayDayNumber && day > *todayDayNumber + 1) {
            dated = false;
            model.futureDatedRows += 1;
        }
        std::size_t slot = 0;
        if (dated) {
            slot = weekSlots.slotFor(day);
            firstDay = firstDay ? std::min(*firstDay, day) : day;
            lastDay = lastDay ? std::max(*lastDay, day) : day;
        }
        KioskStats* kiosk = nullptr;
        if (const auto found = kioskOfExport.find(exportId); found != kioskOfExport.end())
            kiosk = &model.kiosks[found->second];

        switch (counter.metric) {
        case Metric::SessionStarted:
            model.sessions += count;
            if (kiosk)
                kiosk->sessions += count;
            if (dated)
                addAt(sessionsBySlot, slot, count);
            break;
        case Metric::AttractShown:
            model.attractShown += count;
            if (kiosk)
                kiosk->attractShown += count;
            if (dated)
                addAt(attractShownBySlot, slot, count);
            break;
        case Metric::AttractConverted:
            model.attractConverted += count;
            if (kiosk)
                kiosk->attractConverted += count;
            if (dated)
                addAt(attractConvertedBySlot, slot, count);
            break;
        case Metric::PageView: {
            PageStats& page = pageFor(exportId, keyId, counter.subject);
            const auto index = static_cast<std::size_t>(&page - model.pages.data());
            if (pageViewsBySlot.size() <= index)
                pageViewsBySlot.resize(index + 1);
            page.total += count;
            model.pageViews += count;
            languageViews[counter.language] += count;
            if (kiosk)
                kiosk->pageViews += count;
            if (dated) {
                addAt(pageViewsBySlot[index], slot, count);
                addAt(viewsBySlot, slot, count);
            } else {
                page.undated += count;
                model.undatedPageViews += count;
                if (kiosk)
                    kiosk->undatedPageViews += count;
            }
            break;
        }
        case Metric::Dwell:
            if (const auto bucket = dwellBucketFromName(counter.detail)) {
                const auto bucketIndex = static_cast<std::size_t>(*bucket);
                pageFor(exportId, keyId, counter.subject).dwell[bucketIndex] += count;
                model.dwell[bucketIndex] += count;
            }
            break;
        case Metric::CategoryOpen: {
            model.categoryOpens += count;
            const std::string& categoryId = counter.subject;
            const auto pack = packOfCategory.find(categoryId);
            categoryOpens[{pack != packOfCategory.end() ? pack->second : std::string(), categoryId}] += count;
            break;
        }
        case Metric::GalleryOpen:
            model.galleryOpens += count;
            pageFor(exportId, keyId, counter.subject).galleryOpens += count;
            break;
        case Metric::FullscreenPictureOpen:
            model.pictureOpens += count;
            pageFor(exportId, keyId, counter.subject).pictureOpens += count;
            break;
        case Metric::LanguageSwitch:
            switches[{counter.language, counter.detail}] += count;
            break;
        case Metric::PackInstalled:
            installs[counter.subject + " v" + counter.detail] += count;
            break;
        case Metric::PackRefused:
            refusals[counter.subject] += count;
            break;
        case Metric::SessionsByHour: {
            const std::string& hour = counter.detail;
            const int value = hour.size() == 2 ? (hour[0] - '0') * 10 + (hour[1] - '0') : -1;
            if (value >= 0 && value < 24)
                model.sessionsByHour[static_cast<std::size_t>(value)] += count;
            break;
        }
        case Metric::CardView:
            pageFor(exportId, keyId, counter.subject).cardViews += count;
            break;
        case Metric::StoryReach:
            if (const auto reach = storyReachFromName(counter.detail))
                pageFor(exportId, keyId, counter.subject).storyReach[static_cast<std::size_t>(*reach)] +=
                    count;
            break;
        case Metric::PageViewsByHour:
        case Metric::PollAnswer: // merged into all.db (readable_counts); not in the HTML report yet
            break;
        }
    }

    // Calendar order for every weekly series.
    std::vector<std::size_t> indexOfSlot;
    model.weeks = weekSlots.orderedWeeks(indexOfSlot, maximumReportWeeks);
    const std::size_t weekCount = model.weeks.size();
    model.weeklySessions = remapped(sessionsBySlot, indexOfSlot, weekCount);
    model.weeklyPageViews = remapped(viewsBySlot, indexOfSlot, weekCount);
    model.weeklyAttractShown = remapped(attractShownBySlot, indexOfSlot, weekCount);
    model.weeklyAttractConverted = remapped(attractConvertedBySlot, indexOfSlot, weekCount);
    for (std::size_t index = 0; index < model.pages.size(); ++index)
        model.pages[index].weekly =
            remapped(index < pageViewsBySlot.size() ? pageViewsBySlot[index] : std::vector<std::int64_t>{},
                     indexOfSlot, weekCount);
    if (firstDay) {
        model.firstDay = formatDay(*firstDay);
        model.lastDay = formatDay(*lastDay);
    }

    // Categories from their pages.
    std::map<std::pair<std::string, std::string>, CategoryStats> categories;
    for (const PageStats& page : model.pages) {
        CategoryStats& category = categories[{page.packId, page.categoryId}];
        category.packId = page.packId;
        category.categoryId = page.categoryId;
        category.weekly.resize(weekCount, 0);
        for (std::size_t week = 0; week < weekCount; ++week)
            category.weekly[week] += page.weekly[week];
        category.total += page.total;
        for (std::size_t bucket = 0; bucket < 4; ++bucket)
            category.dwell[bucket] += page.dwell[bucket];
    }
    for (const auto& [key, count] : categoryOpens) {
        CategoryStats& category = categories[key];
        category.packId = key.first;
        category.categoryId = key.second;
        category.weekly.resize(weekCount, 0);
        category.opens += count;
    }
    for (auto& [key, category] : categories) {
        const auto title = categoryTitles.find(key);
        category.title = title != categoryTitles.end() ? title->second
                         : category.categoryId.empty() ? std::string("(not in any catalog)")
                                                       : category.categoryId;
        model.categories.push_back(std::move(category));
    }

    for (const auto& [code, views] : languageViews) {
        const auto name = languageNames.find(code);
        model.languages.push_back({code, name != languageNames.end() ? name->second : code, views});
    }
    for (const auto& [pair, count] : switches)
        model.languageSwitches.push_back({pair.first, pair.second, count});
    for (const auto& [label, count] : installs)
        model.packInstalls.push_back({label, count});
    for (const auto& [label, count] : refusals)
        model.packRefusals.push_back({label, count});

    auto byCountDescending = [](const auto& left, const auto& right) { return left > right; };
    std::stable_sort(model.pages.begin(), model.pages.end(),
                     [&](const PageStats& left, const PageStats& right) {
                         return byCountDescending(left.total, right.total);
                     });
    std::stable_sort(model.categories.begin(), model.categories.end(),
                     [&](const CategoryStats& left, const CategoryStats& right) {
                         return byCountDescending(left.total, right.total);
                     });
    std::stable_sort(model.kiosks.begin(), model.kiosks.end(),
                     [&](const KioskStats& left, const KioskStats& right) {
                         return byCountDescending(left.pageViews, right.pageViews);
                     });
    std::stable_sort(model.languages.begin(), model.languages.end(),
                     [&](const LanguageStats& left, const LanguageStats& right) {
                         return byCountDescending(left.pageViews, right.pageViews);
                     });
    std::stable_sort(
        model.languageSwitches.begin(), model.languageSwitches.end(),
        [&](const auto& left, const auto& right) { return byCountDescending(left.count, right.count); });
    return model;
}

} // namespace kiosk::stats
