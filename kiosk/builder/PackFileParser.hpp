// pack.txt (the pack's identity and languages) and categories.txt (the home screen tiles).
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"
#include "SourceText.hpp"

#include <optional>
#include <vector>

namespace kiosk::builder {

// Nothing when the languages cannot be known: every other file depends on them.
std::optional<PackSource> parsePackFile(const SourceText& file, Diagnostics& diagnostics,
                                        std::vector<DisplayedText>& displayed);

std::vector<CategorySource> parseCategoriesFile(const SourceText& file, const PackSource& pack,
                                                Diagnostics& diagnostics,
                                                std::vector<DisplayedText>& displayed);

// "vie, eng" for messages that list what is allowed.
std::string declaredLanguagesText(const PackSource& pack);

} // namespace kiosk::builder
