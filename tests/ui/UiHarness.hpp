// KioskUi on a real pack, drawn by ImGui without any window: the tests read ImGui's draw
// data (which textures and colours were drawn where) and the frame record (which words were
// visible). Fakes stand in for the platform: pictures, the sound output, the statistics.
#pragma once

#include "KioskUi.hpp"
#include "builder_test_source_tree.hpp"
#include "text/Unicode.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui::test {

// Hands out fake texture ids that encode what was asked for, so the draw data says which
// pack picture or icon each textured triangle shows. Icons exist only when assets/icons has
// them, as on the kiosk.
class RecordingPictureSource final : public PictureSource {
  public:
    Picture packPicture(std::int64_t imageId, pack::ImageSize size) override {
        const auto id =
            static_cast<std::intptr_t>(imageId * 2 + (size == pack::ImageSize::Full ? 1 : 0) + 1000);
        return {reinterpret_cast<ImTextureID>(id), 160, 100};
    }
    Picture icon(const std::string& name) override {
        if (!std::filesystem::exists(std::filesystem::path(KIOSK_ICON_SOURCE_DIR) / (name + ".svg")))
            return {};
        auto [entry, added] = icons_.emplace(name, static_cast<std::intptr_t>(100 + icons_.size()));
        return {reinterpret_cast<ImTextureID>(entry->second), 128, 128};
    }
    void prefetch(std::int64_t imageId, pack::ImageSize size) override {
        prefetched.emplace_back(imageId, size);
    }
    std::vector<std::pair<std::int64_t, pack::ImageSize>> prefetched;
    // Disc masks get ids below 100: 10 + radius * 2 + side, up to a radius of 44.
    Picture discMask(int radius, image::DiscMaskSide side) override {
        if (!provideDiscMasks || radius < 1 || radius > 44)
            return {};
        const auto id =
            static_cast<std::intptr_t>(10 + radius * 2 + (side == image::DiscMaskSide::Outside ? 1 : 0));
        return {reinterpret_cast<ImTextureID>(id), static_cast<float>(2 * radius),
                static_cast<float>(2 * radius)};
    }
    static bool isDiscMask(ImTextureID texture) {
        const auto id = reinterpret_cast<std::intptr_t>(texture);
        return id >= 12 && id < 100;
    }
    bool provideDiscMasks = true;
    static std::int64_t packImageOf(ImTextureID texture) {
        const auto id = reinterpret_cast<std::intptr_t>(texture);
        return id >= 1000 ? (id - 1000) / 2 : -1;
    }
    std::vector<std::string> iconsAsked() const {
        std::vector<std::string> names;
        for (const auto& [name, id] : icons_)
            names.push_back(name);
        return names;
    }
    // The icon a texture id stands for, or "".
    std::string iconOf(ImTextureID texture) const {
        for (const auto& [name, id] : icons_)
            if (reinterpret_cast<ImTextureID>(id) == texture)
                return name;
        return "";
    }

  private:
    std::map<std::string, std::intptr_t> icons_;
};

// A sound output that plays nothing but keeps the state a real one would.
class FakeAudioOutput final : public AudioOutput {
  public:
    void play(pack::EncodedAudio clip) override {
        played.push_back(clip.id);
        status_ = PlaybackStatus{PlaybackState::Playing, clip.id, 0, clip.durationMilliseconds};
    }
    void play(audio::DecodedAudio, std::int64_t clipId) override {
        played.push_back(clipId);
        status_ = PlaybackStatus{PlaybackState::Playing, clipId, 0, 1000};
    }
    void pause() override {
        ++pauses;
        if (status_.state == PlaybackState::Playing)
            status_.state = PlaybackState::Paused;
    }
    void resume() override {
        ++resumes;
        if (status_.state == PlaybackState::Paused)
            status_.state = PlaybackState::Playing;
    }
    void stop() override {
        ++stops;
        status_ = PlaybackStatus{};
    }
    PlaybackStatus status() const override { return status_; }
    std::string lastError() const override { return ""; }
    std::uint64_t framesPlayed() const override { return 0; }
    std::uint64_t audibleFramesPlayed() const override { return 0; }
    SoundDeviceStatus checkDevice() override { return device; }
    void setVolume(int percent) override { volume_ = percent; }
    int volume() const override { return volume_; }

    void setPosition(std::int64_t milliseconds) { status_.positionMilliseconds = milliseconds; }
    // The clip played to its end, as a real output reports it.
    void finish() {
        status_.state = PlaybackState::Finished;
        status_.positionMilliseconds = status_.durationMilliseconds;
    }

    std::vector<std::int64_t> played;
    int pauses = 0;
    int resumes = 0;
    int stops = 0;
    SoundDeviceStatus device{true, "Fake speaker", ""};

  private:
    PlaybackStatus status_;
    int volume_ = 100;
};

struct PollCount {
    std::string pageId;
    std::string language;
    pack::PollAnswer answer;
};

struct CardCount {
    std::string pageId;
    int card = 0;
    int cardCount = 0;
};

class CountingObserver final : public UsageObserver {
  public:
    void sessionStarted(bool) override { ++sessions; }
    void categoryOpened(const std::string&) override {}
    void pageViewed(const std::string&, const std::string&) override {}
    void pageLeft(const std::string&, const std::string&, std::int64_t) override {}
    void cardShown(const std::string& pageId, const std::string&, int card, int cardCount) override {
        cardsShown.push_back({pageId, card, cardCount});
    }
    void storyLeft(const std::string& pageId, const std::string&, int furthestCard, int cardCount) override {
        storiesLeft.push_back({pageId, furthestCard, cardCount});
    }
    void fullscreenPictureOpened(const std::string&, bool) override {}
    void languageSwitched(const std::string&, const std::string&) override {}
    void pollAnswered(const std::string& pageId, const std::string& language,
                      pack::PollAnswer answer) override {
        polls.push_back({pageId, language, answer});
    }
    void wentIdle() override {}

    int sessions = 0;
    std::vector<PollCount> polls;
    std::vector<CardCount> cardsShown;
    std::vector<CardCount> storiesLeft; // card = the furthest reached
};

// A rectangle of one colour in the draw data (four vertices, untextured).
struct DrawnRect {
    ImVec2 minimum;
    ImVec2 maximum;
    ImU32 colour;
};

class UiHarness {
  public:
    UiHarness(const pack::PackReader& pack, ImVec2 screen)
        : pack_(pack), strings_(text::UiStrings::parse(
                           "key\tvie\teng\n"
                           "home\tTrang chủ\tHome\n"
                           "back\tQuay lại\tBack\n"
                           "touch_to_start\tChạm để bắt đầu\tTouch to start\n"
                           "translation_missing\tChưa dịch ({language})\tNot translated, "
                           "shown in {language}\n"
                           "pages_count\t{count} trang\tPages: {count}\n"
                           "narration_play\tNghe đọc\tListen\n"
                           "speak_title\tNghe tên\tHear the name\n"
                           "narration_reading_here\tĐang đọc đoạn này\tBeing read now\n"
                           "read_more\tĐọc thêm\tRead more\n"
                           "previous\tTrước\tPrevious\n"
                           "next\tTiếp\tNext\n"
                           "story_end\tBà con đã xem hết câu chuyện.\tYou have seen the whole story.\n"
                           "narration_pause\tTạm dừng\tPause\n"
                           "narration_resume\tNghe tiếp\tKeep listening\n"
                           "narration_stop\tThôi nghe\tStop listening\n"
                           "idle_question\tBà con còn xem không?\tAre you still there?\n"
                           "idle_touch_to_stay\tChạm vào màn hình để xem tiếp\tTouch the screen "
                           "to keep looking\n"
                           "narration_synthetic\tGiọng máy đọc\tComputer voice\n"
                           "poll_question\tCó ích không?\tWas this useful?\n"
                           "poll_answer_happy\tCó\tYes\n"
                           "poll_answer_neutral\tMột chút\tA little\n"
                           "poll_answer_unhappy\tKhông\tNo\n"
                           "poll_thanks\tCảm ơn bà con!\tThank you!\n"
                           "large_text\tChữ to\tLarge text\n"
                           "high_contrast\tTương phản cao\tHigh contrast\n"
                           "qr_caption\tQuét mã\tScan the code\n"
                           "source\tNguồn\tSource\n"
                           "staff_set_date\tĐặt ngày giờ\tSet date and time\n"
                           "staff_day\tNgày\tDay\n"
                           "staff_month\tTháng\tMonth\n"
                           "staff_year\tNăm\tYear\n"
                           "staff_hour\tGiờ\tHour\n"
                           "staff_minute\tPhút\tMinute\n"
                           "staff_place_name\tTên địa điểm\tPlace name\n"
                           "staff_save\tLưu\tSave\n"
                           "staff_delete\tXóa\tDelete\n"
                           "keyboard_cancel\tHủy\tCancel\n"
                           "keyboard_space\tDấu cách\tSpace\n",
                           "test")),
          metrics_(screen) {
        ImGui::CreateContext(&fontAtlas_.atlas);
        const std::filesystem::path fonts = KIOSK_FONT_DIR;
        std::vector<char32_t> codePoints = pack.usedCodePoints();
        for (const char32_t codePoint : text::codePoints(strings_.allText()))
            codePoints.push_back(codePoint);
        fonts_ = loadFonts(fontAtlas_, {fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"},
                           metrics_, codePoints);
        ImGui::GetIO().FontDefault = fonts_.standard.body;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ui_ = std::make_unique<KioskUi>(pack_, pictures_, strings_, fonts_, metrics_, KioskSettings{}, 0);
    }
    ~UiHarness() {
        ui_.reset();
        ImGui::DestroyContext();
    }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    void frame(std::int64_t advanceMilliseconds = 16) {
        now_ += advanceMilliseconds;
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = metrics_.screen;
        io.DeltaTime = static_cast<float>(std::max<std::int64_t>(1, advanceMilliseconds)) / 1000.0f;
        ui_->feedInput(gestures_.takeFrame(now_), now_);
        ImGui::NewFrame();
        ui_->draw();
        ImGui::Render();
    }
    void tap(ImVec2 at) {
        gestures_.pointerDown({at.x, at.y}, now_);
        frame(60);
        gestures_.pointerUp({at.x, at.y}, now_);
        for (int frameCount = 0; frameCount < 4; ++frameCount)
            frame();
    }
    void tap(const std::string& label) {
        const VisibleItem* item = ui_->lastFrame().findTouchable(label);
        REQUIRE_MESSAGE(item != nullptr, "no touch target labelled " << label << "\n"
                                                                     << ui_->lastFrame().describe());
        tap(item->centre());
    }
    // A tap on the target whose whole label is `label` (tap() takes any label containing it).
    void tapKey(const std::string& label) {
        const VisibleItem* item = ui_->lastFrame().findTouchableLabelled(label);
        REQUIRE_MESSAGE(item != nullptr, "no touch target labelled exactly " << label);
        tap(item->centre());
    }
    // The staff gesture (three seconds on the top bar where no button is), then the PIN 2468:
    // with staff services whose PIN check accepts it, the staff view opens.
    void openStaffView() {
        hold(ImVec2(metrics_.screen.x / 2, metrics_.topBarHeight / 2), 3500);
        REQUIRE(ui_->isStaffViewOpen());
        for (const char* digit : {"2", "4", "6", "8", "OK"})
            tap(digit);
        frame();
    }
    // A finger held still for `milliseconds`, then lifted.
    void hold(ImVec2 at, std::int64_t milliseconds) {
        gestures_.pointerDown({at.x, at.y}, now_);
        for (std::int64_t held = 0; held < milliseconds; held += 100)
            frame(100);
        gestures_.pointerUp({at.x, at.y}, now_);
        for (int frameCount = 0; frameCount < 4; ++frameCount)
            frame();
    }
    void drag(ImVec2 from, ImVec2 to) {
        gestures_.pointerDown({from.x, from.y}, now_);
        for (int step = 1; step <= 10; ++step) {
            gestures_.pointerMove(
                {from.x + (to.x - from.x) * step / 10, from.y + (to.y - from.y) * step / 10}, now_);
            frame();
        }
        gestures_.pointerUp({to.x, to.y}, now_);
        frame();
    }
    // A drag that stops before the finger lifts: the content moves by the drag alone, without
    // gliding on (to step through a page without skipping any of it).
    void dragWithoutFling(ImVec2 from, ImVec2 to) {
        gestures_.pointerDown({from.x, from.y}, now_);
        for (int step = 1; step <= 10; ++step) {
            gestures_.pointerMove(
                {from.x + (to.x - from.x) * step / 10, from.y + (to.y - from.y) * step / 10}, now_);
            frame();
        }
        for (int still = 0; still < 5; ++still) {
            gestures_.pointerMove({to.x, to.y}, now_);
            frame(100);
        }
        gestures_.pointerUp({to.x, to.y}, now_);
        frame();
    }
    // Past the idle timeout (nothing playing): the session ends and the attract loop starts.
    void waitUntilIdle() {
        for (int second = 0; second < 92; ++second)
            frame(1000);
    }
    bool hasTouchable(const std::string& label) const {
        return ui_->lastFrame().findTouchable(label) != nullptr;
    }
    bool shows(const std::string& text) const { return ui_->lastFrame().containsText(text); }

    // Pack pictures drawn in the last frame, with the screen area each covers.
    std::map<std::int64_t, float> drawnPictureAreas() const {
        std::map<std::int64_t, float> areas;
        forEachCommand([&](const ImDrawList& drawList, const ImDrawCmd& command) {
            const std::int64_t image = RecordingPictureSource::packImageOf(command.TextureId);
            if (image < 0)
                return;
            ImVec2 minimum(FLT_MAX, FLT_MAX), maximum(-FLT_MAX, -FLT_MAX);
            for (unsigned index = 0; index < command.ElemCount; ++index) {
                const ImDrawVert& vertex = vertexOf(drawList, command, index);
                minimum = ImVec2(std::min(minimum.x, vertex.pos.x), std::min(minimum.y, vertex.pos.y));
                maximum = ImVec2(std::max(maximum.x, vertex.pos.x), std::max(maximum.y, vertex.pos.y));
            }
            const float visibleWidth =
                std::min(maximum.x, command.ClipRect.z) - std::max(minimum.x, command.ClipRect.x);
            const float visibleHeight =
                std::min(maximum.y, command.ClipRect.w) - std::max(minimum.y, command.ClipRect.y);
            if (visibleWidth > 0 && visibleHeight > 0)
                areas[image] += visibleWidth * visibleHeight;
        });
        return areas;
    }

    // Icons drawn in the last frame, by name.
    std::set<std::string> drawnIcons() const {
        std::set<std::string> icons;
        forEachCommand([&](const ImDrawList&, const ImDrawCmd& command) {
            if (command.ElemCount > 0) {
                const std::string name = pictures_.iconOf(command.TextureId);
                if (!name.empty())
                    icons.insert(name);
            }
        });
        return icons;
    }

    // Untextured axis-aligned rectangles of one colour, as AddRectFilled without rounding
    // draws them.
    std::vector<DrawnRect> drawnRects() const {
        std::vector<DrawnRect> rects;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        forEachQuad([&](const ImDrawVert* const corners[4]) {
            const bool flat = std::all_of(corners, corners + 4, [&](const ImDrawVert* vertex) {
                return vertex->col == corners[0]->col && vertex->uv.x == white.x && vertex->uv.y == white.y;
            });
            if (flat && corners[0]->pos.y == corners[1]->pos.y && corners[1]->pos.x == corners[2]->pos.x &&
                corners[2]->pos.y == corners[3]->pos.y && corners[3]->pos.x == corners[0]->pos.x)
                rects.push_back({corners[0]->pos, corners[2]->pos, corners[0]->col});
        });
        return rects;
    }

    // How many times the glyph of `codePoint` (in the body font's atlas) is drawn inside
    // [minimum, maximum]: its quad's texture corner is the glyph's.
    int glyphsDrawnIn(char32_t codePoint, ImFont* font, ImVec2 minimum, ImVec2 maximum) const {
        const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(codePoint));
        if (!glyph)
            return 0;
        int count = 0;
        forEachQuad([&](const ImDrawVert* const corners[4]) {
            if (corners[0]->uv.x == glyph->U0 && corners[0]->uv.y == glyph->V0 &&
                corners[0]->pos.x >= minimum.x && corners[0]->pos.y >= minimum.y &&
                corners[2]->pos.x <= maximum.x && corners[2]->pos.y <= maximum.y)
                ++count;
        });
        return count;
    }
    const FontSet& fonts() const { return fonts_.standard; }

    // The tallest glyph drawn inside [minimum, maximum] (text quads sample the font atlas).
    float tallestGlyphIn(ImVec2 minimum, ImVec2 maximum) const {
        float tallest = 0;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        forEachQuad([&](const ImDrawVert* const corners[4]) {
            const ImVec2 topLeft = corners[0]->pos;
            const ImVec2 bottomRight = corners[2]->pos;
            if (corners[0]->uv.x == white.x && corners[0]->uv.y == white.y)
                return;
            if (topLeft.x >= minimum.x && topLeft.y >= minimum.y && bottomRight.x <= maximum.x &&
                bottomRight.y <= maximum.y)
                tallest = std::max(tallest, bottomRight.y - topLeft.y);
        });
        return tallest;
    }

    // The box of every glyph drawn (quads sampling the font atlas, not its white pixel).
    std::vector<std::pair<ImVec2, ImVec2>> glyphBoxes() const {
        std::vector<std::pair<ImVec2, ImVec2>> boxes;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        forEachQuad([&](const ImDrawVert* const corners[4]) {
            if (corners[0]->uv.x != white.x || corners[0]->uv.y != white.y)
                boxes.emplace_back(corners[0]->pos, corners[2]->pos);
        });
        return boxes;
    }

    // The box around every vertex of exactly `colour` inside [minimum, maximum]; empty (minimum
    // above maximum) when there is none.
    std::pair<ImVec2, ImVec2> boundsOfColour(ImU32 colour, ImVec2 minimum, ImVec2 maximum) const {
        ImVec2 low(FLT_MAX, FLT_MAX), high(-FLT_MAX, -FLT_MAX);
        const ImDrawData* data = ImGui::GetDrawData();
        for (int list = 0; list < data->CmdListsCount; ++list)
            for (const ImDrawVert& vertex : data->CmdLists[list]->VtxBuffer)
                if (vertex.col == colour && vertex.pos.x >= minimum.x && vertex.pos.y >= minimum.y &&
                    vertex.pos.x <= maximum.x && vertex.pos.y <= maximum.y) {
                    low = ImVec2(std::min(low.x, vertex.pos.x), std::min(low.y, vertex.pos.y));
                    high = ImVec2(std::max(high.x, vertex.pos.x), std::max(high.y, vertex.pos.y));
                }
        return {low, high};
    }

    // Triangles drawn with the font atlas that are not half of a quad (fans, fringes, strokes),
    // as their bounding boxes.
    std::vector<std::pair<ImVec2, ImVec2>> trianglesOutsideQuads() const {
        std::vector<std::pair<ImVec2, ImVec2>> boxes;
        forEachAtlasShape([](const ImDrawVert* const[4], const ImDrawCmd&) {},
                          [&](const ImDrawVert* const corners[3]) {
                              ImVec2 low(FLT_MAX, FLT_MAX), high(-FLT_MAX, -FLT_MAX);
                              for (int corner = 0; corner < 3; ++corner) {
                                  low = ImVec2(std::min(low.x, corners[corner]->pos.x),
                                               std::min(low.y, corners[corner]->pos.y));
                                  high = ImVec2(std::max(high.x, corners[corner]->pos.x),
                                                std::max(high.y, corners[corner]->pos.y));
                              }
                              boxes.emplace_back(low, high);
                          });
        return boxes;
    }
    // Quads drawn with a disc mask texture (the corners of rounded shapes), as their boxes.
    // `colour`: only the quads filled with it (a rounded shape's corners are drawn this way).
    std::vector<std::pair<ImVec2, ImVec2>> discMaskQuads(std::optional<ImU32> colour = std::nullopt) const {
        std::vector<std::pair<ImVec2, ImVec2>> boxes;
        forEachCommand([&](const ImDrawList& drawList, const ImDrawCmd& command) {
            if (!RecordingPictureSource::isDiscMask(command.TextureId))
                return;
            for (unsigned position = 0; position + 6 <= command.ElemCount; position += 6)
                if (!colour || vertexOf(drawList, command, position).col == *colour)
                    boxes.emplace_back(vertexOf(drawList, command, position).pos,
                                       vertexOf(drawList, command, position + 2).pos);
        });
        return boxes;
    }
    // Glyphs that their clip rectangle cuts on its left or right side: text cut short without
    // "…" (a scroll area cuts text at its top and bottom, which scrolling shows, never at its
    // sides). Each as the recorded text it belongs to, and where the cut is.
    std::vector<std::string> textCutSideways() const {
        std::vector<std::string> cuts;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        forEachQuadWithCommand([&](const ImDrawVert* const corners[4], const ImDrawCmd& command) {
            if (corners[0]->uv.x == white.x && corners[0]->uv.y == white.y)
                return; // a filled rectangle, not a glyph
            const float left = corners[0]->pos.x, right = corners[2]->pos.x;
            const float top = corners[0]->pos.y, bottom = corners[2]->pos.y;
            if (bottom <= command.ClipRect.y || top >= command.ClipRect.w)
                return;                        // not on screen at all
            constexpr float kTolerance = 0.5f; // antialiased edges may touch the clip
            for (const float edge : {command.ClipRect.x, command.ClipRect.z})
                if (left < edge - kTolerance && right > edge + kTolerance) {
                    const ImVec2 centre((left + right) / 2, (top + bottom) / 2);
                    std::string text = "(unrecorded text)";
                    for (const VisibleItem& item : ui_->lastFrame().items())
                        if (!item.touchable && centre.y >= item.minimum.y && centre.y <= item.maximum.y &&
                            centre.x >= item.minimum.x - 40 && centre.x <= item.maximum.x + 40)
                            text = item.text;
                    cuts.push_back("'" + text + "' at x=" + std::to_string(static_cast<int>(edge)) +
                                   " y=" + std::to_string(static_cast<int>(top)));
                }
        });
        return cuts;
    }
    RecordingPictureSource& pictures() { return pictures_; }

    const VisibleItem* visibleText(const std::string& text) const {
        for (const VisibleItem& item : ui_->lastFrame().items())
            if (item.text == text)
                return &item;
        return nullptr;
    }

    KioskUi& ui() { return *ui_; }
    const Metrics& metrics() const { return metrics_; }

  private:
    template <class Visit> void forEachCommand(Visit visit) const {
        const ImDrawData* data = ImGui::GetDrawData();
        for (int list = 0; list < data->CmdListsCount; ++list)
            for (const ImDrawCmd& command : data->CmdLists[list]->CmdBuffer)
                visit(*data->CmdLists[list], command);
    }
    // Every quad drawn with the font atlas (rectangles and glyphs: ImGui's PrimRect and
    // PrimRectUV), as top-left, top-right, bottom-right, bottom-left. Quads are two triangles
    // (a, b, c) and (a, c, d); other shapes are skipped a triangle at a time.
    template <class Visit> void forEachQuadWithCommand(Visit visit) const {
        forEachAtlasShape(visit, [](const ImDrawVert* const[3]) {});
    }
    template <class Visit> void forEachQuad(Visit visit) const {
        forEachAtlasShape([&](const ImDrawVert* const corners[4], const ImDrawCmd&) { visit(corners); },
                          [](const ImDrawVert* const[3]) {});
    }
    // Every quad drawn with the font atlas as above, with its draw command, and every other
    // triangle (fans, fringes, strokes) as its three corners.
    template <class VisitQuad, class VisitTriangle>
    void forEachAtlasShape(VisitQuad visitQuad, VisitTriangle visitTriangle) const {
        forEachCommand([&](const ImDrawList& drawList, const ImDrawCmd& command) {
            if (command.TextureId != ImGui::GetIO().Fonts->TexID)
                return;
            const auto indexAt = [&](unsigned position) {
                return drawList.IdxBuffer[static_cast<int>(command.IdxOffset + position)];
            };
            const auto corner = [&](unsigned position) { return &vertexOf(drawList, command, position); };
            unsigned position = 0;
            while (position + 3 <= command.ElemCount) {
                if (position + 6 <= command.ElemCount && indexAt(position + 3) == indexAt(position) &&
                    indexAt(position + 4) == indexAt(position + 2)) {
                    const ImDrawVert* const corners[4] = {corner(position), corner(position + 1),
                                                          corner(position + 2), corner(position + 5)};
                    visitQuad(corners, command);
                    position += 6;
                } else {
                    const ImDrawVert* const corners[3] = {corner(position), corner(position + 1),
                                                          corner(position + 2)};
                    visitTriangle(corners);
                    position += 3;
                }
            }
        });
    }
    static const ImDrawVert& vertexOf(const ImDrawList& drawList, const ImDrawCmd& command, unsigned index) {
        return drawList.VtxBuffer[drawList.IdxBuffer[static_cast<int>(command.IdxOffset + index)] +
                                  static_cast<int>(command.VtxOffset)];
    }

    const pack::PackReader& pack_;
    text::UiStrings strings_;
    FontAtlas fontAtlas_; // outlives the ImGui context, which the destructor ends
    Metrics metrics_;
    FontLibrary fonts_;
    RecordingPictureSource pictures_;
    input::GestureRecognizer gestures_{12};
    std::unique_ptr<KioskUi> ui_;
    std::int64_t now_ = 0;
};

// The test pack of the builder tests, with whatever a test adds to its source first.
struct BuiltPack {
    builder::test::SourceTree source;
    std::unique_ptr<pack::PackReader> reader;

    BuiltPack() { build(); }
    template <class Prepare> explicit BuiltPack(Prepare prepare) {
        prepare(source);
        build();
    }

  private:
    void build() {
        const builder::BuildResult result = source.build();
        REQUIRE_MESSAGE(result.succeeded, builder::test::joinedProblems(result));
        reader = std::make_unique<pack::PackReader>(
            pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER));
    }
};

} // namespace kiosk::ui::test
