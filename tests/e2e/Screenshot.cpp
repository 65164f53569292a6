#include "Screenshot.hpp"

#include <cmath>
#include <limits>

#include <algorithm>
#include <cstdlib>
#include <stb_image.h>
#include <stdexcept>
#include <unordered_set>

Screenshot::Screenshot(const std::string& path) {
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width_, &height_, &channels, 4);
    if (!pixels)
        throw std::runtime_error("cannot read screenshot " + path);
    rgba_.assign(pixels, pixels + static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
    stbi_image_free(pixels);
}

Colour Screenshot::at(int x, int y) const {
    const std::size_t offset =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)) * 4;
    return {rgba_[offset], rgba_[offset + 1], rgba_[offset + 2]};
}

int Screenshot::distinctColours(const Region& region) const {
    std::unordered_set<int> colours;
    for (int y = std::max(0, region.top); y < std::min(height_, region.bottom); ++y)
        for (int x = std::max(0, region.left); x < std::min(width_, region.right); ++x) {
            const Colour colour = at(x, y);
            colours.insert(((colour.red >> 3) << 10) | ((colour.green >> 3) << 5) | (colour.blue >> 3));
        }
    return static_cast<int>(colours.size());
}

double Screenshot::shareNear(const Region& region, Colour colour, int tolerance) const {
    long near = 0, all = 0;
    for (int y = std::max(0, region.top); y < std::min(height_, region.bottom); ++y)
        for (int x = std::max(0, region.left); x < std::min(width_, region.right); ++x) {
            const Colour pixel = at(x, y);
            ++all;
            if (std::abs(pixel.red - colour.red) <= tolerance &&
                std::abs(pixel.green - colour.green) <= tolerance &&
                std::abs(pixel.blue - colour.blue) <= tolerance)
                ++near;
        }
    return all ? static_cast<double>(near) / static_cast<double>(all) : 0;
}

double Screenshot::shareDifferentFrom(const Screenshot& other) const {
    if (other.width_ != width_ || other.height_ != height_)
        return 1;
    long different = 0;
    for (std::size_t offset = 0; offset < rgba_.size(); offset += 4)
        for (std::size_t channel = 0; channel < 3; ++channel)
            if (std::abs(rgba_[offset + channel] - other.rgba_[offset + channel]) > 8) {
                ++different;
                break;
            }
    return static_cast<double>(different) / static_cast<double>(rgba_.size() / 4);
}

double Screenshot::peakSignalToNoise(const Screenshot& other) const {
    if (other.width_ != width_ || other.height_ != height_)
        return 0;
    double squares = 0;
    for (std::size_t index = 0; index < rgba_.size(); ++index) {
        if (index % 4 == 3)
            continue; // alpha
        const double difference = static_cast<double>(rgba_[index]) - other.rgba_[index];
        squares += difference * difference;
    }
    if (squares == 0)
        return std::numeric_limits<double>::infinity();
    const double mean = squares / (static_cast<double>(rgba_.size()) * 3 / 4);
    return 10 * std::log10(255.0 * 255.0 / mean);
}
