// What the last frame showed: the visible texts and the visible touch targets with their
// labels. The headless harness uses it for `tap "TEXT"` and `expect "TEXT"`; it is also
// how tests find out what a villager would see, without reading pixels for words.
#pragma once

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui {

struct VisibleItem {
    std::string text;
    // What of `text` the screen shows when it is cut short (ending in "…"); empty when all of
    // it shows. A touch target's text is its label, whole, whatever the button shows.
    std::string shown;
    ImVec2 minimum; // the visible part (clipped to the screen and its scroll area)
    ImVec2 maximum;
    bool touchable = false;

    ImVec2 centre() const { return ImVec2((minimum.x + maximum.x) / 2, (minimum.y + maximum.y) / 2); }
};

class FrameRecord {
  public:
    void clear() { items_.clear(); }
    // Records `text` drawn in [minimum, maximum] if any of it lies inside the current ImGui
    // clip rectangle.
    void add(const std::string& text, ImVec2 minimum, ImVec2 maximum, bool touchable);
    // A text drawn cut short: `shown` is what a reader sees of it.
    void addCutShort(const std::string& text, const std::string& shown, ImVec2 minimum, ImVec2 maximum);
    // Records `text` drawn onto the foreground draw list outside every window (a banner
    // that lets taps through), clipped to the screen only. add() would ask ImGui for the
    // current window, and outside every window ImGui then makes and shows its "Debug" one.
    void addOverlay(const std::string& text, ImVec2 minimum, ImVec2 maximum, ImVec2 screen);
    const std::vector<VisibleItem>& items() const { return items_; }

    // The last touch target drawn whose label holds `needle` (the script's `tap "TEXT"`).
    const VisibleItem* findTouchable(const std::string& needle) const;
    // The last one whose whole label is `label` (`tap-key`: a key of the on-screen keyboard,
    // where "a" is also in "Xóa").
    const VisibleItem* findTouchableLabelled(const std::string& label) const;
    // A touch target's label, or a text as far as it shows, holds `needle` (the script's
    // `expect`: what a reader can see, so a title cut to "Chương trì…" does not say
    // "Chương trình").
    bool containsText(const std::string& needle) const;
    // True when a touch target covers `point`.
    bool hasTouchableAt(ImVec2 point) const;
    std::string describe() const;

  private:
    void addClipped(VisibleItem item, ImVec2 clipMinimum, ImVec2 clipMaximum);

    std::vector<VisibleItem> items_;
};

} // namespace kiosk::ui
