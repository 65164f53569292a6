// KioskUi on a real pack, drawn by ImGui without any window: the tests read ImGui's draw
// data (which textures were drawn where) and the frame record (which words were visible).
#include "KioskUi.hpp"
#include "builder_test_source_tree.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace kiosk;

namespace {

// Hands out fake texture ids that encode what was asked for, so the draw data says which
// pack picture or icon each textured triangle shows.
class RecordingPictureSource final : public ui::PictureSource {
public:
    ui::Picture packPicture(std::int64_t imageId, pack::ImageSize size) override {
        const auto id = static_cast<std::intptr_t>(imageId * 2 + (size == pack::ImageSize::Full ? 1 : 0) + 1000);
        return {reinterpret_cast<ImTextureID>(id), 160, 100};
    }
    ui::Picture icon(const std::string& name) override {
        auto [entry, added] = icons_.emplace(name, static_cast<std::intptr_t>(100 + icons_.size()));
        return {reinterpret_cast<ImTextureID>(entry->second), 128, 128};
    }
    static std::int64_t packImageOf(ImTextureID texture) {
        const auto id = reinterpret_cast<std::intptr_t>(texture);
        return id >= 1000 ? (id - 1000) / 2 : -1;
    }

private:
    std::map<std::string, std::intptr_t> icons_;
};

class UiHarness {
public:
    UiHarness(const pack::PackReader& pack, ImVec2 screen)
        : pack_(pack), strings_(text::UiStrings::parse("key\tvie\teng\n"
                                                       "home\tTrang chủ\tHome\n"
                                                       "back\tQuay lại\tBack\n"
                                                       "touch_to_start\tChạm để bắt đầu\tTouch to start\n"
                                                       "translation_missing\tChưa dịch ({language})\tNot translated, "
                                                       "shown in {language}\n"
                                                       "pages_count\t{count} trang\tPages: {count}\n",
                                                       "test")),
          metrics_(screen) {
        ImGui::CreateContext();
        const std::filesystem::path fonts = KIOSK_FONT_DIR;
        fonts_ = ui::loadFonts({fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"}, metrics_,
                               pack.usedCodePoints());
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ui_ = std::make_unique<ui::KioskUi>(pack_, pictures_, strings_, fonts_, metrics_, ui::KioskSettings{}, 0);
    }
    ~UiHarness() {
        ui_.reset();
        ImGui::DestroyContext();
    }

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
        const ui::VisibleItem* item = ui_->lastFrame().findTouchable(label);
        REQUIRE_MESSAGE(item != nullptr, "no touch target labelled " << label);
        tap(item->centre());
    }
    void drag(ImVec2 from, ImVec2 to) {
        gestures_.pointerDown({from.x, from.y}, now_);
        for (int step = 1; step <= 10; ++step) {
            gestures_.pointerMove({from.x + (to.x - from.x) * step / 10, from.y + (to.y - from.y) * step / 10}, now_);
            frame();
        }
        gestures_.pointerUp({to.x, to.y}, now_);
        frame();
    }

    // Pack pictures drawn in the last frame, with the screen area each covers.
    std::map<std::int64_t, float> drawnPictureAreas() const {
        std::map<std::int64_t, float> areas;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int list = 0; list < data->CmdListsCount; ++list) {
            const ImDrawList* drawList = data->CmdLists[list];
            for (const ImDrawCmd& command : drawList->CmdBuffer) {
                const std::int64_t image = RecordingPictureSource::packImageOf(command.TextureId);
                if (image < 0)
                    continue;
                ImVec2 minimum(FLT_MAX, FLT_MAX), maximum(-FLT_MAX, -FLT_MAX);
                for (unsigned index = 0; index < command.ElemCount; ++index) {
                    const ImDrawVert& vertex =
                        drawList->VtxBuffer[drawList->IdxBuffer[static_cast<int>(command.IdxOffset + index)] +
                                            static_cast<int>(command.VtxOffset)];
                    minimum = ImVec2(std::min(minimum.x, vertex.pos.x), std::min(minimum.y, vertex.pos.y));
                    maximum = ImVec2(std::max(maximum.x, vertex.pos.x), std::max(maximum.y, vertex.pos.y));
                }
                const float visibleWidth = std::min(maximum.x, command.ClipRect.z) - std::max(minimum.x, command.ClipRect.x);
                const float visibleHeight = std::min(maximum.y, command.ClipRect.w) - std::max(minimum.y, command.ClipRect.y);
                if (visibleWidth > 0 && visibleHeight > 0)
                    areas[image] += visibleWidth * visibleHeight;
            }
        }
        return areas;
    }

    ui::KioskUi& ui() { return *ui_; }
    const ui::Metrics& metrics() const { return metrics_; }

private:
    const pack::PackReader& pack_;
    text::UiStrings strings_;
    ui::Metrics metrics_;
    ui::FontSet fonts_;
    RecordingPictureSource pictures_;
    input::GestureRecognizer gestures_{12};
    std::unique_ptr<ui::KioskUi> ui_;
    std::int64_t now_ = 0;
};

struct BuiltPack {
    builder::test::SourceTree source;
    std::unique_ptr<pack::PackReader> reader;
    BuiltPack() {
        const builder::BuildResult result = source.build();
        REQUIRE_MESSAGE(result.succeeded, builder::test::joinedProblems(result));
        reader = std::make_unique<pack::PackReader>(pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER));
    }
};

} // namespace

TEST_CASE("home draws every category picture large, and every touch target is thumb-sized") {
    BuiltPack built;
    for (const ImVec2 screen : {ImVec2(1280, 800), ImVec2(800, 480), ImVec2(1920, 1080), ImVec2(1024, 600)}) {
        CAPTURE(screen.x);
        UiHarness harness(*built.reader, screen);
        harness.frame();
        harness.frame();
        const auto areas = harness.drawnPictureAreas();
        for (const pack::Category& category : built.reader->index().categories) {
            CAPTURE(category.id);
            REQUIRE(areas.contains(category.imageId));
            // Each category picture covers at least a tenth of the screen.
            CHECK(areas.at(category.imageId) > screen.x * screen.y / 10);
        }
        const float smallest = screen.x >= 1280 ? 64.0f : 48.0f;
        int touchables = 0;
        for (const ui::VisibleItem& item : harness.ui().lastFrame().items()) {
            if (!item.touchable)
                continue;
            ++touchables;
            CAPTURE(item.text);
            CHECK(item.maximum.x - item.minimum.x >= smallest);
            CHECK(item.maximum.y - item.minimum.y >= smallest);
        }
        CHECK(touchables >= 5); // three categories and two languages
    }
}

TEST_CASE("tapping a category opens it; a drag across a tile opens nothing") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.drag(ImVec2(640, 500), ImVec2(640, 380));
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    harness.tap("Chính sách");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.tap("Bảo hiểm y tế");
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.ui().lastFrame().containsText("Ai được cấp thẻ?"));
    // The page's cover is drawn full size, the gallery as thumbnails.
    const auto areas = harness.drawnPictureAreas();
    CHECK(areas.size() >= 1);
    harness.tap("Quay lại");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.tap("Trang chủ");
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
}

TEST_CASE("a page missing in the chosen language falls back and says so") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("English");
    harness.tap("Programmes");
    harness.tap("Chương trình 135"); // no English version: the Vietnamese title shows
    CHECK(harness.ui().screen() == ui::ScreenKind::Page);
    CHECK(harness.ui().lastFrame().containsText("Not translated, shown in Tiếng Việt"));
    CHECK(harness.ui().lastFrame().containsText("Chương trình 135"));
    harness.tap("Back");
    harness.tap("Home");
    harness.tap("Policies");
    harness.tap("Health insurance");
    CHECK_FALSE(harness.ui().lastFrame().containsText("Not translated"));
}

TEST_CASE("idle: home and the attract loop after the timeout, not before; a touch wakes without tapping") {
    BuiltPack built;
    UiHarness harness(*built.reader, ImVec2(1280, 800));
    harness.frame();
    harness.tap("English");
    harness.tap("Policies");
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    for (int second = 0; second < 89; ++second)
        harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Category);
    harness.frame(1000);
    harness.frame(1000);
    CHECK(harness.ui().screen() == ui::ScreenKind::Attract);
    CHECK(harness.ui().language() == "vie");
    CHECK(harness.ui().lastFrame().containsText("Chạm để bắt đầu"));
    CHECK(harness.ui().lastFrame().containsText("Touch to start"));
    // The attract loop shows the featured page's cover, large.
    const auto areas = harness.drawnPictureAreas();
    CHECK(areas.contains(built.reader->index().findPage("health")->coverImageId));
    // The waking touch lands where the Policies tile is; it must not open it.
    harness.tap(ImVec2(200, 400));
    CHECK(harness.ui().screen() == ui::ScreenKind::Home);
    harness.frame();
    CHECK_FALSE(harness.ui().lastFrame().containsText("Touch to start"));
}
