// The `key: value` lines that start every source file (and make up pack.txt and each block
// of categories.txt), with the line each value came from.
#pragma once

#include "Diagnostics.hpp"
#include "SourceModel.hpp"
#include "SourceText.hpp"

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::builder {

struct HeaderField {
    std::string key;
    std::string value; // trimmed; may be empty
    int line = 0;
};

class HeaderFields {
  public:
    // Reads `key: value` lines; blank lines and lines starting with '#' are skipped. Reports
    // lines that are not `key: value` and keys given twice. `anchorLine` is where problems of
    // the whole header (a missing key) are reported.
    static HeaderFields parse(std::span<const SourceLine> lines, const std::string& file, int anchorLine,
                              Diagnostics& diagnostics);

    const std::string& file() const { return file_; }
    int anchorLine() const { return anchorLine_; }
    const std::vector<HeaderField>& fields() const { return fields_; }

    const HeaderField* find(std::string_view key) const;
    // The field when present with a non-empty value; an empty value counts as not given.
    const HeaderField* optional(std::string_view key) const;
    // Like optional(), but reports a missing or empty key.
    const HeaderField* required(std::string_view key, Diagnostics& diagnostics) const;
    // Adds the values the kiosk will show to the font check: every key but `hiddenKeys` and
    // the `<name>.<language>` keys of `hiddenLocalizedNames`.
    void collectDisplayedValues(std::vector<DisplayedText>& displayed,
                                std::initializer_list<std::string_view> hiddenKeys,
                                std::initializer_list<std::string_view> hiddenLocalizedNames = {}) const;

  private:
    std::string file_;
    int anchorLine_ = 1;
    std::vector<HeaderField> fields_;
};

// Splits "title.vie" into "title" and "vie"; nothing for keys without a dot.
struct LocalizedKey {
    std::string name;
    std::string language;
};
std::optional<LocalizedKey> splitLocalizedKey(const std::string& key);

// "unknown key 'titel' (did you mean 'title'?)": most unknown keys are typos of known ones.
std::string unknownKeyMessage(const std::string& key, const std::vector<std::string>& knownKeys);

} // namespace kiosk::builder
