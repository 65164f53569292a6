// The kiosk's user interface as a whole: which screen is showing, the language, the idle
// timer and attract loop, and turning touch gestures into ImGui input. It draws with ImGui
// and reads the core; it knows nothing of SDL. The platform layer calls, every frame:
//   feedInput(gestures, now)  before ImGui::NewFrame()
//   draw()                    between ImGui::NewFrame() and ImGui::Render()
#pragma once

#include "AudioOutput.hpp"
#include "FontSet.hpp"
#include "FrameRecord.hpp"
#include "PictureSource.hpp"
#include "Screens.hpp"
#include "SpokenWords.hpp"
#include "StaffView.hpp"
#include "Theme.hpp"
#include "input/GestureRecognizer.hpp"
#include "input/KineticScroller.hpp"
#include "pack/PackReader.hpp"
#include "text/UiStrings.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::ui {

struct KioskSettings {
    // A visit ends this long after the last touch, once any narration has finished.
    std::int64_t idleTimeoutMilliseconds = 90'000;
};

// The last part of the idle timeout, when "are you still there?" shows with the time left:
// 15 s, or a third of a short timeout.
std::int64_t idleWarningMilliseconds(const KioskSettings& settings);

// What the villager is looking at, for the statistics and for tests.
enum class ScreenKind { Home, Category, Page, Attract };

// Notified of what villagers do, as aggregate-able events (never who did it).
class UsageObserver {
  public:
    virtual ~UsageObserver() = default;
    // The first touch after start-up, the idle timeout or the attract loop.
    virtual void sessionStarted(bool fromAttractLoop) = 0;
    virtual void categoryOpened(const std::string& categoryId) = 0;
    virtual void pageViewed(const std::string& pageId, const std::string& language) = 0;
    virtual void pageLeft(const std::string& pageId, const std::string& language,
                          std::int64_t dwellMilliseconds) = 0;
    // A story card appeared: `card` of `cardCount` (0-based), the first one as the page opens.
    virtual void cardShown(const std::string& pageId, const std::string& language, int card,
                           int cardCount) = 0;
    // A page with story cards closed; `furthestCard` is the furthest one she reached (0-based).
    virtual void storyLeft(const std::string& pageId, const std::string& language, int furthestCard,
                           int cardCount) = 0;
    // The picture viewer opened on a gallery picture, or moved to another one.
    virtual void fullscreenPictureOpened(const std::string& pageId, bool viewerJustOpened) = 0;
    virtual void languageSwitched(const std::string& from, const std::string& to) = 0;
    // A page's poll answered; at most once per page and session.
    virtual void pollAnswered(const std::string& pageId, const std::string& language,
                              pack::PollAnswer answer) = 0;
    // The idle timeout ended a session; the attract loop starts.
    virtual void wentIdle() = 0;
};

class KioskUi {
  public:
    KioskUi(const pack::PackReader& pack, PictureSource& pictures, const text::UiStrings& strings,
            const FontLibrary& fonts, const Metrics& metrics, const KioskSettings& settings,
            std::int64_t nowMilliseconds);

    void setUsageObserver(UsageObserver* observer) { observer_ = observer; }
    // Without an output there are no speaker buttons. The output must outlive the UI.
    void setAudioOutput(AudioOutput* audio) { audio_ = audio; }
    // Without spoken words the controls stay silent. They must outlive the UI.
    void setSpokenWords(SpokenWords* words) { spokenWords_ = words; }
    // Without services the staff gesture does nothing. The services must outlive the UI.
    void setStaffServices(StaffServices* services);
    bool isStaffViewOpen() const { return staffView_ && staffView_->isOpen(); }
    // The staff view edits a place name: the platform should send typed text to ImGui.
    bool wantsTextInput() const { return staffView_ && staffView_->wantsTextInput(); }
    // The USB notice to show over everything, or nothing. A notice that only says statistics
    // were saved is a small banner that does not interrupt the villager.
    void setNotice(const std::optional<InstallNotice>& notice);
    // True once after the villager or staff tapped OK on the notice.
    bool takeNoticeDismissed();
    void feedInput(const input::GestureFrame& gestures, std::int64_t nowMilliseconds);
    void draw();

    const FrameRecord& lastFrame() const { return record_; }
    // True when what the UI shows changed after its last frame was drawn: a tap's action is
    // applied at the end of the frame that delivered it, a notice arrives between frames, and
    // a new UI has drawn nothing yet. The platform must draw again to show it.
    bool hasUndrawnChanges() const { return undrawnChanges_; }
    // True while something moves (a glide, the attract loop, a tap in flight): the platform
    // then keeps drawing, every frameIntervalMilliseconds(); otherwise it may sleep until the
    // next event.
    bool isAnimating() const;
    // 16 ms while the villager's finger is moving things; slower for the attract loop, whose
    // slow drift and crossfade look the same at 10 frames a second and cost a Pi far less.
    std::int64_t frameIntervalMilliseconds() const;
    ScreenKind screen() const;
    const std::string& language() const { return language_; }
    const VisitorModes& modes() const { return modes_; }
    // Until the idle timeout next changes the screen: the warning appears, or the visit ends.
    std::int64_t millisecondsUntilIdle() const;
    bool isIdleWarningShown() const { return idleWarning_.has_value(); }
    // A recording plays whose progress shows (a page's narration, a language's name), as
    // opposed to the kiosk's own short words and chimes, which change nothing on screen.
    bool isNarrating() const;

  private:
    struct Place {
        ScreenKind kind = ScreenKind::Home;
        std::string id;
        input::KineticScroller scroller;
    };

    void apply(const UiAction& action);
    void openPlace(ScreenKind kind, const std::string& id);
    void loadTopPage();
    void closeTopPage();
    bool isStaffGesture(input::Point press) const;
    void followIdleTimeout();
    void goIdle();
    void wakeUp();

    bool followReading(const UiContext& context, input::KineticScroller& scroller);
    void play(std::int64_t audioId);
    // Story cards: show one, playing its recording when she listens; the card's recording.
    void showCard(int card);
    const pack::AudioClipInfo* cardNarration(int card) const;
    bool isShowingCards() const { return page_ && !page_->cards.empty() && !story_.readingArticle; }
    // A recording of the page on screen is loaded (its narration or a card's): the kiosk's
    // own words must not cut it off.
    bool isPageRecordingLoaded() const;
    // Plays one of the kiosk's own words; false when it has no recording or must not play.
    bool speak(const std::string& key);
    void stopSound();
    PageExtras pageExtras() const;
    void feedImGuiMouse();
    void drawStatisticsBanner(UiContext& context, const InstallNotice& notice);

    const pack::PackReader& pack_;
    PictureSource& pictures_;
    const text::UiStrings& strings_;
    const FontLibrary& fonts_;
    const Metrics& metrics_;
    const Metrics largeTextMetrics_;
    KioskSettings settings_;
    UsageObserver* observer_ = nullptr;
    AudioOutput* audio_ = nullptr;
    SpokenWords* spokenWords_ = nullptr;

    std::string language_;
    std::vector<Place> places_;
    std::optional<pack::PageContent> page_;
    std::string pageError_;
    std::optional<qr::QrMatrix> sourceCode_;                // of page_'s source link
    std::map<std::string, pack::PollAnswer> answeredPolls_; // by page id, this session
    VisitorModes modes_;
    std::int64_t pageOpenedMilliseconds_ = 0;
    std::optional<PictureViewerState> viewer_;
    StoryState story_; // of page_, when it has cards
    std::unique_ptr<StaffView> staffView_;
    std::optional<InstallNotice> notice_;
    bool noticeDismissed_ = false;
    bool attract_ = false;
    AttractState attractState_;
    std::optional<IdleWarningState> idleWarning_;

    std::int64_t nowMilliseconds_ = 0;
    // The last touch, or the last frame that narration was playing or a USB install ran.
    std::int64_t lastActivityMilliseconds_ = 0;
    bool ignoreGesturesUntilRelease_ = false;
    bool sessionActive_ = false;
    std::deque<input::Point> pendingTaps_;
    bool releasePending_ = false;
    bool fingerDown_ = false;
    // The last frame showed sound playing: one more frame must show that it stopped.
    bool drawnWhilePlaying_ = false;
    // The block being read that the page last followed: it scrolls again only for another one.
    std::optional<int> followedBlock_;
    bool undrawnChanges_ = true;
    FrameRecord record_;
};

} // namespace kiosk::ui
