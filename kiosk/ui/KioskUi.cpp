#include "KioskUi.hpp"

#include "Widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace kiosk::ui {

namespace {

constexpr ImGuiWindowFlags kFullScreenWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                               ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;

template <class... Visitors> struct Overloaded : Visitors... {
    using Visitors::operator()...;
};
template <class... Visitors> Overloaded(Visitors...) -> Overloaded<Visitors...>;

bool beginFullScreenWindow(const char* name, ImVec2 size, ImU32 background, bool onTop) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    if (onTop)
        ImGui::SetNextWindowFocus();
    const ImGuiWindowFlags flags = kFullScreenWindow | (onTop ? 0 : ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool open = ImGui::Begin(name, nullptr, flags);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), size, background);
    return open;
}

} // namespace

KioskUi::KioskUi(const pack::PackReader& pack, PictureSource& pictures, const text::UiStrings& strings,
                 const FontSet& fonts, const Metrics& metrics, const KioskSettings& settings,
                 std::int64_t nowMilliseconds)
    : pack_(pack), pictures_(pictures), strings_(strings), fonts_(fonts), metrics_(metrics), settings_(settings),
      language_(pack.metadata().defaultLanguage), nowMilliseconds_(nowMilliseconds),
      lastTouchMilliseconds_(nowMilliseconds) {
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
    if (gestures.touched)
        lastTouchMilliseconds_ = nowMilliseconds;
    if (observer_)
        observer_->tick();

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
    // The staff gesture: a finger held on the top-left corner. Nothing else a villager does
    // there lasts that long, so it cannot be reached by tapping around.
    const float corner = metrics_.touchTarget * 1.2f;
    if (gestures.longPress && gestures.longPress->x < corner && gestures.longPress->y < corner && staffView_ &&
        !staffView_->isOpen()) {
        viewer_.reset();
        staffView_->open();
    }
    if (ignoreGesturesUntilRelease_) {
        if (gestures.tap || gestures.dragReleased)
            ignoreGesturesUntilRelease_ = false;
        feedImGuiMouse();
        return;
    }

    if (isStaffViewOpen()) {
        // The staff view does not scroll; its buttons get taps below.
    } else if (viewer_) {
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
    } else {
        input::KineticScroller& scroller = places_.back().scroller;
        if (gestures.dragging || gestures.dragDelta.y != 0)
            scroller.drag(gestures.dragDelta.y);
        if (gestures.dragReleased)
            scroller.release(gestures.releaseVelocity.y);
        scroller.update(elapsed);
    }
    if (gestures.tap)
        pendingTaps_.push_back(*gestures.tap);
    feedImGuiMouse();

    if (nowMilliseconds - lastTouchMilliseconds_ >= settings_.idleTimeoutMilliseconds)
        goIdle();
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

void KioskUi::draw() {
    record_.clear();
    UiContext context{metrics_, fonts_, pictures_, record_, strings_, pack_, language_, nowMilliseconds_, nullptr, {}};
    Place& place = places_.back();
    context.scroller = &place.scroller;

    if (beginFullScreenWindow("kiosk", metrics_.screen, colour::background, false)) {
        switch (place.kind) {
        case ScreenKind::Home:
        case ScreenKind::Attract:
            drawHomeScreen(context);
            break;
        case ScreenKind::Category:
            drawCategoryScreen(context, place.id);
            break;
        case ScreenKind::Page:
            if (page_) {
                drawPageScreen(context, *page_);
            } else {
                drawTopBar(context, TopBarOptions{true, true, ""});
                ImGui::SetCursorScreenPos(ImVec2(metrics_.padding, metrics_.topBarHeight + metrics_.padding));
                wrappedText(context, context.word("error_pack") + ": " + pageError_, fonts_.body, colour::text,
                            metrics_.screen.x - 2 * metrics_.padding);
            }
            break;
        }
    }
    ImGui::End();

    if (viewer_ && page_) {
        record_.clear(); // what lies beneath the viewer is not visible
        if (beginFullScreenWindow("picture-viewer", metrics_.screen, colour::viewerBackground, true))
            drawPictureViewer(context, *page_, *viewer_);
        ImGui::End();
    }
    if (isStaffViewOpen()) {
        record_.clear();
        if (beginFullScreenWindow("staff", metrics_.screen, colour::background, true))
            staffView_->draw(context);
        ImGui::End();
    }
    if (attract_) {
        record_.clear();
        if (beginFullScreenWindow("attract", metrics_.screen, colour::viewerBackground, true))
            drawAttractScreen(context, attractState_);
        ImGui::End();
    }

    if (notice_ && notice_->stage == InstallNotice::Stage::StatisticsSaved) {
        drawStatisticsBanner(context);
    } else if (notice_) {
        record_.clear();
        if (beginFullScreenWindow("usb-notice", metrics_.screen, IM_COL32(0, 0, 0, 0), true))
            drawInstallNotice(context, *notice_);
        ImGui::End();
    }

    for (const UiAction& action : context.actions)
        apply(action);
}

void KioskUi::drawStatisticsBanner(UiContext& context) {
    // Drawn without a window of its own, so taps go on reaching the screen beneath.
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    const std::string message = context.word("usb_statistics_saved");
    ImFont* font = fonts_.body;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, message.c_str());
    const float inset = metrics_.padding * 0.6f;
    const ImVec2 minimum((metrics_.screen.x - size.x) / 2 - inset, metrics_.screen.y - size.y - 3 * inset);
    const ImVec2 maximum(minimum.x + size.x + 2 * inset, minimum.y + size.y + 2 * inset);
    drawList->AddRectFilled(minimum, maximum, IM_COL32(16, 92, 99, 235), metrics_.rounding);
    drawList->AddText(font, font->FontSize, ImVec2(minimum.x + inset, minimum.y + inset), colour::onDark, message.c_str());
    record_.add(message, minimum, maximum, false);
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
                       closeTopPage();
                       language_ = set.language;
                       loadTopPage();
                   },
                   [&](const action::OpenPicture& open) {
                       viewer_ = PictureViewerState{open.index, 0};
                       if (observer_ && page_)
                           observer_->fullScreenPictureShown(page_->id, true);
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
                           observer_->fullScreenPictureShown(page_->id, false);
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
    const Place& place = places_.back();
    if (place.kind != ScreenKind::Page)
        return;
    try {
        page_ = pack_.loadPage(place.id, language_);
        pageOpenedMilliseconds_ = nowMilliseconds_;
        if (observer_)
            observer_->pageOpened(page_->id, page_->language);
    } catch (const pack::PackError& error) {
        pageError_ = error.what();
    }
}

void KioskUi::closeTopPage() {
    if (page_ && observer_)
        observer_->pageClosed(page_->id, page_->language, nowMilliseconds_ - pageOpenedMilliseconds_);
}

void KioskUi::goIdle() {
    closeTopPage();
    if (staffView_)
        staffView_->close();
    page_.reset();
    viewer_.reset();
    places_.resize(1);
    places_.back().scroller.jumpTo(0);
    language_ = pack_.metadata().defaultLanguage;
    attract_ = true;
    sessionActive_ = false;
    attractState_.startedMilliseconds = nowMilliseconds_;
    pendingTaps_.clear();
    if (observer_)
        observer_->wentIdle();
}

void KioskUi::wakeUp() {
    attract_ = false;
    sessionActive_ = true;
    lastTouchMilliseconds_ = nowMilliseconds_;
    if (observer_)
        observer_->sessionStarted(true);
}

bool KioskUi::isAnimating() const {
    return attract_ || releasePending_ || !pendingTaps_.empty() || places_.back().scroller.isMoving() ||
           (viewer_ && viewer_->dragOffset != 0);
}

std::int64_t KioskUi::frameIntervalMilliseconds() const {
    const bool fingerDriven = releasePending_ || !pendingTaps_.empty() || places_.back().scroller.isMoving() ||
                              (viewer_ && viewer_->dragOffset != 0);
    return attract_ && !fingerDriven ? 100 : 16;
}

ScreenKind KioskUi::screen() const { return attract_ ? ScreenKind::Attract : places_.back().kind; }

std::int64_t KioskUi::millisecondsUntilIdle() const {
    if (attract_)
        return settings_.idleTimeoutMilliseconds;
    return std::max<std::int64_t>(0, settings_.idleTimeoutMilliseconds - (nowMilliseconds_ - lastTouchMilliseconds_));
}

} // namespace kiosk::ui
