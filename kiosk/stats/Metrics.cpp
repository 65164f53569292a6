#include "stats/Metrics.hpp"

namespace kiosk::stats {

std::string_view metricName(Metric metric) {
    switch (metric) {
    case Metric::SessionStarted:
        return "session_started";
    case Metric::AttractShown:
        return "attract_shown";
    case Metric::AttractConverted:
        return "attract_converted";
    case Metric::PageView:
        return "page_view";
    case Metric::Dwell:
        return "dwell";
    case Metric::CategoryOpen:
        return "category_open";
    case Metric::GalleryOpen:
        return "gallery_open";
    case Metric::FullscreenPictureOpen:
        return "fullscreen_picture_open";
    case Metric::LanguageSwitch:
        return "language_switch";
    case Metric::PackInstalled:
        return "pack_installed";
    case Metric::PackRefused:
        return "pack_refused";
    case Metric::SessionsByHour:
        return "sessions_by_hour";
    case Metric::PageViewsByHour:
        return "page_views_by_hour";
    case Metric::PollAnswer:
        return "poll_answer";
    case Metric::CardView:
        return "card_view";
    case Metric::StoryReach:
        return "story_reach";
    }
    return "unknown";
}

std::optional<Metric> metricFromName(std::string_view name) {
    for (const Metric metric : allMetrics)
        if (metricName(metric) == name)
            return metric;
    return std::nullopt;
}

DwellBucket dwellBucketFor(std::int64_t dwellMilliseconds) {
    if (dwellMilliseconds < 10'000)
        return DwellBucket::Under10Seconds;
    if (dwellMilliseconds < 30'000)
        return DwellBucket::From10To30Seconds;
    if (dwellMilliseconds < 120'000)
        return DwellBucket::From30To120Seconds;
    return DwellBucket::Over2Minutes;
}

std::string_view dwellBucketName(DwellBucket bucket) {
    switch (bucket) {
    case DwellBucket::Under10Seconds:
        return "under_10s";
    case DwellBucket::From10To30Seconds:
        return "10s_to_30s";
    case DwellBucket::From30To120Seconds:
        return "30s_to_2min";
    case DwellBucket::Over2Minutes:
        return "over_2min";
    }
    return "unknown";
}

std::string_view dwellBucketLabel(DwellBucket bucket) {
    switch (bucket) {
    case DwellBucket::Under10Seconds:
        return "< 10 s";
    case DwellBucket::From10To30Seconds:
        return "10–30 s";
    case DwellBucket::From30To120Seconds:
        return "30 s – 2 min";
    case DwellBucket::Over2Minutes:
        return "> 2 min";
    }
    return "?";
}

std::optional<DwellBucket> dwellBucketFromName(std::string_view name) {
    for (const DwellBucket bucket : allDwellBuckets)
        if (dwellBucketName(bucket) == name)
            return bucket;
    return std::nullopt;
}

StoryReach storyReachFor(int furthestCard, int cardCount) {
    if (cardCount <= 1 || furthestCard >= cardCount - 1)
        return StoryReach::LastCard;
    if (furthestCard <= 0)
        return StoryReach::FirstCardOnly;
    // Cards reached, against the whole story: 2 of 6 is under half, 3 of 6 is half.
    return 2 * (furthestCard + 1) < cardCount ? StoryReach::UnderHalf : StoryReach::HalfOrMore;
}

std::string_view storyReachName(StoryReach reach) {
    switch (reach) {
    case StoryReach::FirstCardOnly:
        return "first_card";
    case StoryReach::UnderHalf:
        return "under_half";
    case StoryReach::HalfOrMore:
        return "half_or_more";
    case StoryReach::LastCard:
        return "last_card";
    }
    return "unknown";
}

std::string_view storyReachLabel(StoryReach reach) {
    switch (reach) {
    case StoryReach::FirstCardOnly:
        return "first card only";
    case StoryReach::UnderHalf:
        return "under half";
    case StoryReach::HalfOrMore:
        return "half or more";
    case StoryReach::LastCard:
        return "to the last card";
    }
    return "?";
}

std::optional<StoryReach> storyReachFromName(std::string_view name) {
    for (const StoryReach reach : allStoryReaches)
        if (storyReachName(reach) == name)
            return reach;
    return std::nullopt;
}

} // namespace kiosk::stats
