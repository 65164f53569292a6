// The kiosk's spoken words from <assets>/speech/KEY.LANG.ogg, read when first asked for and
// kept (a word is a few KiB). A missing or unreadable file is a silent control, not an error.
#pragma once

#include "SpokenWords.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace kiosk::platform {

class SpokenWordsFolder final : public ui::SpokenWords {
  public:
    explicit SpokenWordsFolder(std::filesystem::path folder) : folder_(std::move(folder)) {}
    std::optional<pack::EncodedAudio> recording(const std::string& key, const std::string& language) override;

  private:
    std::filesystem::path folder_;
    std::map<std::string, std::optional<pack::EncodedAudio>> loaded_; // by file name, misses too
};

} // namespace kiosk::platform
