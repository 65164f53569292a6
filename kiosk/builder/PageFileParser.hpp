// Page files: vie/<page-id>.txt defines a page; eng/<page-id>.txt and the like translate it.
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"
#include "SourceText.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::builder {

// A page in the pack's default language: its structure and its texts in that language.
std::optional<PageSource> parseDefaultLanguagePage(const std::string& pageId, const SourceText& file,
                                                   const PackSource& pack, Diagnostics& diagnostics,
                                                   std::vector<DisplayedText>& displayed);

// The texts of `page` in another language (the one whose folder `file` is in). Structural keys are refused:
// they would silently disagree with the default-language file.
std::optional<PageTexts> parseTranslatedPage(const PageSource& page, const SourceText& file,
                                             const PackSource& pack, Diagnostics& diagnostics,
                                             std::vector<DisplayedText>& displayed);

} // namespace kiosk::builder
