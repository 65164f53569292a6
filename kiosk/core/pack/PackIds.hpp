// The grammar of the format's ids (content-packs/FORMAT.md, "Text rules"). Ids are data, never
// paths: they reach statistics, log lines and look-up tables, and must never name a file. The
// builder refuses a source whose ids break it, the reader a pack whose ids do.
#pragma once

#include "pack/PackError.hpp"

#include <string_view>

namespace kiosk::pack {

// Page and category ids: lowercase ASCII letters, digits, '-' and '_', starting with a letter
// or digit, at most 64 characters (so never ".", "..", an absolute path or a folder).
bool isValidItemId(std::string_view id);
// Pack ids like "vn.commune.demo": ASCII letters, digits, '.', '-', starting with a letter or
// digit, at most 100 characters.
bool isValidPackId(std::string_view id);
// ISO 639-3: exactly three lowercase ASCII letters.
bool isLanguageCode(std::string_view code);

// A pack whose page, category, language or pack id breaks the grammar above.
class PackIdError : public PackError {
  public:
    using PackError::PackError;
};

} // namespace kiosk::pack
