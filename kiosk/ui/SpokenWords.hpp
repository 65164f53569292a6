// The kiosk's own words as recordings, for visitors who do not read: Back, Home, the mode
// switches, the poll, the idle warning say what they are. The app supplies them from
// assets/speech/KEY.LANG.ogg (made at build time by kiosk-pack speak-strings).
#pragma once

#include "pack/PackModel.hpp"

#include <optional>
#include <string>

namespace kiosk::ui {

class SpokenWords {
  public:
    virtual ~SpokenWords() = default;
    // The recording of the ui.tsv `key` in `language`, or nothing when there is none.
    virtual std::optional<pack::EncodedAudio> recording(const std::string& key,
                                                        const std::string& language) = 0;
};

} // namespace kiosk::ui
