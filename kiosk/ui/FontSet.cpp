#include "FontSet.hpp"

#include <fstream>
#include <stdexcept>

namespace kiosk::ui {

namespace {

ImFont* addFont(const std::filesystem::path& file, float size, const ImWchar* ranges) {
    ImFontConfig config;
    // ImGui would otherwise free the glyph ranges it does not own; these live in a static.
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, ranges);
    if (!font)
        throw std::runtime_error("cannot load font " + file.string());
    return font;
}

} // namespace

FontSet loadFonts(const FontFiles& files, const Metrics& metrics, const std::vector<char32_t>& codePoints) {
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
    io.Fonts->Clear();
    FontSet fonts;
    fonts.body = addFont(files.regular, metrics.bodyFontSize, ranges.Data);
    fonts.bodyBold = addFont(files.bold, metrics.bodyFontSize, ranges.Data);
    fonts.heading = addFont(files.bold, metrics.headingFontSize, ranges.Data);
    fonts.title = addFont(files.bold, metrics.titleFontSize, ranges.Data);
    fonts.small = addFont(files.regular, metrics.smallFontSize, ranges.Data);
    io.FontDefault = fonts.body;
    if (!io.Fonts->Build())
        throw std::runtime_error("cannot build the font atlas");
    return fonts;
}

} // namespace kiosk::ui
