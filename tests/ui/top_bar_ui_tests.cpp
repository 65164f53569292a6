// The top bar at the limits the format allows: four languages with the longest names (16
// characters each), on the smallest and the largest supported screens and one between. Every
// control must stay whole and apart from the others, so that a finger lands on the one it
// means: Back, Home, the two mode switches and every language pill.
#include "UiHarness.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui;
using namespace kiosk::ui::test;

namespace {

// 16 characters each, the most a language name may have (pack::TextField::LanguageName).
constexpr const char* kLongNames[] = {"Tiếng Việt ở xã", "English for all", "Hmoob ntawm xeev",
                                      "Tày Nùng vùng ca"};

BuiltPack packWithFourLongLanguageNames() {
    return BuiltPack([](builder::test::SourceTree& source) {
        source.replaceIn("pack.txt", "languages: vie, eng\nname.vie: Tiếng Việt\nname.eng: English\n",
                         std::string("languages: vie, eng, hmn, tay\nname.vie: ") + kLongNames[0] +
                             "\nname.eng: " + kLongNames[1] + "\nname.hmn: " + kLongNames[2] +
                             "\nname.tay: " + kLongNames[3] + "\n");
    });
}

std::vector<const VisibleItem*> topBarTargets(UiHarness& harness) {
    std::vector<const VisibleItem*> targets;
    for (const VisibleItem& item : harness.ui().lastFrame().items())
        if (item.touchable && item.maximum.y <= harness.metrics().topBarHeight + 1)
            targets.push_back(&item);
    return targets;
}

void checkTopBar(UiHarness& harness, const std::vector<std::string>& expected) {
    const std::vector<const VisibleItem*> targets = topBarTargets(harness);
    INFO(harness.ui().lastFrame().describe());
    for (const std::string& label : expected) {
        CAPTURE(label);
        CHECK(harness.hasTouchable(label));
    }
    for (std::size_t first = 0; first < targets.size(); ++first) {
        const VisibleItem& one = *targets[first];
        CAPTURE(one.text);
        CHECK(one.minimum.x >= 0);
        CHECK(one.maximum.x <= harness.metrics().screen.x);
        CHECK(one.maximum.x - one.minimum.x >= harness.metrics().touchTarget - 1);
        for (std::size_t second = first + 1; second < targets.size(); ++second) {
            const VisibleItem& other = *targets[second];
            CAPTURE(other.text);
            const bool apart =
                one.maximum.x <= other.minimum.x + 0.5f || other.maximum.x <= one.minimum.x + 0.5f;
            CHECK(apart);
        }
    }
}

} // namespace

TEST_CASE("top bar: four languages with the longest names leave every control whole and apart") {
    const BuiltPack pack = packWithFourLongLanguageNames();
    for (const ImVec2 screen : {ImVec2(800, 480), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        CAPTURE(screen.x);
        UiHarness harness(*pack.reader, screen);
        harness.frame();
        std::vector<std::string> everywhere = {"Chữ to", "Tương phản cao"};
        // A name cut to fit still starts as the name does.
        for (const char* name : kLongNames)
            everywhere.push_back(std::string(name).substr(0, 5));
        SUBCASE("home") {
            checkTopBar(harness, everywhere);
        }
        SUBCASE("a category and a page") {
            harness.tap("Chính sách");
            std::vector<std::string> inside = everywhere;
            inside.insert(inside.end(), {"Quay lại", "Trang chủ"});
            checkTopBar(harness, inside);
            harness.tap("Bảo hiểm y tế");
            checkTopBar(harness, inside);
        }
    }
}
