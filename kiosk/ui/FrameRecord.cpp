#include "FrameRecord.hpp"

#include <algorithm>

namespace kiosk::ui {

void FrameRecord::add(const std::string& text, ImVec2 minimum, ImVec2 maximum, bool touchable) {
    if (text.empty())
        return;
    const ImDrawList* drawList = ImGui::GetWindowDrawList();
    addClipped(VisibleItem{text, {}, minimum, maximum, touchable}, drawList->GetClipRectMin(),
               drawList->GetClipRectMax());
}

void FrameRecord::addCutShort(const std::string& text, const std::string& shown, ImVec2 minimum,
                              ImVec2 maximum) {
    if (text.empty())
        return;
    const ImDrawList* drawList = ImGui::GetWindowDrawList();
    addClipped(VisibleItem{text, shown == text ? std::string() : shown, minimum, maximum, false},
               drawList->GetClipRectMin(), drawList->GetClipRectMax());
}

void FrameRecord::addOverlay(const std::string& text, ImVec2 minimum, ImVec2 maximum, ImVec2 screen) {
    if (text.empty())
        return;
    addClipped(VisibleItem{text, {}, minimum, maximum, false}, ImVec2(0, 0), screen);
}

void FrameRecord::addClipped(VisibleItem item, ImVec2 clipMinimum, ImVec2 clipMaximum) {
    item.minimum = ImVec2(std::max(item.minimum.x, clipMinimum.x), std::max(item.minimum.y, clipMinimum.y));
    item.maximum = ImVec2(std::min(item.maximum.x, clipMaximum.x), std::min(item.maximum.y, clipMaximum.y));
    if (item.maximum.x - item.minimum.x < 1 || item.maximum.y - item.minimum.y < 1)
        return;
    items_.push_back(std::move(item));
}

const VisibleItem* FrameRecord::findTouchable(const std::string& needle) const {
    // The last one drawn wins: overlays (the picture viewer, the attract loop) are drawn last.
    for (auto item = items_.rbegin(); item != items_.rend(); ++item)
        if (item->touchable && item->text.find(needle) != std::string::npos)
            return &*item;
    return nullptr;
}

const VisibleItem* FrameRecord::findTouchableLabelled(const std::string& label) const {
    for (auto item = items_.rbegin(); item != items_.rend(); ++item)
        if (item->touchable && item->text == label)
            return &*item;
    return nullptr;
}

bool FrameRecord::hasTouchableAt(ImVec2 point) const {
    return std::any_of(items_.begin(), items_.end(), [&](const VisibleItem& item) {
        return item.touchable && point.x >= item.minimum.x && point.x < item.maximum.x &&
               point.y >= item.minimum.y && point.y < item.maximum.y;
    });
}

bool FrameRecord::containsText(const std::string& needle) const {
    return std::any_of(items_.begin(), items_.end(), [&](const VisibleItem& item) {
        const std::string& readable = item.shown.empty() ? item.text : item.shown;
        return readable.find(needle) != std::string::npos;
    });
}

std::string FrameRecord::describe() const {
    std::string description;
    for (const VisibleItem& item : items_) {
        description += item.touchable ? "  [button] " : "  ";
        description += item.text.size() > 100 ? item.text.substr(0, 100) + "..." : item.text;
        if (!item.shown.empty())
            description += "  (shown cut short: " + item.shown + ")";
        description += '\n';
    }
    return description;
}

} // namespace kiosk::ui
