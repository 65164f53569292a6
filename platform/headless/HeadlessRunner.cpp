#include "HeadlessRunner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>

namespace kiosk::platform {

namespace {
constexpr std::int64_t kFrameMilliseconds = 16;
constexpr std::int64_t kAttractStepMilliseconds = 1000;
constexpr std::int64_t kTapHoldMilliseconds = 80;
// expect-audio: a tenth of a second of sound at 16 kHz (less at higher rates) is unmistakably
// sound, and a recording that has started gives it within a few seconds even on a busy machine.
constexpr std::uint64_t kAudibleFramesExpected = 1600;
constexpr std::chrono::seconds kAudioWait{3};

std::string describe(const ui::PlaybackStatus& status) {
    switch (status.state) {
    case ui::PlaybackState::Idle:
        return "nothing loaded";
    case ui::PlaybackState::Playing:
        return "playing clip " + std::to_string(status.clipId);
    case ui::PlaybackState::Paused:
        return "paused on clip " + std::to_string(status.clipId);
    case ui::PlaybackState::Finished:
        return "finished clip " + std::to_string(status.clipId);
    case ui::PlaybackState::Failed:
        return "failed on clip " + std::to_string(status.clipId);
    }
    return "unknown";
}

// The word expect-playback names a state by (script::kPlaybackStates).
std::string_view stateWord(ui::PlaybackState state) {
    switch (state) {
    case ui::PlaybackState::Idle:
        return "idle";
    case ui::PlaybackState::Playing:
        return "playing";
    case ui::PlaybackState::Paused:
        return "paused";
    case ui::PlaybackState::Finished:
        return "finished";
    case ui::PlaybackState::Failed:
        return "failed";
    }
    return "unknown";
}
} // namespace

HeadlessRunner::HeadlessRunner(KioskRuntime& runtime, time::VirtualClock& clock,
                               std::filesystem::path shotDirectory)
    : runtime_(runtime), clock_(clock), shotDirectory_(std::move(shotDirectory)) {}

void HeadlessRunner::advance(std::int64_t milliseconds) {
    while (milliseconds > 0) {
        const ui::KioskUi& ui = runtime_.ui();
        std::int64_t step;
        if (ui.isAnimating() && ui.frameIntervalMilliseconds() <= kFrameMilliseconds) {
            // A tap in flight or a glide: frame by frame, as a finger would see it.
            step = kFrameMilliseconds;
        } else if (ui.screen() == ui::ScreenKind::Attract) {
            // The attract loop is a pure function of the clock: intermediate frames change nothing.
            step = kAttractStepMilliseconds;
        } else {
            // Nothing moves: the next frame that matters is the one at the idle deadline.
            step = std::max<std::int64_t>(kFrameMilliseconds, ui.millisecondsUntilIdle());
        }
        step = std::min(milliseconds, step);
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
    // Pictures decode on worker threads; what a screenshot or an expectation sees must not
    // depend on how fast they were, so both wait for them and for the frame that shows them.
    const bool looksAtTheScreen = std::holds_alternative<script::Shot>(action) ||
                                  std::holds_alternative<script::Expect>(action) ||
                                  std::holds_alternative<script::Locate>(action);
    if (looksAtTheScreen && runtime_.waitForPictures())
        runtime_.renderFrame();
    if (const auto* tap = std::get_if<script::TapAt>(&action)) {
        tapAt(tap->x, tap->y);
    } else if (const auto* tapText = std::get_if<script::TapText>(&action)) {
        const ui::FrameRecord& frame = runtime_.ui().lastFrame();
        const ui::VisibleItem* item = tapText->wholeLabel ? frame.findTouchableLabelled(tapText->text)
                                                          : frame.findTouchable(tapText->text);
        if (!item)
            return std::string("nothing touchable on screen ") +
                   (tapText->wholeLabel ? "is labelled" : "says") + " \"" + tapText->text + "\"";
        const ImVec2 centre = item->centre();
        tapAt(centre.x, centre.y);
    } else if (const auto* locate = std::get_if<script::Locate>(&action)) {
        const ui::VisibleItem* item = runtime_.ui().lastFrame().findTouchable(locate->text);
        if (!item)
            return "nothing touchable on screen says \"" + locate->text + "\"";
        const ImVec2 centre = item->centre();
        std::cout << "locate " << locate->text << " " << std::lround(centre.x) << " " << std::lround(centre.y)
                  << std::endl;
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
    } else if (const auto* hold = std::get_if<script::Hold>(&action)) {
        runtime_.gestures().pointerDown({hold->x, hold->y}, clock_.monotonicMilliseconds());
        for (std::int64_t held = 0; held < hold->milliseconds; held += kFrameMilliseconds * 4) {
            clock_.advance(kFrameMilliseconds * 4);
            runtime_.renderFrame();
        }
        runtime_.gestures().pointerUp({hold->x, hold->y}, clock_.monotonicMilliseconds());
        for (int frame = 0; frame < 3; ++frame)
            advance(kFrameMilliseconds);
    } else if (const auto* waitFor = std::get_if<script::WaitFor>(&action)) {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(waitFor->milliseconds);
        while (!runtime_.ui().lastFrame().containsText(waitFor->text)) {
            if (std::chrono::steady_clock::now() > deadline)
                return "\"" + waitFor->text + "\" did not show within " +
                       std::to_string(waitFor->milliseconds) + " ms";
            // The other thread works in real time; the kiosk's own clock moves on with it.
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            clock_.advance(kFrameMilliseconds * 6);
            runtime_.renderFrame();
        }
    } else if (std::holds_alternative<script::ExpectAudio>(action)) {
        const SdlAudioPlayer& audio = runtime_.audio();
        const std::uint64_t before = audio.audibleFramesPlayed();
        if (!audio.waitForAudibleFrames(before + kAudibleFramesExpected, kAudioWait)) {
            const std::string error = audio.lastError();
            return "expected sound from the speaker, but " +
                   std::to_string(audio.audibleFramesPlayed() - before) + " audible frames were played in " +
                   std::to_string(kAudioWait.count()) + " s (wanted " +
                   std::to_string(kAudibleFramesExpected) + "); the player: " + describe(audio.status()) +
                   (error.empty() ? "" : ", error: " + error);
        }
    } else if (const auto* soundEnd = std::get_if<script::WaitSoundEnd>(&action)) {
        const SdlAudioPlayer& audio = runtime_.audio();
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(soundEnd->milliseconds);
        while (audio.status().state == ui::PlaybackState::Playing) {
            if (std::chrono::steady_clock::now() > deadline)
                return "the sound still plays after " + std::to_string(soundEnd->milliseconds) +
                       " ms: " + describe(audio.status());
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    } else if (const auto* playback = std::get_if<script::ExpectPlayback>(&action)) {
        const SdlAudioPlayer& audio = runtime_.audio();
        if (stateWord(audio.status().state) != playback->state) {
            const std::string error = audio.lastError();
            return "expected the player to be " + playback->state + ", but it is " +
                   describe(audio.status()) + (error.empty() ? "" : " (" + error + ")");
        }
    } else if (const auto* wait = std::get_if<script::Wait>(&action)) {
        advance(wait->milliseconds);
    } else if (const auto* shot = std::get_if<script::Shot>(&action)) {
        runtime_.saveScreenshot(shotDirectory_ / shot->fileName);
    } else if (const auto* expect = std::get_if<script::Expect>(&action)) {
        const bool found = runtime_.ui().lastFrame().containsText(expect->text);
        if (found != expect->present)
            return std::string(expect->present ? "expected to see" : "expected not to see") + " \"" +
                   expect->text + "\"";
    }
    return std::nullopt;
}

std::optional<ScriptFailure> HeadlessRunner::run(const std::vector<script::Command>& commands) {
    runtime_.renderFrame();
    runtime_.renderFrame(); // the first frame lays out; the second shows it settled
    for (const script::Command& command : commands) {
        if (std::optional<std::string> problem = execute(command.action))
            return ScriptFailure{command.lineNumber,
                                 *problem + "\n  at line " + std::to_string(command.lineNumber) + ": " +
                                     command.line + "\n  visible:\n" + runtime_.ui().lastFrame().describe()};
    }
    return std::nullopt;
}

} // namespace kiosk::platform
