// The set of characters a pack shows, written once by the builder into pack_meta so the
// kiosk can make its font atlas without reading every page first (that scan is most of
// start-up with a large pack). Written as hexadecimal code points and ranges ("20-7e e0
// 1ea0-1ef9") rather than as the characters themselves: a sorted run of characters is not
// NFC text (a lone combining mark would compose with whatever sorts before it).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

class CharacterListError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// `characters` must be ascending without repeats.
std::string formatCharacterList(const std::vector<char32_t>& characters);

// Ascending, without repeats. Throws CharacterListError for anything formatCharacterList
// would not write: a pack is hostile input, and a list that is merely odd is as suspect as
// one that is broken.
std::vector<char32_t> parseCharacterList(std::string_view list);

} // namespace kiosk::text
