#include "FontSet.hpp"

#include <algorithm>
#include <fstream>
#include <string>
#include <stdexcept>

namespace kiosk::ui {

namespace {

ImFont* addFont(const std::filesystem::path& file, float size, const ImWchar* ranges, int oversample) {
    ImFontConfig config;
    // ImGui would otherwise free the glyph ranges it does not own; these live in a static.
    config.OversampleH = oversample;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, ranges);
    if (!font)
        throw std::runtime_error("cannot load font " + file.string());
    return font;
}

FontSet addFontSet(const FontFiles& files, const Metrics& metrics, const ImWchar* ranges, int oversample) {
    FontSet fonts;
    fonts.body = addFont(files.regular, metrics.bodyFontSize, ranges, oversample);
    fonts.bodyBold = addFont(files.bold, metrics.bodyFontSize, ranges, oversample);
    fonts.heading = addFont(files.bold, metrics.headingFontSize, ranges, oversample);
    fonts.title = addFont(files.bold, metrics.titleFontSize, ranges, oversample);
    fonts.small = addFont(files.regular, metrics.smallFontSize, ranges, oversample);
    return fonts;
}

} // namespace

FontLibrary loadFonts(const FontFiles& files, const Metrics& metrics, const std::vector<char32_t>& codePoints,
                      int maximumTextureSide) {
    for (const std::filesystem::path& file : {files.regular, files.bold})
        if (!std::ifstream(file))
            throw std::runtime_error("font file missing: " + file.string());

    // ImGui keeps a pointer to the ranges until the atlas is built, so they must outlive it.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    for (const char32_t codePoint : codePoints)
        if (codePoint <= 0xFFFF) // ImWchar is 16-bit in Debian's libimgui build
            builder.AddChar(static_cast<ImWchar>(codePoint));
    for (const ImWchar extra : {0x2022 /* • */, 0x2013 /* – */, 0x00B7 /* · */, 0x2026 /* … */})
        builder.AddChar(extra);
    builder.BuildRanges(&ranges);

    ImGuiIO& io = ImGui::GetIO();
    // Twice the horizontal oversampling looks better on small text; once is the fallback when
    // the atlas would not fit the GPU (a big screen, a pack with many scripts). Large text is
    // a comfort, the standard sizes a necessity: they go last.
    struct Attempt {
        int oversample;
        bool withLarge;
    };
    for (const Attempt attempt : {Attempt{2, true}, Attempt{1, true}, Attempt{1, false}}) {
        io.Fonts->Clear();
        // ImGui picks up to 4096 wide by itself; a GPU may take less (2048 on a Pi 3).
        io.Fonts->TexDesiredWidth = maximumTextureSide > 0 ? std::min(maximumTextureSide, 4096) : 0;
        FontLibrary library;
        library.standard = addFontSet(files, metrics, ranges.Data, attempt.oversample);
        library.hasLarge = attempt.withLarge;
        library.large = attempt.withLarge
                            ? addFontSet(files, metrics.withTextScale(kLargeTextScale), ranges.Data, attempt.oversample)
                            : library.standard;
        io.FontDefault = library.standard.body;
        if (!io.Fonts->Build())
            throw std::runtime_error("cannot build the font atlas");
        const bool fits = maximumTextureSide <= 0 ||
                          (io.Fonts->TexWidth <= maximumTextureSide && io.Fonts->TexHeight <= maximumTextureSide);
        if (fits)
            return library;
    }
    throw std::runtime_error("the font atlas (" + std::to_string(io.Fonts->TexWidth) + "x" +
                             std::to_string(io.Fonts->TexHeight) + ") does not fit the GPU's largest texture (" +
                             std::to_string(maximumTextureSide) + ")");
}

} // namespace kiosk::ui
