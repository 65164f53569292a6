// The kiosk's own words (button labels, prompts), per language, from assets/strings/ui.tsv:
// a header line `key<TAB>lang<TAB>lang...`, then one line per key.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk::text {

class UiStrings {
  public:
    // Throws std::runtime_error naming the line for a malformed file or non-NFC text.
    static UiStrings parse(const std::string& tsv, const std::string& sourceName);

    // The string for `key` in `language`, else English, else Vietnamese, else the key itself,
    // so a missing translation shows something rather than nothing.
    std::string get(const std::string& key, const std::string& language) const;
    bool has(const std::string& key, const std::string& language) const;
    std::vector<std::string> languages() const { return languages_; }
    // Every string of every language, for the font atlas.
    std::string allText() const;

  private:
    std::vector<std::string> languages_;
    std::map<std::string, std::map<std::string, std::string>> byKey_;
};

// Replaces `{name}` in `pattern` with `value`.
std::string fillPlaceholder(std::string pattern, const std::string& name, const std::string& value);

} // namespace kiosk::text
