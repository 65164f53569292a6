// Touch widgets drawn with ImGui's draw list: big picture tiles, icon buttons, wrapped text
// and a scroll area driven by our own kinetic scroller. Each records what it shows in the
// FrameRecord, so the headless harness can find it by its words.
#pragma once

#include "UiContext.hpp"

#include <optional>
#include <string>

namespace kiosk::ui {

// Draws `picture` filling [minimum, maximum], cropping the overflow (like CSS object-fit: cover).
// Rounded corners are cut out by painting the background over them.
void drawPictureCovering(const UiContext& context, ImDrawList* drawList, const Picture& picture,
                         ImVec2 minimum, ImVec2 maximum, float rounding,
                         ImDrawFlags corners = ImDrawFlags_RoundCornersAll, ImU32 tint = IM_COL32_WHITE);
// Draws `picture` cropped to a disc of `diameter` around `centre`, on a background of `surround`
// (the colour its cut-off corners are painted in).
void drawPictureDisc(const UiContext& context, ImDrawList* drawList, const Picture& picture, ImVec2 centre,
                     float diameter, ImU32 surround);
// Draws `picture` as large as fits inside [minimum, maximum], centred (object-fit: contain).
void drawPictureContained(ImDrawList* drawList, const Picture& picture, ImVec2 minimum, ImVec2 maximum);
void drawIcon(ImDrawList* drawList, const Picture& icon, ImVec2 centre, float size, ImU32 colour);
void drawShadowedCard(const UiContext& context, ImDrawList* drawList, ImVec2 minimum, ImVec2 maximum,
                      float rounding, ImU32 fill);

// Puts the window being drawn in front of every other without focusing it. Focusing a
// window each frame would end a press that began in another one (ImGui clears the active
// item on a focus change), so a tap on the page under a floating player would never land.
void raiseCurrentWindow();

// An invisible touch target at an absolute screen rectangle; true when tapped.
bool touchArea(UiContext& context, const char* id, ImVec2 minimum, ImVec2 maximum, const std::string& label);

struct ButtonStyle {
    std::optional<ImU32> fill;    // unset: the palette's top-bar button
    std::optional<ImU32> content; // unset: whatever reads best on the fill
    ImFont* font = nullptr;       // null: the body font
    bool showLabel = true;        // false: icon only, the label still names the target for the harness
    float width = 0;              // 0: as wide as its content and a finger need
    float maximumLabelWidth = 0;  // 0: the whole label; else cut with "…" to this width
    // A pack picture drawn round in the icon's place, larger than an icon (a language's
    // picture on its pill); unset: the icon, if any.
    std::optional<std::int64_t> pictureImageId;
};
// The width an icon button with this label needs.
float iconButtonWidth(const UiContext& context, const std::string& icon, const std::string& label,
                      const ButtonStyle& style);
// A rounded button with an icon (may be empty) and a label, at `minimum`, `height` tall.
bool iconButton(UiContext& context, const char* id, const std::string& icon, const std::string& label,
                ImVec2 minimum, float height, const ButtonStyle& style);

// Text wrapped to `width` at the cursor; advances the cursor. Returns the height used.
float wrappedText(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, float width);
// One line of text at `position`, cut with "…" if wider than `maximumWidth` (0 = no limit).
void textAt(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, ImVec2 position,
            float maximumWidth = 0);
// Height of `text` wrapped at `width`, with at most `maximumLines` lines.
float wrappedHeight(ImFont* font, const std::string& text, float width, int maximumLines);
// Wrapped text clipped to at most `maximumLines` lines, drawn at `position`.
void clampedText(UiContext& context, const std::string& text, ImFont* font, ImU32 colour, ImVec2 position,
                 float width, int maximumLines);

// A vertically scrolled region. Content is laid out from the cursor; the scroller's offset
// moves it. Between begin and end, the ImGui clip rectangle is the region.
class ScrollArea {
  public:
    ScrollArea(UiContext& context, ImVec2 minimum, ImVec2 maximum);
    ~ScrollArea();
    ScrollArea(const ScrollArea&) = delete;
    ScrollArea& operator=(const ScrollArea&) = delete;
    float contentLeft() const { return minimum_.x; }
    float width() const { return maximum_.x - minimum_.x; }

  private:
    UiContext& context_;
    ImVec2 minimum_;
    ImVec2 maximum_;
    float contentTop_;
};

// The thumb-sized speaker in a tile's top-right corner, a button of its own inside the tile's
// touch area (home's categories, a category's pages).
struct TileSpeaker {
    ImVec2 minimum;
    ImVec2 maximum;

    // Where the tile was tapped (ImGui's click position) falls on the speaker.
    bool holds(ImVec2 point) const { return point.x >= minimum.x && point.y <= maximum.y; }
};
TileSpeaker tileSpeakerOf(const Metrics& metrics, ImVec2 tileMinimum, ImVec2 tileMaximum);
// The speaker's disc and icon, named `label` for the harness.
void drawTileSpeaker(UiContext& context, const TileSpeaker& speaker, const std::string& label);

} // namespace kiosk::ui
