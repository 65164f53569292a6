#include "audio/SoundDeviceChoice.hpp"

#include <algorithm>
#include <cctype>

namespace kiosk::audio {

namespace {

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
    return text;
}

bool asksForDefault(const std::string& configured) {
    return configured.empty() || lowerCase(configured) == "default";
}

} // namespace

bool soundDeviceMatches(const std::string& configured, const std::string& name) {
    return asksForDefault(configured) || lowerCase(name).find(lowerCase(configured)) != std::string::npos;
}

std::vector<std::string> soundDevicesToTry(const std::string& configured,
                                           const std::vector<std::string>& available) {
    std::vector<std::string> order;
    const auto addOnce = [&order](const std::string& name) {
        if (std::find(order.begin(), order.end(), name) == order.end())
            order.push_back(name);
    };
    if (!asksForDefault(configured))
        for (const std::string& name : available)
            if (soundDeviceMatches(configured, name))
                addOnce(name);
    addOnce(kDefaultSoundDevice);
    for (const std::string& name : available)
        addOnce(name);
    return order;
}

} // namespace kiosk::audio
