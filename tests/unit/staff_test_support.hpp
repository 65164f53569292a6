// Staff services for tests that open the staff view without a kiosk behind it: every PIN
// gets `pinAnswer`, the clock reads `now`, and the date and time set are kept.
#pragma once

#include "StaffServices.hpp"

#include <optional>

namespace kiosk::testing {

struct FakeStaffServices final : ui::StaffServices {
    ui::PinResult pinAnswer = ui::PinResult::Accepted;
    time::LocalDateTime now{2026, 12, 3, 9, 0};
    std::optional<time::LocalDateTime> setTo;
    std::string storedPlaceName;
    int placeNamesSaved = 0;

    ui::PinResult checkPin(const std::string&) override { return pinAnswer; }
    std::int64_t lockedOutForMilliseconds() const override { return 0; }
    ui::StaffReport report(ui::StaffSpan) override { return {}; }
    std::string exportNow() override { return {}; }
    std::string confirmDateIsCorrect() override { return {}; }
    std::string setDateTime(const time::LocalDateTime& dateTime) override {
        setTo = dateTime;
        return "set";
    }
    std::string setPlaceName(const std::string& name) override {
        storedPlaceName = name;
        ++placeNamesSaved;
        return "saved: " + name;
    }
    std::string placeName() const override { return storedPlaceName; }
    ui::StaffSound sound() override { return {}; }
    std::string changeVolume(int) override { return {}; }
    std::string playTestSound() override { return {}; }
    bool hasPreviousPack() const override { return false; }
    std::string goBackToPreviousPack() override { return {}; }
    time::LocalDateTime currentDateTime() const override { return now; }
};

} // namespace kiosk::testing
