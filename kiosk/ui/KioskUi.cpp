#include "KioskUi.hpp"

#include "PageSections.hpp"
#include "Shapes.hpp"
#include "Widgets.hpp"
#include "audio/TestChime.hpp"
#include "os/Log.hpp"

#include <algorithm>
#include <cfloat>

namespace kiosk::ui {

namespace {

// While narration plays only its progress ring moves: a few frames a second show that, and
// spare a Pi drawing in software. A finger on the screen brings full speed back.
constexpr std::int64_t kNarrationFrameMilliseconds = 250;
constexpr std::int64_t kAttractFrameMilliseconds = 100;
constexpr std::int64_t kFingerFrameMilliseconds = 16;

// Each window paints its own background; ImGui's (a 94 % dark grey) would be drawn, blended,
// under it for nothing, and show through a translucent one.
constexpr ImGuiWindowFlags kFullScreenWindow =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
    ImGuiWindowFlags_NoBackground;

template <class... Visitors> struct Overloaded : Visitors... { using Visitors::operator()...; };
template <class... Visitors> Overloaded(Visitors...) -> Overloaded<Visitors...>;

bool beginFullScreenWindow(const char* name, ImVec2 size, ImU32 background, bool onTop) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = kFullScreenWindow | (onTop ? 0 : ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool open = ImGui::Begin(name, nullptr, flags);
    if (onTop)
        raiseCurrentWindow();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), size, background);
    return open;
}

bool isInProgress(const InstallNotice& notice) {
    using Stage = InstallNotice::Stage;
    return notice.stage == Stage::Found || notice.stage == Stage::Copying || notice.stage == Stage::Verifying;
}

} // namespace

std::int64_t idleWarningMilliseconds(const KioskSettings& settings) {
    return std::min<std::int64_t>(15'000, settings.idleTimeoutMilliseconds / 3);
}

KioskUi::KioskUi(const pack::PackReader& pack, PictureSource& pictures, const text::UiStrings& strings,
                 const FontLibrary& fonts, const Metrics& metrics, const KioskSettings& settings,
                 std::int64_t nowMilliseconds)
    : pack_(pack), pictures_(pictures), strings_(strings), fonts_(fonts), metrics_(metrics),
      largeTextMetrics_(metrics.withTextScale(kLargeTextScale)), settings_(settings),
      language_(pack.metadata().defaultLanguage), nowMilliseconds_(nowMilliseconds),
      lastActivityMilliseconds_(nowMilliseconds) {
    places_.push_back(Place{});
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ItemSpacing = ImVec2(0, 0);
    ImGui::GetIO().IniFilename = nullptr;
}

void KioskUi::setStaffServices(StaffServices* services) {
    staffView_ = services ? std::make_unique<StaffView>(*services) : nullptr;
}

void KioskUi::feedInput(const input::GestureFrame& gestures, std::int64_t nowMilliseconds) {
    const std::int64_t elapsed = std::max<std::int64_t>(0, nowMilliseconds - nowMilliseconds_);
    nowMilliseconds_ = nowMilliseconds;
    fingerDown_ = gestures.pressedAt.has_value() || gestures.dragging;
    // Listening is using the kiosk as much as touching it is: a woman who only listens is
    // never sent away mid-sentence. So is a field officer's install in progress.
    if (gestures.touched || fingerDown_ || isNarrating() || (notice_ && isInProgress(*notice_)))
        lastActivityMilliseconds_ = nowMilliseconds;

    if (attract_) {
        if (gestures.touched)
            wakeUp();
        // The touch that ends the attract loop must not also press what lies beneath it.
        ignoreGesturesUntilRelease_ = gestures.touched && (gestures.pressedAt || gestures.dragging);
        feedImGuiMouse();
        return;
    }
    if (gestures.touched && !sessionActive_) {
        sessionActive_ = true;
        if (observer_)
            observer_->sessionStarted(false);
    }
    if (idleWarning_ && gestures.touched) {
        // "Still there?" answered: she keeps her page, her language and her place on it. The
        // touch only answers; it must not also press what lies under the warning.
        idleWarning_.reset();
        ignoreGesturesUntilRelease_ = gestures.pressedAt || gestures.dragging;
        feedImGuiMouse();
        return;
    }
    if (gestures.longPress && isStaffGesture(*gestures.longPress) && staffView_ && !staffView_->isOpen()) {
        viewer_.reset();
        staffView_->open();
    }
    if (ignoreGesturesUntilRelease_) {
        if (gestures.tap || gestures.dragReleased)
            ignoreGesturesUntilRelease_ = false;
        feedImGuiMouse();
        return;
    }

    if (viewer_ && !isStaffViewOpen()) {
        // In the picture viewer a sideways swipe turns the picture.
        viewer_->dragOffset += gestures.dragDelta.x;
        if (gestures.dragReleased) {
            const float threshold = metrics_.screen.x * 0.12f;
            const int count = page_ ? static_cast<int>(page_->gallery.size()) : 0;
            int shown = viewer_->index;
            if (gestures.dragReleased->x < -threshold && shown + 1 < count)
                ++shown;
            else if (gestures.dragReleased->x > threshold && shown > 0)
                --shown;
            viewer_->dragOffset = 0;
            apply(action::ShowPicture{shown});
        }
    } else if (isShowingCards() && !isStaffViewOpen()) {
        // On story cards a sideways swipe turns the card; nothing scrolls.
        story_.dragOffset += gestures.dragDelta.x;
        if (gestures.dragReleased) {
            const float threshold = metrics_.screen.x * 0.12f;
            const int last = static_cast<int>(page_->cards.size()); // the end card
            if (gestures.dragReleased->x < -threshold && story_.card < last)
                showCard(story_.card + 1);
            else if (gestures.dragReleased->x > threshold && story_.card > 0)
                showCard(story_.card - 1);
            story_.dragOffset = 0;
            undrawnChanges_ = true;
        }
    } else {
        input::KineticScroller& scroller =
            isStaffViewOpen() ? staffView_->scroller() : places_.back().scroller;
        if (gestures.dragging || gestures.dragDelta.y != 0)
            scroller.drag(gestures.dragDelta.y);
        if (gestures.dragReleased)
            scroller.release(gestures.releaseVelocity.y);
        scroller.update(elapsed);
    }
    if (gestures.tap)
        pendingTaps_.push_back(*gestures.tap);
    feedImGuiMouse();
    followIdleTimeout();
}

// The staff gesture: a finger held still for three seconds on the top bar, where no button
// is (beside the title). Away from every control: an elderly visitor who presses and holds
// Back, a tile or a language, as many do while waiting for the screen to answer, never
// opens the PIN pad.
bool KioskUi::isStaffGesture(input::Point press) const {
    const ImVec2 point(press.x, press.y);
    return point.y < metrics_.topBarHeight && !record_.hasTouchableAt(point);
}

// Nobody has touched the kiosk for a while: first ask, with the time left and a sound, then
// end the visit. Without a visit (nobody touched since start-up) there is nobody to ask.
void KioskUi::followIdleTimeout() {
    const std::int64_t idle = nowMilliseconds_ - lastActivityMilliseconds_;
    const std::int64_t warning = idleWarningMilliseconds(settings_);
    if (idle >= settings_.idleTimeoutMilliseconds) {
        goIdle();
        return;
    }
    if (!sessionActive_ || idle < settings_.idleTimeoutMilliseconds - warning) {
        idleWarning_.reset();
        return;
    }
    if (!idleWarning_) {
        idleWarning_ = IdleWarningState{nowMilliseconds_, 0, warning};
        undrawnChanges_ = true;
        // The question, spoken, turns her head back to the screen (a chime where it has no
        // recording). Never over a paused narration: that would lose her place in it.
        if (audio_ && audio_->status().state != PlaybackState::Paused && !speak("idle_question"))
            audio_->play(audio::testChime(), kKioskSoundClipId);
    }
    idleWarning_->remainingMilliseconds = settings_.idleTimeoutMilliseconds - idle;
}

// ImGui 1.86 reads the mouse state once per frame, so a tap becomes two frames: pressed at
// the tap position, then released there; afterwards the pointer leaves so nothing stays
// highlighted under a finger that has gone.
void KioskUi::feedImGuiMouse() {
    ImGuiIO& io = ImGui::GetIO();
    if (releasePending_) {
        io.MouseDown[0] = false;
        releasePending_ = false;
        return;
    }
    if (!pendingTaps_.empty() && !attract_ && !ignoreGesturesUntilRelease_) {
        io.MousePos = ImVec2(pendingTaps_.front().x, pendingTaps_.front().y);
        io.MouseDown[0] = true;
        pendingTaps_.pop_front();
        releasePending_ = true;
        return;
    }
    pendingTaps_.clear();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
}

PageExtras KioskUi::pageExtras() const {
    PageExtras extras;
    extras.canPlayAudio = audio_ != nullptr;
    if (audio_)
        extras.playback = audio_->status();
    extras.sourceCode = sourceCode_ ? &*sourceCode_ : nullptr;
    if (page_)
        if (const auto answer = answeredPolls_.find(page_->id); answer != answeredPolls_.end())
            extras.pollAnswer = answer->second;
    return extras;
}

void KioskUi::setNotice(const std::optional<InstallNotice>& notice) {
    if (notice == notice_)
        return;
    notice_ = notice;
    undrawnChanges_ = true;
    // Someone is at the kiosk with a stick: the attract loop gives way to the install's
    // progress. It is not a villager's visit, so no session starts.
    if (attract_ && notice_ && isInProgress(*notice_)) {
        attract_ = false;
        lastActivityMilliseconds_ = nowMilliseconds_;
    }
}

void KioskUi::draw() {
    undrawnChanges_ = false;
    record_.clear();
    // Large text only where its fonts could be made: the layout follows the fonts drawn.
    const bool largeText = modes_.largeText && fonts_.hasLarge;
    const Metrics& metrics = largeText ? largeTextMetrics_ : metrics_;
    const FontSet& fonts = largeText ? fonts_.large : fonts_.standard;
    const Palette& colours = modes_.highContrast ? highContrastPalette() : standardPalette();
    UiContext context{metrics, fonts,     colours,          modes_,  pictures_,    record_, strings_,
                      pack_,   language_, nowMilliseconds_, nullptr, pageExtras(), {},      {}};
    drawnWhilePlaying_ = context.page.playback.isPlaying() && !context.page.playback.isKioskSound();
    Place& place = places_.back();
    context.scroller = &place.scroller;

    if (beginFullScreenWindow("kiosk", metrics.screen, colours.background, false)) {
        switch (place.kind) {
        case ScreenKind::Home:
        case ScreenKind::Attract:
            drawHomeScreen(context);
            break;
        case ScreenKind::Category:
            drawCategoryScreen(context, place.id);
            break;
        case ScreenKind::Page:
            if (isShowingCards()) {
                drawStoryCardScreen(context, *page_, story_);
            } else if (page_) {
                drawPageScreen(context, *page_);
            } else {
                drawTopBar(context, TopBarOptions{true, true, "", ""});
                ImGui::SetCursorScreenPos(ImVec2(metrics.padding, metrics.topBarHeight + metrics.padding));
                wrappedText(context, context.word("error_pack") + ": " + pageError_, fonts.body, colours.text,
                            metrics.screen.x - 2 * metrics.padding);
            }
            break;
        }
    }
    ImGui::End();
    const bool followed = followReading(context, place.scroller);

    if (viewer_ && page_) {
        record_.clear(); // what lies beneath the viewer is not visible
        if (beginFullScreenWindow("picture-viewer", metrics.screen, colours.viewerBackground, true))
            drawPictureViewer(context, *page_, *viewer_);
        ImGui::End();
    }
    if (page_ && audio_ && !isStaffViewOpen()) {
        const pack::AudioClipInfo* narration = pack_.index().narrationFor(page_->id, language_);
        if (narration && isNarrationLoaded(context.page.playback, *narration))
            drawNarrationPlayer(context);
    }
    if (isStaffViewOpen()) {
        record_.clear();
        if (beginFullScreenWindow("staff", metrics.screen, colours.background, true))
            staffView_->draw(context);
        ImGui::End();
    }
    if (attract_) {
        record_.clear();
        if (beginFullScreenWindow("attract", metrics.screen, colours.viewerBackground, true))
            drawAttractScreen(context, attractState_);
        ImGui::End();
    }

    if (idleWarning_ && !isStaffViewOpen()) {
        record_.clear();
        if (beginFullScreenWindow("idle-warning", metrics.screen, IM_COL32(0, 0, 0, 0), true))
            drawIdleWarning(context, *idleWarning_);
        ImGui::End();
    }

    // Notices never cover the attract loop: nobody is there to read them.
    if (attract_) {
    } else if (notice_ && notice_->stage == InstallNotice::Stage::Statistics) {
        drawStatisticsBanner(context, *notice_);
    } else if (notice_) {
        record_.clear();
        if (beginFullScreenWindow("usb-notice", metrics.screen, IM_COL32(0, 0, 0, 0), true))
            drawInstallNotice(context, *notice_);
        ImGui::End();
    }

    for (const UiAction& action : context.actions)
        apply(action);
    undrawnChanges_ = !context.actions.empty() || followed;
}

// The page marks the block its narration reads (PageScreen). When the mark moves on to another
// block that is off screen or under the player, the page scrolls to put it in the upper part
// of the screen; between blocks her own scrolling is left alone. Returns true when it scrolled.
bool KioskUi::followReading(const UiContext& context, input::KineticScroller& scroller) {
    if (!context.blockBeingRead || viewer_) {
        followedBlock_.reset();
        return false;
    }
    const UiContext::BlockOnScreen& mark = *context.blockBeingRead;
    if (followedBlock_ == mark.block)
        return false;
    followedBlock_ = mark.block;
    const float contentTop = mark.minimum.y + scroller.offset();
    const Metrics& metrics = context.metrics;
    const float visibleTop = metrics.topBarHeight + metrics.padding;
    const float visibleBottom = metrics.screen.y - narrationPlayerHeight(metrics) - metrics.padding;
    if (mark.minimum.y >= visibleTop && mark.maximum.y <= visibleBottom)
        return false;
    const float target = std::max(0.0f, contentTop - (metrics.topBarHeight + metrics.screen.y * 0.15f));
    scroller.stop();
    scroller.jumpTo(std::min(target, scroller.limit()));
    return true;
}

void KioskUi::drawStatisticsBanner(UiContext& context, const InstallNotice& notice) {
    const char* key = statisticsMessageKey(notice.statistics);
    if (!key)
        return;
    // Drawn without a window of its own, so taps go on reaching the screen beneath.
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    const std::string message = context.word(key);
    const std::string code = notice.statistics == InstallNotice::StatisticsOutcome::NotSaved
                                 ? notice.statisticsReasonCode
                                 : std::string();
    const Metrics& metrics = context.metrics;
    ImFont* font = context.fonts.body;
    ImFont* small = context.fonts.small;
    const float inset = metrics.padding * 0.6f;
    // A long sentence (a narrow panel, large text) wraps rather than leaving the screen.
    const float wrapWidth = metrics.screen.x - 2 * metrics.padding - 2 * inset;
    const ImVec2 messageSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, message.c_str());
    const ImVec2 codeSize =
        code.empty() ? ImVec2(0, 0) : small->CalcTextSizeA(small->FontSize, FLT_MAX, wrapWidth, code.c_str());
    // The code beside the sentence when both fit on one line: the banner then covers no
    // more of the screen than the "saved" one does.
    const float codeSpace = metrics.smallFontSize * 0.8f;
    const bool codeBeside = !code.empty() && messageSize.y < font->FontSize * 1.5f &&
                            messageSize.x + codeSpace + codeSize.x <= wrapWidth;
    const float codeGap = code.empty() || codeBeside ? 0 : metrics.smallFontSize * 0.25f;
    const ImVec2 size =
        codeBeside ? ImVec2(messageSize.x + codeSpace + codeSize.x, messageSize.y)
                   : ImVec2(std::max(messageSize.x, codeSize.x), messageSize.y + codeGap + codeSize.y);
    const ImVec2 minimum((metrics.screen.x - size.x) / 2 - inset, metrics.screen.y - size.y - 3 * inset);
    const ImVec2 maximum(minimum.x + size.x + 2 * inset, minimum.y + size.y + 2 * inset);
    const ImU32 fill = notice.statistics == InstallNotice::StatisticsOutcome::NotSaved
                           ? statisticsColour(context, notice.statistics)
                           : context.colours.topBar;
    const ImU32 words = readableOn(context.colours, fill);
    drawList->AddRectFilled(minimum, maximum, fill, metrics.rounding);
    drawList->AddRect(minimum, maximum, context.colours.outline, metrics.rounding, 0, 2);
    const ImVec2 messageAt(minimum.x + inset, minimum.y + inset);
    drawList->AddText(font, font->FontSize, messageAt, words, message.c_str(), nullptr, wrapWidth);
    record_.addOverlay(message, minimum, maximum, metrics.screen);
    if (!code.empty()) {
        // Beside the sentence, on its baseline (the small font's descent sits a little higher).
        const ImVec2 codeAt = codeBeside ? ImVec2(messageAt.x + messageSize.x + codeSpace,
                                                  messageAt.y + (font->Ascent - small->Ascent))
                                         : ImVec2(messageAt.x, messageAt.y + messageSize.y + codeGap);
        drawList->AddText(small, small->FontSize, codeAt, words, code.c_str(), nullptr, wrapWidth);
        record_.addOverlay(code, codeAt, ImVec2(codeAt.x + codeSize.x, codeAt.y + codeSize.y),
                           metrics.screen);
    }
}

bool KioskUi::takeNoticeDismissed() {
    const bool dismissed = noticeDismissed_;
    noticeDismissed_ = false;
    return dismissed;
}

void KioskUi::apply(const UiAction& action) {
    std::visit(Overloaded{
                   [&](const action::GoHome&) {
                       closeTopPage();
                       viewer_.reset();
                       places_.resize(1);
                       places_.back().scroller.jumpTo(0);
                   },
                   [&](const action::GoBack&) {
                       if (page_ && !page_->cards.empty() && story_.readingArticle) {
                           // Back from the article she asked for is back to the cards she left.
                           stopSound();
                           story_.readingArticle = false;
                           places_.back().scroller.jumpTo(0);
                           return;
                       }
                       closeTopPage();
                       viewer_.reset();
                       if (places_.size() > 1)
                           places_.pop_back();
                       loadTopPage();
                   },
                   [&](const action::OpenCategory& open) {
                       openPlace(ScreenKind::Category, open.categoryId);
                       if (observer_)
                           observer_->categoryOpened(open.categoryId);
                   },
                   [&](const action::OpenPage& open) {
                       closeTopPage();
                       openPlace(ScreenKind::Page, open.pageId);
                       loadTopPage();
                   },
                   [&](const action::SetLanguage& set) {
                       if (observer_)
                           observer_->languageSwitched(language_, set.language);
                       // Another language of the same page keeps her card: she changed what
                       // she hears, not where she is.
                       const StoryState kept = story_;
                       closeTopPage();
                       language_ = set.language;
                       story_ = kept;
                       loadTopPage();
                   },
                   [&](const action::SpeakLanguageName& speak) {
                       if (const pack::AudioClipInfo* name = pack_.index().spokenName(speak.language))
                           play(name->audioId);
                   },
                   [&](const action::SpeakTitle& title) {
                       if (!isPageRecordingLoaded())
                           play(title.audioId);
                   },
                   [&](const action::PlayNarration& narration) {
                       // Starting a card's recording is asking to listen: the next cards speak too.
                       if (isShowingCards())
                           if (const pack::AudioClipInfo* clip = cardNarration(story_.card))
                               story_.listening = clip->audioId == narration.audioId;
                       play(narration.audioId);
                   },
                   [&](const action::ShowCard& show) { showCard(show.card); },
                   [&](const action::ReadArticle&) {
                       stopSound();
                       story_.readingArticle = true;
                       story_.listening = false;
                       places_.back().scroller.jumpTo(0);
                   },
                   [&](const action::SpeakWord& word) { speak(word.key); },
                   [&](const action::PauseNarration&) {
                       if (audio_)
                           audio_->pause();
                   },
                   [&](const action::ResumeNarration&) {
                       if (audio_)
                           audio_->resume();
                   },
                   [&](const action::StopNarration&) {
                       stopSound();
                       story_.listening = false;
                   },
                   [&](const action::AnswerPoll& poll) {
                       if (!page_ || page_->id != poll.pageId ||
                           !answeredPolls_.emplace(poll.pageId, poll.answer).second)
                           return;
                       if (observer_)
                           observer_->pollAnswered(poll.pageId, page_->language, poll.answer);
                   },
                   [&](const action::ToggleLargeText&) { modes_.largeText = !modes_.largeText; },
                   [&](const action::ToggleHighContrast&) { modes_.highContrast = !modes_.highContrast; },
                   [&](const action::OpenPicture& open) {
                       viewer_ = PictureViewerState{open.index, 0};
                       if (observer_ && page_)
                           observer_->fullscreenPictureOpened(page_->id, true);
                   },
                   [&](const action::ClosePicture&) { viewer_.reset(); },
                   [&](const action::DismissNotice&) {
                       notice_.reset();
                       noticeDismissed_ = true;
                   },
                   [&](const action::ShowPicture& show) {
                       if (!viewer_ || viewer_->index == show.index)
                           return;
                       viewer_->index = show.index;
                       if (observer_ && page_)
                           observer_->fullscreenPictureOpened(page_->id, false);
                   },
               },
               action);
}

void KioskUi::openPlace(ScreenKind kind, const std::string& id) {
    Place place;
    place.kind = kind;
    place.id = id;
    places_.push_back(std::move(place));
}

void KioskUi::loadTopPage() {
    page_.reset();
    pageError_.clear();
    sourceCode_.reset();
    const Place& place = places_.back();
    if (place.kind != ScreenKind::Page)
        return;
    try {
        page_ = pack_.loadPage(place.id, language_);
        pageOpenedMilliseconds_ = nowMilliseconds_;
        // The same page again is a language change (see SetLanguage): its card stays.
        const bool sameStory = story_.pageId == page_->id && !page_->cards.empty();
        if (!sameStory)
            story_ = StoryState{};
        story_.pageId = page_->id;
        story_.card = std::min(story_.card, static_cast<int>(page_->cards.size()));
        // The marker on the page says it in writing; this says it to those who cannot read it.
        if (page_->isFallback)
            speak("page_not_translated");
        if (observer_) {
            observer_->pageViewed(page_->id, page_->language);
            if (!page_->cards.empty() && story_.card < static_cast<int>(page_->cards.size()))
                observer_->cardShown(page_->id, page_->language, story_.card,
                                     static_cast<int>(page_->cards.size()));
        }
        if (story_.listening)
            showCard(story_.card);
    } catch (const pack::PackError& error) {
        pageError_ = error.what();
        return;
    }
    if (page_->sourceUrl) {
        try {
            sourceCode_ = qr::encodeQr(*page_->sourceUrl);
        } catch (const qr::QrError&) {
            // A link too long for a phone to read off the screen: the page shows it as text only.
        }
    }
}

// Leaving a page, the language or the session silences whatever was playing: a recording
// that goes on about a page no longer on screen would only confuse.
void KioskUi::closeTopPage() {
    stopSound();
    if (page_ && observer_) {
        observer_->pageLeft(page_->id, page_->language, nowMilliseconds_ - pageOpenedMilliseconds_);
        if (!page_->cards.empty())
            observer_->storyLeft(page_->id, page_->language, story_.furthestCard,
                                 static_cast<int>(page_->cards.size()));
    }
    story_ = StoryState{}; // the next visit of any page starts at its first card
}

const pack::AudioClipInfo* KioskUi::cardNarration(int card) const {
    if (!page_ || card < 0 || card >= static_cast<int>(page_->cards.size()))
        return nullptr;
    return pack_.index().cardNarrationFor(page_->id, card, language_);
}

void KioskUi::showCard(int card) {
    if (!page_ || page_->cards.empty())
        return;
    const int count = static_cast<int>(page_->cards.size());
    card = std::clamp(card, 0, count);
    const bool moved = card != story_.card;
    story_.card = card;
    story_.dragOffset = 0;
    if (card < count)
        story_.furthestCard = std::max(story_.furthestCard, card);
    if (moved && observer_ && card < count)
        observer_->cardShown(page_->id, page_->language, card, count);
    if (!story_.listening)
        return;
    // She listens: each card says its own sentence as it appears, and the end card is quiet.
    if (const pack::AudioClipInfo* clip = cardNarration(card))
        play(clip->audioId);
    else
        stopSound();
}

bool KioskUi::isPageRecordingLoaded() const {
    if (!audio_ || !page_)
        return false;
    const PlaybackStatus status = audio_->status();
    if (const pack::AudioClipInfo* narration = pack_.index().narrationFor(page_->id, language_))
        if (isNarrationLoaded(status, *narration))
            return true;
    const pack::AudioClipInfo* card = cardNarration(story_.card);
    return card && isNarrationLoaded(status, *card);
}

void KioskUi::play(std::int64_t audioId) {
    if (!audio_)
        return;
    try {
        audio_->play(pack_.loadAudio(audioId));
    } catch (const pack::PackError& error) {
        // The pack was checked when installed, so this is a damaged disk; the page still reads.
        // Staff find the reason in the journal.
        os::log("cannot play recording ", audioId, ": ", error.what());
    }
}

bool KioskUi::speak(const std::string& key) {
    if (!audio_ || !spokenWords_)
        return false;
    if (isPageRecordingLoaded())
        return false;
    std::optional<pack::EncodedAudio> recording = spokenWords_->recording(key, language_);
    if (!recording)
        return false;
    recording->id = kKioskSoundClipId;
    audio_->play(std::move(*recording));
    return true;
}

void KioskUi::stopSound() {
    if (audio_)
        audio_->stop();
}

bool KioskUi::isNarrating() const {
    if (!audio_)
        return false;
    const PlaybackStatus status = audio_->status();
    return status.isPlaying() && !status.isKioskSound();
}

void KioskUi::goIdle() {
    closeTopPage();
    if (staffView_)
        staffView_->close();
    page_.reset();
    story_ = StoryState{};
    viewer_.reset();
    places_.resize(1);
    places_.back().scroller.jumpTo(0);
    language_ = pack_.metadata().defaultLanguage;
    // The next visitor starts afresh: standard text and colours, and polls to answer.
    modes_ = VisitorModes{};
    answeredPolls_.clear();
    attract_ = true;
    sessionActive_ = false;
    attractState_.startedMilliseconds = nowMilliseconds_;
    idleWarning_.reset();
    pendingTaps_.clear();
    if (observer_)
        observer_->wentIdle();
}

void KioskUi::wakeUp() {
    attract_ = false;
    sessionActive_ = true;
    lastActivityMilliseconds_ = nowMilliseconds_;
    // "Welcome! Tap a picture to look inside": what to do next, for those who cannot read it.
    speak("welcome");
    if (observer_)
        observer_->sessionStarted(true);
}

bool KioskUi::isAnimating() const {
    return attract_ || releasePending_ || !pendingTaps_.empty() || places_.back().scroller.isMoving() ||
           (viewer_ && viewer_->dragOffset != 0) || story_.dragOffset != 0 || isNarrating() ||
           drawnWhilePlaying_ || idleWarning_;
}

std::int64_t KioskUi::frameIntervalMilliseconds() const {
    const bool fingerDriven = fingerDown_ || releasePending_ || !pendingTaps_.empty() ||
                              places_.back().scroller.isMoving() || (viewer_ && viewer_->dragOffset != 0) ||
                              story_.dragOffset != 0;
    if (fingerDriven)
        return kFingerFrameMilliseconds;
    if (attract_ || idleWarning_)
        return kAttractFrameMilliseconds;
    return isNarrating() || drawnWhilePlaying_ ? kNarrationFrameMilliseconds : kFingerFrameMilliseconds;
}

ScreenKind KioskUi::screen() const {
    return attract_ ? ScreenKind::Attract : places_.back().kind;
}

std::int64_t KioskUi::millisecondsUntilIdle() const {
    if (attract_)
        return settings_.idleTimeoutMilliseconds;
    const std::int64_t remaining = std::max<std::int64_t>(
        0, settings_.idleTimeoutMilliseconds - (nowMilliseconds_ - lastActivityMilliseconds_));
    const std::int64_t untilWarning = remaining - idleWarningMilliseconds(settings_);
    return sessionActive_ && untilWarning > 0 ? untilWarning : remaining;
}

} // namespace kiosk::ui
