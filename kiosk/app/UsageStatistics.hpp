// Connects the UI's usage events to the statistics recorder. Owns the recorder, so stats.db
// is committed and closed when the kiosk exits, whichever way it leaves the loop.
#pragma once

#include "KioskUi.hpp"
#include "stats/UsageRecorder.hpp"

namespace kiosk::app {

class UsageStatistics final : public ui::UsageObserver {
  public:
    UsageStatistics(const time::Clock& clock, const std::filesystem::path& dataDirectory,
                    const pack::PackIndex& shownPack);
    ~UsageStatistics() override;
    UsageStatistics(const UsageStatistics&) = delete;
    UsageStatistics& operator=(const UsageStatistics&) = delete;

    void sessionStarted(bool fromAttractLoop) override;
    void categoryOpened(const std::string& categoryId) override;
    void pageViewed(const std::string& pageId, const std::string& language) override;
    void pageLeft(const std::string& pageId, const std::string& language,
                  std::int64_t dwellMilliseconds) override;
    void cardShown(const std::string& pageId, const std::string& language, int card, int cardCount) override;
    void storyLeft(const std::string& pageId, const std::string& language, int furthestCard,
                   int cardCount) override;
    void fullscreenPictureOpened(const std::string& pageId, bool viewerJustOpened) override;
    void languageSwitched(const std::string& from, const std::string& to) override;
    void pollAnswered(const std::string& pageId, const std::string& language,
                      pack::PollAnswer answer) override;
    void wentIdle() override;
    // Commits the batched counts once the commit interval has passed. The session calls it
    // before every frame and while the screen is idle: the clock is the session's, not the
    // drawing's.
    void commitWhenDue();

    stats::UsageRecorder& recorder() { return recorder_; }

  private:
    stats::UsageRecorder recorder_;
};

} // namespace kiosk::app
