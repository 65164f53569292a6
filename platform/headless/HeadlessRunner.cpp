#include "HeadlessRunner.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::platform {

namespace {
constexpr std::int64_t kFrameMilliseconds = 16;
// With nothing moving, frames this far apart show exactly what 60 a second would.
constexpr std::int64_t kIdleFrameMilliseconds = 250;
constexpr std::int64_t kTapHoldMilliseconds = 80;
} // namespace

HeadlessRunner::HeadlessRunner(KioskRuntime& runtime, time::VirtualClock& clock, std::filesystem::path shotDirectory)
    : runtime_(runtime), clock_(clock), shotDirectory_(std::move(shotDirectory)) {}

void HeadlessRunner::advance(std::int64_t milliseconds) {
    while (milliseconds > 0) {
        const std::int64_t step =
            std::min(milliseconds, runtime_.ui().isAnimating() ? kFrameMilliseconds : kIdleFrameMilliseconds);
        clock_.advance(step);
        runtime_.renderFrame();
        milliseconds -= step;
    }
}

void HeadlessRunner::tapAt(float x, float y) {
    runtime_.gestures().pointerDown({x, y}, clock_.monotonicMilliseconds());
    advance(kTapHoldMilliseconds);
    runtime_.gestures().pointerUp({x, y}, clock_.monotonicMilliseconds());
    // Press, release and the frame after: the tap's effect is on screen when this returns.
    for (int frame = 0; frame < 4; ++frame)
        advance(kFrameMilliseconds);
}

std::optional<std::string> HeadlessRunner::execute(const script::Action& action) {
    if (const auto* tap = std::get_if<script::TapAt>(&action)) {
        tapAt(tap->x, tap->y);
    } else if (const auto* tapText = std::get_if<script::TapText>(&action)) {
        const ui::VisibleItem* item = runtime_.ui().lastFrame().findTouchable(tapText->text);
        if (!item)
            return "nothing touchable on screen says \"" + tapText->text + "\"";
        const ImVec2 centre = item->centre();
        tapAt(centre.x, centre.y);
    } else if (const auto* drag = std::get_if<script::Drag>(&action)) {
        input::GestureRecognizer& gestures = runtime_.gestures();
        gestures.pointerDown({drag->fromX, drag->fromY}, clock_.monotonicMilliseconds());
        const int steps = std::max(1, drag->milliseconds / static_cast<int>(kFrameMilliseconds));
        for (int step = 1; step <= steps; ++step) {
            const float progress = static_cast<float>(step) / static_cast<float>(steps);
            clock_.advance(drag->milliseconds / steps);
            gestures.pointerMove({drag->fromX + (drag->toX - drag->fromX) * progress,
                                  drag->fromY + (drag->toY - drag->fromY) * progress},
                                 clock_.monotonicMilliseconds());
            runtime_.renderFrame();
        }
        gestures.pointerUp({drag->toX, drag->toY}, clock_.monotonicMilliseconds());
        advance(kFrameMilliseconds);
    } else if (const auto* wait = std::get_if<script::Wait>(&action)) {
        advance(wait->milliseconds);
    } else if (const auto* shot = std::get_if<script::Shot>(&action)) {
        runtime_.saveScreenshot(shotDirectory_ / shot->fileName);
    } else if (const auto* expect = std::get_if<script::Expect>(&action)) {
        const bool found = runtime_.ui().lastFrame().containsText(expect->text);
        if (found != expect->present)
            return std::string(expect->present ? "expected to see" : "expected not to see") + " \"" + expect->text + "\"";
    }
    return std::nullopt;
}

std::optional<ScriptFailure> HeadlessRunner::run(const std::vector<script::Command>& commands) {
    runtime_.renderFrame();
    runtime_.renderFrame(); // the first frame lays out; the second shows it settled
    for (const script::Command& command : commands) {
        if (std::optional<std::string> problem = execute(command.action))
            return ScriptFailure{command.lineNumber, *problem + "\n  at line " + std::to_string(command.lineNumber) + ": " +
                                                         command.line + "\n  visible:\n" +
                                                         runtime_.ui().lastFrame().describe()};
    }
    return std::nullopt;
}

} // namespace kiosk::platform
