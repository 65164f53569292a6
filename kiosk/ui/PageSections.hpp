// The parts of a page beyond its text: the narration button beside the title, the source
// link with its QR code, and the feedback poll at the end. One file each; PageScreen places
// them.
#pragma once

#include "UiContext.hpp"

#include <string>

namespace kiosk::ui {

// The width the narration button needs: the round button and the words beside it.
float narrationColumnWidth(const UiContext& context, const pack::AudioClipInfo& narration);
// The round speaker button with its progress ring, on the cover picture's lower edge at
// `right`, and its word (and, for a computer voice, a marker) beside the title, which starts
// at `titleTop`; `width` wide in all. Returns the lowest point drawn.
float drawNarrationButton(UiContext& context, const pack::AudioClipInfo& narration, float right,
                          float coverBottom, float titleTop, float width);

// True when `narration` is the recording loaded, playing or paused.
bool isNarrationLoaded(const PlaybackStatus& playback, const pack::AudioClipInfo& narration);
// While the page's narration is loaded (isNarrationLoaded): a bar at the bottom of the screen with pause or
// resume, how far it has got, and stop. Drawn over the page and the picture viewer, so the
// visitor can always stop or pause what she hears, wherever she has scrolled.
void drawNarrationPlayer(UiContext& context);
// Its height, which a page leaves free at its end so the player covers none of it.
float narrationPlayerHeight(const Metrics& metrics);

// The source line and, when the link fits one, a QR code a phone can read off the screen.
// Draws at the cursor and advances it.
void drawSourceLink(UiContext& context, const std::string& url, float left, float width);

// The poll's question and three faces; once answered this session, a thank-you instead.
// Draws at the cursor and advances it.
void drawPagePoll(UiContext& context, const pack::PageContent& page, const pack::PagePoll& poll, float left,
                  float width);

} // namespace kiosk::ui
