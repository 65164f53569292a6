#include "FontCoverage.hpp"

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

} // namespace kiosk::builder
