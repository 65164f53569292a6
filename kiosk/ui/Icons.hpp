// The icons the kiosk ships (assets/icons/<name>.svg, rendered to PNG at build time), by name:
// the only names a PictureSource loads. A pack never names a file: a category's pictogram is
// looked up in a fixed table by the category's id (issue 18: an id that was a path, or named a
// FIFO, was opened as assets/icons/<id>.png).
#pragma once

#include <span>
#include <string_view>

namespace kiosk::ui {

// Every shipped icon; tests/ui/pictogram_ui_tests.cpp checks it against assets/icons.
std::span<const std::string_view> builtInIcons();
bool isBuiltInIcon(std::string_view name);

// The pictogram of a category: the built-in one for the ids that have one (policies,
// programmes, meetings), "pictures" for every other id.
std::string_view categoryIcon(std::string_view categoryId);

} // namespace kiosk::ui
