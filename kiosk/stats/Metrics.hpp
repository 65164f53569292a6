// The names of everything the kiosk counts. These strings are the export format: they
// appear in every CSV and in the PostgreSQL schema, so they never change meaning.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::stats {

enum class Metric {
    SessionStarted,        // a first touch after idle or attract
    AttractShown,          // the attract loop began (at start and after each idle timeout)
    AttractConverted,      // a touch on the attract loop started a session
    PageView,              // subject = page id, language = the page's language
    Dwell,                 // subject = page id, language, detail = dwell bucket
    CategoryOpen,          // subject = category id
    GalleryOpen,           // subject = page id
    FullscreenPictureOpen, // subject = page id
    LanguageSwitch,        // language = from, detail = to
    PackInstalled,         // subject = pack id, detail = version
    PackRefused,           // subject = reason code
    SessionsByHour,        // kiosk-wide, dated days only, detail = local hour "00".."23"
    PageViewsByHour,       // kiosk-wide, dated days only, detail = local hour "00".."23"
    PollAnswer,            // subject = page id, language, detail = "happy", "neutral" or "unhappy"
    CardView,              // subject = page id, language, detail = the story card's number, "1".."8"
    StoryReach,            // subject = page id, language, detail = how far she got (StoryReach bucket)
};

inline constexpr std::array allMetrics{
    Metric::SessionStarted,  Metric::AttractShown,  Metric::AttractConverted, Metric::PageView,
    Metric::Dwell,           Metric::CategoryOpen,  Metric::GalleryOpen,      Metric::FullscreenPictureOpen,
    Metric::LanguageSwitch,  Metric::PackInstalled, Metric::PackRefused,      Metric::SessionsByHour,
    Metric::PageViewsByHour, Metric::PollAnswer,    Metric::CardView,         Metric::StoryReach};

std::string_view metricName(Metric metric);
std::optional<Metric> metricFromName(std::string_view name);

// Coarse on purpose: the exact seconds a visitor spent on a page are not kept.
enum class DwellBucket { Under10Seconds, From10To30Seconds, From30To120Seconds, Over2Minutes };

inline constexpr std::array allDwellBuckets{DwellBucket::Under10Seconds, DwellBucket::From10To30Seconds,
                                            DwellBucket::From30To120Seconds, DwellBucket::Over2Minutes};

DwellBucket dwellBucketFor(std::int64_t dwellMilliseconds);
std::string_view dwellBucketName(DwellBucket bucket);  // "under_10s", "10s_to_30s", ...
std::string_view dwellBucketLabel(DwellBucket bucket); // "< 10 s", "10–30 s", ...
std::optional<DwellBucket> dwellBucketFromName(std::string_view name);

// How far a visitor got through a page's story cards, as a share of them: coarse, so the
// count says which stories keep people, never what one person did.
enum class StoryReach { FirstCardOnly, UnderHalf, HalfOrMore, LastCard };

inline constexpr std::array allStoryReaches{StoryReach::FirstCardOnly, StoryReach::UnderHalf,
                                            StoryReach::HalfOrMore, StoryReach::LastCard};

// `furthestCard` is 0-based, of `cardCount` cards.
StoryReach storyReachFor(int furthestCard, int cardCount);
std::string_view storyReachName(StoryReach reach);  // "first_card", "under_half", ...
std::string_view storyReachLabel(StoryReach reach); // "first card only", ...
std::optional<StoryReach> storyReachFromName(std::string_view name);

} // namespace kiosk::stats
