#include "UsageStatistics.hpp"

#include "stats/PackCatalog.hpp"

namespace kiosk::app {

namespace {

stats::RecorderOptions optionsFor(const std::filesystem::path& dataDirectory) {
    stats::RecorderOptions options;
    options.dataDirectory = dataDirectory;
    return options;
}

} // namespace

UsageStatistics::UsageStatistics(const time::Clock& clock, const std::filesystem::path& dataDirectory,
                                 const pack::PackIndex& shownPack)
    : recorder_(clock, optionsFor(dataDirectory)) {
    recorder_.setInstalledPacks({stats::catalogOf(shownPack)});
}

UsageStatistics::~UsageStatistics() {
    recorder_.close();
}

void UsageStatistics::sessionStarted(bool fromAttractLoop) {
    recorder_.sessionStarted();
    if (fromAttractLoop)
        recorder_.attractConverted();
}

void UsageStatistics::categoryOpened(const std::string& categoryId) {
    recorder_.categoryOpened(categoryId);
}

void UsageStatistics::pageViewed(const std::string& pageId, const std::string& language) {
    recorder_.pageViewed(pageId, language);
}

void UsageStatistics::pageLeft(const std::string& pageId, const std::string& language,
                               std::int64_t dwellMilliseconds) {
    recorder_.pageLeft(pageId, language, dwellMilliseconds);
}

void UsageStatistics::fullscreenPictureOpened(const std::string& pageId, bool viewerJustOpened) {
    if (viewerJustOpened)
        recorder_.galleryOpened(pageId);
    recorder_.fullscreenPictureOpened(pageId);
}

void UsageStatistics::languageSwitched(const std::string& from, const std::string& to) {
    recorder_.languageSwitched(from, to);
}

void UsageStatistics::cardShown(const std::string& pageId, const std::string& language, int card, int) {
    recorder_.cardShown(pageId, language, card);
}

void UsageStatistics::storyLeft(const std::string& pageId, const std::string& language, int furthestCard,
                                int cardCount) {
    recorder_.storyLeft(pageId, language, furthestCard, cardCount);
}

void UsageStatistics::pollAnswered(const std::string& pageId, const std::string& language,
                                   pack::PollAnswer answer) {
    recorder_.pollAnswered(pageId, language, answer);
}

void UsageStatistics::wentIdle() {
    recorder_.wentIdle();
    recorder_.attractShown();
}

void UsageStatistics::commitWhenDue() {
    recorder_.commitWhenDue();
}

} // namespace kiosk::app
