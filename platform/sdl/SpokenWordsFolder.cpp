#include "SpokenWordsFolder.hpp"

#include "os/FileSystem.hpp"
#include "os/Log.hpp"
#include "pack/PackIds.hpp"
#include "pack/PackSchema.hpp"

namespace kiosk::platform {

namespace {
// A spoken word is a second or two; anything this big is not one.
constexpr std::uint64_t kLargestWordBytes = 256 * 1024;

bool isPlainName(const std::string& text) {
    return !text.empty() &&
           text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
}
} // namespace

std::optional<pack::EncodedAudio> SpokenWordsFolder::recording(const std::string& key,
                                                               const std::string& language) {
    // Keys and language codes come from the kiosk's strings and the pack: names, never paths.
    if (!isPlainName(key) || !isPlainName(language))
        return std::nullopt;
    const std::string name = key + "." + language + ".ogg";
    if (const auto known = loaded_.find(name); known != loaded_.end())
        return known->second;
    std::optional<pack::EncodedAudio> clip;
    try {
        pack::EncodedAudio audio;
        audio.name = "speech/" + name;
        audio.mime = pack::kAudioMime;
        audio.synthetic = true;
        audio.bytes = os::readWholeFile(folder_ / name, kLargestWordBytes);
        clip = std::move(audio);
    } catch (const std::exception& error) {
        std::error_code missing;
        if (std::filesystem::exists(folder_ / name, missing))
            os::log("cannot read the spoken word ", (folder_ / name).string(), ": ", error.what());
    }
    loaded_.emplace(name, clip);
    return clip;
}

} // namespace kiosk::platform
