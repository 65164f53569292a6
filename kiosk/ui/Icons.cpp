#include "Icons.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::ui {

namespace {

constexpr std::array<std::string_view, 26> kBuiltInIcons{
    "back",     "calendar",   "close",      "contrast", "face-happy", "face-neutral", "face-unhappy",
    "home",     "language",   "large-text", "link",     "map",        "meetings",     "next",
    "partners", "pause",      "people",     "period",   "pictures",   "place",        "policies",
    "previous", "programmes", "read",       "speaker",  "touch",
};

// Category id -> icon. A new category pictogram is added here and in assets/icons.
constexpr std::array kCategoryIcons{
    std::pair{std::string_view("policies"), std::string_view("policies")},
    std::pair{std::string_view("programmes"), std::string_view("programmes")},
    std::pair{std::string_view("meetings"), std::string_view("meetings")},
};

} // namespace

std::span<const std::string_view> builtInIcons() {
    return kBuiltInIcons;
}

bool isBuiltInIcon(std::string_view name) {
    return std::find(kBuiltInIcons.begin(), kBuiltInIcons.end(), name) != kBuiltInIcons.end();
}

std::string_view categoryIcon(std::string_view categoryId) {
    for (const auto& [id, icon] : kCategoryIcons)
        if (id == categoryId)
            return icon;
    return "pictures";
}

} // namespace kiosk::ui
