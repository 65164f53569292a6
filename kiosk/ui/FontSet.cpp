#include "FontSet.hpp"

#include <algorithm>
#include <fstream>
#include <string>
#include <stdexcept>

namespace kiosk::ui {

namespace {

ImFont* addFont(const std::filesystem::path& file, float size, const ImWchar* ranges) {
    ImFontConfig config;
    // Glyphs snap to whole pixels, so oversampling would only blur them (ImGui's own advice),
    // double the atlas and make a software renderer scale every glyph instead of copying it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, ranges);
    if (!font)
        throw std::runtime_error("cannot load font " + file.string());
    return font;
}

FontSet addFontSet(const FontFiles& files, const Metrics& metrics, const ImWchar* ranges) {
    FontSet fonts;
    fonts.body = addFont(files.regular, metrics.bodyFontSize, ranges);
    fonts.bodyBold = addFont(files.bold, metrics.bodyFontSize, ranges);
    fonts.heading = addFont(files.bold, metrics.headingFontSize, ranges);
    fonts.title = addFont(files.bold, metrics.titleFontSize, ranges);
    fonts.small = addFont(files.regular, metrics.smallFontSize, ranges);
    return fonts;
}

} // namespace

FontLibrary loadFonts(const FontFiles& files, const Metrics& metrics, const std::vector<char32_t>& codePoints,
                      int maximumTextureSide, LargeFonts large) {
    for (const std::filesystem::path& file : {files.regular, files.bold})
        if (!std::ifstream(file))
            throw std::runtime_error("font file missing: " + file.string());

    // ImGui keeps a pointer to the ranges until the atlas is built, so they must outlive it.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    // Printable ASCII always (numbers, codes and paths in the staff view, ImGui's '?' for a
    // missing glyph); beyond it only what is used: every glyph costs start-up time five times.
    for (ImWchar ascii = 0x20; ascii <= 0x7E; ++ascii)
        builder.AddChar(ascii);
    for (const char32_t codePoint : codePoints)
        if (codePoint <= 0xFFFF) // ImWchar is 16-bit in Debian's libimgui build
            builder.AddChar(static_cast<ImWchar>(codePoint));
    for (const ImWchar extra : {0x2022 /* • */, 0x2013 /* – */, 0x00B7 /* · */, 0x2026 /* … */})
        builder.AddChar(extra);
    builder.BuildRanges(&ranges);

    ImGuiIO& io = ImGui::GetIO();
    // When the atlas would not fit the GPU (a big screen, a pack with many scripts), large
    // text goes: it is a comfort, the standard sizes a necessity.
    std::vector<bool> attempts = {false};
    if (large == LargeFonts::Include)
        attempts.insert(attempts.begin(), true);
    for (const bool withLarge : attempts) {
        io.Fonts->Clear();
        // ImGui picks up to 4096 wide by itself; a GPU may take less (2048 on a Pi 3).
        io.Fonts->TexDesiredWidth = maximumTextureSide > 0 ? std::min(maximumTextureSide, 4096) : 0;
        FontLibrary library;
        library.standard = addFontSet(files, metrics, ranges.Data);
        library.hasLarge = withLarge;
        library.large = withLarge ? addFontSet(files, metrics.withTextScale(kLargeTextScale), ranges.Data)
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
