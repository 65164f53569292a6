// The small text files of signing: a first line naming the kind and version
// ("kiosk-pack-signature 2"), then `name: value` lines. Staff can read them in any editor;
// the code reads them strictly (each field once, no unknown fields) so that one file cannot
// mean two things to two readers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::signing {

class FieldFile {
  public:
    // Throws SigningError unless the first line is exactly `header` and every other line is a
    // `name: value` field or, when `allowComments`, a line starting with '#' (or empty).
    static FieldFile parse(std::string_view text, std::string_view header, bool allowComments);

    // The value of `name`; throws SigningError when it is missing.
    const std::string& required(std::string_view name) const;
    bool has(std::string_view name) const;
    // Throws SigningError when the file has a field not in `known`.
    void requireOnly(std::initializer_list<std::string_view> known) const;
    // The field names in file order.
    std::vector<std::string> names() const;

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

} // namespace kiosk::signing
