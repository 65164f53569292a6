#include "FontCoverage.hpp"

#include "pack/StoryCardText.hpp"
#include "text/Unicode.hpp"

#include <map>
#include <set>

namespace kiosk::builder {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string result;
    for (const std::string& name : names)
        result += (result.empty() ? "" : ", ") + name;
    return result;
}

} // namespace

FontCoverage FontCoverage::load(const std::vector<std::filesystem::path>& fontFiles) {
    try {
        return FontCoverage(text::GlyphCoverage::load(fontFiles));
    } catch (const text::GlyphCoverageError& error) {
        throw FontError(error.what());
    }
}

std::vector<std::string> FontCoverage::fontsMissing(char32_t codePoint) const {
    return glyphs_.fontsMissing(codePoint);
}

void FontCoverage::check(const std::vector<DisplayedText>& texts, Diagnostics& diagnostics) const {
    std::map<char32_t, std::vector<std::string>> missingByCodePoint;
    for (const DisplayedText& displayed : texts) {
        std::set<char32_t> reportedOnThisLine;
        for (const char32_t codePoint : text::codePoints(displayed.text)) {
            if (!reportedOnThisLine.insert(codePoint).second)
                continue;
            if (codePoint > text::kLastDrawableCodePoint) {
                diagnostics.report(displayed.location,
                                   "the kiosk cannot draw " + describeCharacter(codePoint) +
                                       " (emoji and other characters beyond U+FFFF are not supported)");
                continue;
            }
            auto found = missingByCodePoint.find(codePoint);
            if (found == missingByCodePoint.end())
                found = missingByCodePoint.emplace(codePoint, fontsMissing(codePoint)).first;
            if (!found->second.empty())
                diagnostics.report(displayed.location, "the font cannot draw " +
                                                           describeCharacter(codePoint) + " (missing from " +
                                                           joined(found->second) + ")");
        }
    }
}

void FontCoverage::checkCardTexts(const std::vector<PageSource>& pages, Diagnostics& diagnostics) const {
    for (const PageSource& page : pages)
        for (const auto& [language, texts] : page.texts)
            for (const auto& [position, card] : texts.cardTexts) {
                const int lines =
                    glyphs_.wrappedLineCount(card.text, pack::kCardTextPixelHeight, pack::kCardTextWidth);
                if (lines > pack::kCardTextLines)
                    diagnostics.report(card.location,
                                       "card " + std::to_string(position + 1) +
                                           "'s text does not fit its card on a 800x480 screen (" +
                                           std::to_string(lines) + " lines, " +
                                           std::to_string(pack::kCardTextLines) +
                                           " fit): shorten it to one or two short sentences");
            }
}

} // namespace kiosk::builder
