// A PNG screenshot and the few pixel measures the end-to-end tests need.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct Colour {
    int red = 0, green = 0, blue = 0;
};

struct Region {
    int left = 0, top = 0, right = 0, bottom = 0; // right and bottom exclusive
};

class Screenshot {
  public:
    explicit Screenshot(const std::string& path); // throws std::runtime_error
    int width() const { return width_; }
    int height() const { return height_; }
    Colour at(int x, int y) const;
    Region whole() const { return {0, 0, width_, height_}; }

    // Colours counted after dropping the low 3 bits of each channel: a drawn picture has
    // hundreds, flat UI chrome a handful.
    int distinctColours(const Region& region) const;
    // Share of pixels whose every channel is within `tolerance` of `colour`.
    double shareNear(const Region& region, Colour colour, int tolerance) const;
    // Share of pixels that differ (any channel by more than 8) from the same pixel of `other`.
    double shareDifferentFrom(const Screenshot& other) const;
    // Peak signal-to-noise ratio over the RGB channels, in dB (infinite when equal): 30 dB
    // and more is the same screen drawn another way, under 15 dB another screen.
    double peakSignalToNoise(const Screenshot& other) const;

  private:
    int width_ = 0;
    int height_ = 0;
    std::vector<std::uint8_t> rgba_;
};
