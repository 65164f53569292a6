// What the staff view may ask of the kiosk. The app implements it over the statistics,
// the installed packs and the system; the UI sees only plain words and numbers.
#pragma once

#include "time/LocalDateTime.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

struct StaffFact {
    std::string label; // empty: one more line of the fact above
    std::string value;
};

struct StaffBar {
    std::string label;
    double value = 0;
};

struct StaffChart {
    std::string title;
    std::vector<StaffBar> bars;
    bool vertical = false; // e.g. 24 hours side by side
};

struct StaffReport {
    std::vector<StaffFact> facts;
    std::vector<StaffChart> charts;
};

// Which output plays and how loud, for the staff view's sound row.
struct StaffSound {
    bool deviceWorks = false;
    std::string deviceName;
    int volumePercent = 0;
};

enum class StaffSpan { Today, ThisWeek, SinceInstall };
enum class PinResult { Accepted, Wrong, LockedOut, NoPinConfigured };

class StaffServices {
  public:
    virtual ~StaffServices() = default;
    virtual PinResult checkPin(const std::string& pin) = 0;
    virtual std::int64_t lockedOutForMilliseconds() const = 0;
    // Reads the statistics: called when the view opens or the span changes, not every frame.
    virtual StaffReport report(StaffSpan span) = 0;
    // Each returns one line for the screen: what happened.
    virtual std::string exportNow() = 0;
    virtual std::string confirmDateIsCorrect() = 0;
    // Sets the board's clock to this local date and time (second 0 of the minute).
    virtual std::string setDateTime(const time::LocalDateTime& dateTime) = 0;
    virtual std::string setPlaceName(const std::string& placeName) = 0;
    virtual std::string placeName() const = 0;
    // Opens the sound output if none is open: called when the view opens, not every frame.
    virtual StaffSound sound() = 0;
    // Louder (+1) or quieter (-1) by one step, kept across restarts.
    virtual std::string changeVolume(int steps) = 0;
    // A short chime on the output, at the volume set.
    virtual std::string playTestSound() = 0;
    // Whether there is a previous pack (last-known-good) to go back to, and going back to it:
    // the kiosk shows it from the next frame. Returns one line for the screen.
    virtual bool hasPreviousPack() const = 0;
    virtual std::string goBackToPreviousPack() = 0;
    // Now as the system believes, for the date and time picker to start from.
    virtual time::LocalDateTime currentDateTime() const = 0;
};

} // namespace kiosk::ui
