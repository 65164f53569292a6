// Checks a screenshot of the statistics report: the right size, mostly not blank, the
// report's teal header band present and enough colours for charts to have been drawn.
// Exit 0 when it looks like a rendered report, 1 (with the figures) when not.
//
//   stats-report-png-check SHOT.png WIDTH HEIGHT
#include "image/ImageCodec.hpp"
#include "os/FileSystem.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: stats-report-png-check SHOT.png WIDTH HEIGHT\n");
        return 2;
    }
    try {
        const auto bytes = kiosk::os::readWholeFile(argv[1], 64u << 20);
        const kiosk::image::RgbaImage image = kiosk::image::decodeImage(bytes, kiosk::image::ImageLimits{});
        const int wantedWidth = std::atoi(argv[2]);
        const int wantedHeight = std::atoi(argv[3]);
        std::size_t nonWhite = 0;
        std::size_t headerTeal = 0;
        std::set<std::uint32_t> colours;
        const std::size_t pixels =
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
        for (std::size_t index = 0; index < pixels; ++index) {
            const std::uint8_t red = image.pixels[index * 4];
            const std::uint8_t green = image.pixels[index * 4 + 1];
            const std::uint8_t blue = image.pixels[index * 4 + 2];
            if (red < 245 || green < 245 || blue < 245)
                ++nonWhite;
            // The header gradient runs from #0f766e to #134e4a: dark teal, green above red.
            if (red < 40 && green > 60 && green < 140 && blue > 60 && blue < 130)
                ++headerTeal;
            colours.insert((std::uint32_t{red} << 16) | (std::uint32_t{green} << 8) | blue);
        }
        const double nonWhiteShare = static_cast<double>(nonWhite) / static_cast<double>(pixels);
        std::printf("screenshot %dx%d: %.1f%% not white, %zu header pixels, %zu colours\n", image.width,
                    image.height, 100.0 * nonWhiteShare, headerTeal, colours.size());
        bool good = true;
        if (image.width != wantedWidth || image.height != wantedHeight) {
            std::printf("FAIL: expected %dx%d\n", wantedWidth, wantedHeight);
            good = false;
        }
        // The page background is light grey and the header and charts are coloured:
        // a blank or failed page is nearly all white.
        if (nonWhiteShare < 0.30) {
            std::printf("FAIL: the page is almost blank\n");
            good = false;
        }
        if (headerTeal < 50'000) {
            std::printf("FAIL: the report header is missing (styles not applied?)\n");
            good = false;
        }
        if (colours.size() < 200) {
            std::printf("FAIL: too few colours for charts and text\n");
            good = false;
        }
        return good ? 0 : 1;
    } catch (const std::exception& error) {
        std::printf("FAIL: %s\n", error.what());
        return 1;
    }
}
