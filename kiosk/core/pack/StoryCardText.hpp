// The room a story card gives its text on the smallest screen the kiosk supports: 800x480 at
// the standard text size. The builder refuses a card text that does not fit in it; the kiosk's
// card layout (kiosk/ui/StoryCardScreen.cpp) gives at least this much, which
// tests/ui/story_card_ui_tests.cpp checks on the draw data.
#pragma once

namespace kiosk::pack {

inline constexpr float kCardTextPixelHeight = 23; // ui::Metrics::headingFontSize at 800x480 (rounded)
inline constexpr float kCardTextWidth = 300;      // pixels
// One or two short sentences: about 130 characters of Vietnamese. More lines would fit the
// screen, but a card is for one idea, read aloud.
inline constexpr int kCardTextLines = 4;

} // namespace kiosk::pack
