#include "SourceLimits.hpp"

#include "text/Unicode.hpp"

#include <set>

namespace kiosk::builder {

void checkHeaderLimits(const HeaderFields& fields, std::span<const LimitedKey> keys,
                       Diagnostics& diagnostics) {
    for (const HeaderField& field : fields.fields())
        for (const LimitedKey& limited : keys) {
            const bool matches =
                limited.key.ends_with('.') ? field.key.starts_with(limited.key) : field.key == limited.key;
            if (!matches)
                continue;
            if (const std::optional<pack::TextLimitProblem> problem =
                    pack::textLimitProblem(limited.field, field.value))
                diagnostics.report(fields.file(), field.line, "'" + field.key + "' is " + problem->message);
            break;
        }
}

void checkBlockLimits(const std::vector<pack::TextBlock>& blocks, const std::vector<int>& startLines,
                      const std::string& file, Diagnostics& diagnostics) {
    std::size_t characters = 0;
    bool tooMuchText = false;
    for (std::size_t index = 0; index < blocks.size(); ++index) {
        const pack::TextBlock& block = blocks[index];
        const int line = index < startLines.size() ? startLines[index] : 0;
        const pack::TextField field = block.kind == pack::BlockKind::Heading  ? pack::TextField::Heading
                                      : block.kind == pack::BlockKind::Bullet ? pack::TextField::Bullet
                                                                              : pack::TextField::Paragraph;
        if (const std::optional<pack::TextLimitProblem> problem = pack::textLimitProblem(field, block.text))
            diagnostics.report(file, line, "this is " + problem->message);
        characters += pack::characterCount(block.text);
        if (!tooMuchText && characters > static_cast<std::size_t>(pack::kMaximumPageCharacters)) {
            tooMuchText = true;
            diagnostics.report(file, line,
                               "the page has " + pack::describeCountLimit(pack::Limit::PageCharacters) +
                                   " from here on: split it into several pages");
        }
    }
    if (blocks.size() > static_cast<std::size_t>(pack::kMaximumBlocksPerPage))
        checkSourceCount(
            pack::Limit::PageBlocks, blocks.size(),
            SourceLocation{file, startLines.size() > static_cast<std::size_t>(pack::kMaximumBlocksPerPage)
                                     ? startLines[static_cast<std::size_t>(pack::kMaximumBlocksPerPage)]
                                     : 0},
            diagnostics, "split it into several pages");
}

void checkSourceCount(pack::Limit limit, std::size_t count, const SourceLocation& location,
                      Diagnostics& diagnostics, std::string_view advice) {
    if (count <= static_cast<std::size_t>(pack::maximumCount(limit)))
        return;
    diagnostics.report(location, "the pack has " + pack::describeCountLimit(limit) + " (" +
                                     std::to_string(count) + ")" +
                                     (advice.empty() ? "" : ": " + std::string(advice)));
}

void checkCharacterCount(const std::vector<DisplayedText>& texts, Diagnostics& diagnostics) {
    std::set<char32_t> characters;
    for (const DisplayedText& displayed : texts)
        for (const char32_t codePoint : text::codePoints(displayed.text))
            if (characters.insert(codePoint).second &&
                characters.size() == static_cast<std::size_t>(pack::kMaximumCharacters) + 1) {
                diagnostics.report(displayed.location,
                                   "with this text the pack shows " +
                                       pack::describeCountLimit(pack::Limit::Characters) +
                                       ", starting with " + describeCharacter(codePoint) +
                                       ": use fewer scripts or symbols, or split the pack");
                return;
            }
}

} // namespace kiosk::builder
