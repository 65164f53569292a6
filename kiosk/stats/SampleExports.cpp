#include "stats/SampleExports.hpp"

#include "signing/Keys.hpp"
#include "stats/Calendar.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/Metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace kiosk::stats {

namespace {

struct SamplePage {
    const char* id;
    const char* category;
    const char* kind;
    const char* title;
    double weight;
};

// Titles as a commune's demo pack might have them (Vietnamese, the pack's default language).
constexpr std::array samplePages{
    SamplePage{"nong-thon-moi", "programmes", "programme", "Chương trình nông thôn mới", 9},
    SamplePage{"giam-ngheo-ben-vung", "programmes", "programme", "Giảm nghèo bền vững", 7},
    SamplePage{"nuoc-sach-nong-thon", "programmes", "programme", "Nước sạch và vệ sinh nông thôn", 6},
    SamplePage{"dan-toc-thieu-so-mien-nui", "programmes", "programme",
               "Phát triển vùng đồng bào dân tộc thiểu số", 5},
    SamplePage{"tiem-chung-mo-rong", "programmes", "programme", "Tiêm chủng mở rộng", 5},
    SamplePage{"hoc-bong-hoc-sinh", "programmes", "programme", "Hỗ trợ học sinh vùng khó khăn", 3},
    SamplePage{"tin-dung-uu-dai", "programmes", "programme", "Tín dụng ưu đãi hộ nghèo", 4},
    SamplePage{"chuyen-doi-so-xa", "programmes", "programme", "Chuyển đổi số cấp xã", 1.5},
    SamplePage{"bao-hiem-y-te", "policies", "article", "Bảo hiểm y tế hộ gia đình", 6},
    SamplePage{"dat-dai-so-do", "policies", "article", "Cấp giấy chứng nhận quyền sử dụng đất", 7},
    SamplePage{"tro-cap-nguoi-cao-tuoi", "policies", "article", "Trợ cấp người cao tuổi", 4},
    SamplePage{"dang-ky-khai-sinh", "policies", "article", "Đăng ký khai sinh, kết hôn", 5},
    SamplePage{"hop-dan-thang", "meetings", "meeting", "Họp dân định kỳ hằng tháng", 4},
    SamplePage{"doi-thoai-chu-tich", "meetings", "meeting", "Đối thoại với Chủ tịch xã", 3},
    SamplePage{"tap-huan-phong-chong-lu", "meetings", "meeting", "Tập huấn phòng chống lũ quét", 2.5},
    SamplePage{"lich-tiem-phong", "health", "article", "Lịch tiêm phòng cho trẻ em", 4},
    SamplePage{"sot-xuat-huyet", "health", "article", "Phòng bệnh sốt xuất huyết", 3},
    SamplePage{"giong-lua-moi", "agriculture", "article", "Giống lúa mới chịu hạn", 3.5},
    SamplePage{"phong-benh-gia-suc", "agriculture", "article", "Phòng dịch bệnh gia súc", 3},
};

struct SampleCategory {
    const char* id;
    const char* title;
};

constexpr std::array sampleCategories{SampleCategory{"policies", "Chính sách"},
                                      SampleCategory{"programmes", "Chương trình"},
                                      SampleCategory{"meetings", "Họp dân"}, SampleCategory{"health", "Y tế"},
                                      SampleCategory{"agriculture", "Nông nghiệp"}};

constexpr std::array<const char*, 24> placeNames{
    "UBND xã Tân Lập",   "UBND xã Mường Phăng", "UBND xã Bản Hon",  "UBND xã Hòa Bình",
    "UBND xã Sín Chéng", "UBND xã Phú Thịnh",   "UBND xã Nà Hẩu",   "UBND xã Thanh Xương",
    "UBND xã Khánh Hòa", "UBND xã Lũng Cú",     "UBND xã Ea Tir",   "UBND xã Tả Van",
    "UBND xã Yên Bình",  "UBND xã Đồng Văn",    "UBND xã Cư Pui",   "UBND xã Thạch An",
    "UBND xã Mai Hạ",    "UBND xã Hữu Kiệm",    "UBND xã Trà Cổ",   "UBND xã Sơn Thủy",
    "UBND xã Ia Pết",    "UBND xã Pà Cò",       "UBND xã Vĩnh Hảo", "UBND xã Long Sơn"};

// Each commune: Vietnamese, plus the local minority language, rarely English.
constexpr std::array<const char*, 5> minorityLanguages{"hmn", "tyz", "khm", "jra", "tmp"};
constexpr std::array<const char*, 5> minorityLanguageNames{"Hmoob", "Tày", "Khmer", "Jarai", "Thái"};

class CsvBuilder {
  public:
    void add(const std::string& period, std::string_view metric, std::string_view subject,
             std::string_view language, std::string_view detail, std::int64_t count) {
        if (count <= 0)
            return;
        text_ += period;
        text_ += metric;
        text_ += ',';
        text_ += subject;
        text_ += ',';
        text_ += language;
        text_ += ',';
        text_ += detail;
        text_ += ',';
        text_ += std::to_string(count);
        text_ += '\n';
        ++rows_;
    }
    std::string& text() { return text_; }
    std::int64_t rows() const { return rows_; }

  private:
    std::string text_{std::string(countsCsvHeader) + "\n"};
    std::int64_t rows_ = 0;
};

std::string kioskIdFor(std::uint64_t seed, std::size_t index) {
    std::mt19937_64 generator(seed * 1'000'003 + index);
    char text[20];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(generator()));
    return text;
}

// Each imaginary kiosk signs its exports as a real one does, with a key of its own that the
// seed fixes, so that merges of samples take the signed path, key pinning included.
signing::KeyPair exportKeyFor(std::uint64_t seed, std::size_t index) {
    std::mt19937_64 generator(seed * 1'000'033 + index);
    std::array<std::uint8_t, signing::kSeedBytes> keySeed{};
    for (std::uint8_t& byte : keySeed)
        byte = static_cast<std::uint8_t>(generator());
    return signing::keyPairFromSeed(keySeed);
}

} // namespace

SampleSummary writeSampleExports(const std::filesystem::path& stickKioskFolder,
                                 const SampleOptions& options) {
    SampleSummary summary;
    constexpr std::size_t pageCount = samplePages.size();
    std::vector<double> pageWeights;
    for (const SamplePage& page : samplePages)
        pageWeights.push_back(page.weight);

    for (std::size_t kiosk = 0; kiosk < options.kiosks; ++kiosk) {
        std::mt19937_64 random(options.seed * 7919 + kiosk);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const double busyness = 1.0 + 18.0 * std::pow(unit(random), 2.0); // most communes are quiet
        const std::size_t minority = kiosk % minorityLanguages.size();
        const std::array<const char*, 3> languages{"vie", minorityLanguages[minority], "eng"};
        const std::array<double, 3> languageShare{0.74, 0.23, 0.03};
        const bool unreliableClock = kiosk % 7 == 3;
        const double conversion = 0.25 + 0.35 * unit(random);
        std::discrete_distribution<std::size_t> choosePage(pageWeights.begin(), pageWeights.end());
        std::discrete_distribution<std::size_t> chooseLanguage(languageShare.begin(), languageShare.end());
        std::normal_distribution<double> hourOfVisit(unit(random) < 0.5 ? 9.5 : 14.5, 2.2);

        CsvBuilder csv;
        ExportPeriod period;
        std::int64_t boot = 1;
        const std::int64_t firstDay = options.lastDayNumber - options.days + 1;
        for (std::int64_t day = firstDay; day <= options.lastDayNumber; ++day) {
            // A kiosk whose clock is not synchronised after a power cut files days under boots.
            const bool undated = unreliableClock && (day - firstDay) % 37 >= 33;
            const std::int64_t dayOfCycle = (day - firstDay) % 37;
            if (day > firstDay && (dayOfCycle == 0 || (unreliableClock && dayOfCycle == 33)))
                ++boot; // a power cut: a new boot, and on this kiosk no network to set the clock
            std::string periodText;
            if (undated) {
                periodText =
                    "," + std::to_string(boot) + "," + std::to_string((day - firstDay) % 37 - 33) + ",";
                ++period.undatedRows;
                period.firstBoot = period.firstBoot ? period.firstBoot : boot;
                period.lastBoot = boot;
            } else {
                const std::string date = formatDay(day);
                periodText = date + ",,,";
                if (period.firstDay.empty())
                    period.firstDay = date;
                period.lastDay = date;
            }
            const int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7); // 0 = Monday
            const double dayFactor = weekday == 6 ? 0.2 : weekday == 5 ? 0.55 : 1.0;
            // A campaign: "Tiêm chủng mở rộng" draws crowds for six weeks.
            const bool campaign =
                (day - firstDay) >= options.days / 2 && (day - firstDay) < options.days / 2 + 42;
            std::poisson_distribution<int> sessionsToday(busyness * dayFactor * (campaign ? 1.35 : 1.0));
            const int sessions = sessionsToday(random);

            std::array<std::array<std::int64_t, 3>, pageCount> views{};
            std::array<std::array<std::array<std::int64_t, 4>, 3>, pageCount> dwell{};
            std::array<std::int64_t, pageCount> galleries{}, pictures{};
            std::array<std::int64_t, sampleCategories.size()> categoryOpens{};
            std::array<std::int64_t, 24> sessionHours{}, viewHours{};
            std::array<std::array<std::int64_t, 3>, 3> switches{};
            for (int session = 0; session < sessions; ++session) {
                const std::size_t language = chooseLanguage(random);
                const int hour = std::clamp(static_cast<int>(hourOfVisit(random)), 6, 21);
                ++sessionHours[static_cast<std::size_t>(hour)];
                const int pagesThisSession = 1 + static_cast<int>(-std::log(1.0 - unit(random)) * 1.6);
                std::size_t viewLanguage = language;
                if (unit(random) < 0.08) {
                    const std::size_t to = language == 0 ? 1 : 0;
                    ++switches[language][to];
                    viewLanguage = to;
                }
                for (int visit = 0; visit < pagesThisSession; ++visit) {
                    std::size_t page = choosePage(random);
                    if (campaign && unit(random) < 0.3)
                        page = 4;
                    ++views[page][viewLanguage];
                    ++viewHours[static_cast<std::size_t>(hour)];
                    const double engaged =
                        std::string_view(samplePages[page].kind) == "programme" ? 0.6 : 0.45;
                    const double roll = unit(random);
                    const std::size_t bucket = roll < 0.35 * (1.2 - engaged)      ? 0
                                               : roll < 0.7 * (1.1 - engaged / 3) ? 1
                                               : roll < 0.93                      ? 2
                                                                                  : 3;
                    ++dwell[page][viewLanguage][bucket];
                    if (unit(random) < 0.35)
                        ++galleries[page];
                    if (unit(random) < 0.18)
                        ++pictures[page];
                    for (std::size_t category = 0; category < sampleCategories.size(); ++category)
                        if (std::string_view(sampleCategories[category].id) == samplePages[page].category &&
                            unit(random) < 0.7)
                            ++categoryOpens[category];
                }
            }
            std::poisson_distribution<int> extraAttract(sessions * (1.0 / conversion - 1.0) + 2.0);
            csv.add(periodText, "session_started", "", "", "", sessions);
            csv.add(periodText, "attract_shown", "", "", "",
                    static_cast<std::int64_t>(sessions * 0.9) + extraAttract(random));
            csv.add(periodText, "attract_converted", "", "", "", static_cast<std::int64_t>(sessions * 0.9));
            for (std::size_t page = 0; page < pageCount; ++page) {
                for (std::size_t language = 0; language < 3; ++language) {
                    csv.add(periodText, "page_view", samplePages[page].id, languages[language], "",
                            views[page][language]);
                    for (const DwellBucket bucket : allDwellBuckets)
                        csv.add(periodText, "dwell", samplePages[page].id, languages[language],
                                dwellBucketName(bucket),
                                dwell[page][language][static_cast<std::size_t>(bucket)]);
                }
                csv.add(periodText, "gallery_open", samplePages[page].id, "", "", galleries[page]);
                csv.add(periodText, "fullscreen_picture_open", samplePages[page].id, "", "", pictures[page]);
            }
            for (std::size_t category = 0; category < sampleCategories.size(); ++category)
                csv.add(periodText, "category_open", sampleCategories[category].id, "", "",
                        categoryOpens[category]);
            for (std::size_t from = 0; from < 3; ++from)
                for (std::size_t to = 0; to < 3; ++to)
                    csv.add(periodText, "language_switch", "", languages[from], languages[to],
                            switches[from][to]);
            if (!undated) {
                for (std::size_t hour = 0; hour < 24; ++hour) {
                    char detail[4];
                    std::snprintf(detail, sizeof detail, "%02zu", hour);
                    csv.add(periodText, "sessions_by_hour", "", "", detail, sessionHours[hour]);
                    csv.add(periodText, "page_views_by_hour", "", "", detail, viewHours[hour]);
                }
            }
            if (day - firstDay == options.days / 3) {
                csv.add(periodText, "pack_installed", "vn-commune-info", "", "3", 1);
                if (kiosk % 3 == 0)
                    csv.add(periodText, "pack_refused", "signature-unknown-key", "", "",
                            1 + static_cast<std::int64_t>(kiosk % 2));
                if (kiosk % 5 == 1)
                    csv.add(periodText, "pack_refused", "version-not-newer", "", "", 1);
            }
        }

        ExportHeader header;
        header.kioskId = kioskIdFor(options.seed, kiosk);
        header.databaseId = kioskIdFor(options.seed + 17, kiosk);
        header.sequence = options.sequence;
        header.placeName = placeNames[kiosk % placeNames.size()];
        if (kiosk >= placeNames.size())
            header.placeName += " (" + std::to_string(kiosk / placeNames.size() + 1) + ")";
        header.kioskVersion = 1;
        header.clockStatus = unreliableClock ? "not_synchronised" : "synchronised";
        header.clockTrusted = !unreliableClock;
        if (!unreliableClock)
            header.exportedAt = formatDay(options.lastDayNumber) + "T16:30:00+07:00";
        PackCatalog pack;
        pack.packId = "vn-commune-info";
        pack.version = 3;
        pack.languages = {{"vie", "Tiếng Việt"},
                          {minorityLanguages[minority], minorityLanguageNames[minority]},
                          {"eng", "English"}};
        for (const SampleCategory& category : sampleCategories)
            pack.categories.push_back({category.id, category.title});
        for (const SamplePage& page : samplePages)
            pack.pages.push_back({page.id, page.category, page.kind, page.title});
        header.installedPacks = {PackCatalog{pack.packId, pack.version, {}, {}, {}}};
        header.catalog = {pack};
        summary.bytes += csv.text().size();
        summary.rows += csv.rows();
        const signing::KeyPair key = exportKeyFor(options.seed, kiosk);
        writeExportText(stickKioskFolder, header, csv.text(), csv.rows(), period, &key.secretKey);
        ++summary.exports;
    }
    return summary;
}

} // namespace kiosk::stats
