// The format's limits (pack/PackLimits.hpp) applied to a pack source, each problem reported
// at the line a field officer must change. The reader checks the same limits on the built
// pack, so a source over one would otherwise fail as an internal error.
#pragma once

#include "Diagnostics.hpp"
#include "HeaderFields.hpp"
#include "SourceModel.hpp"
#include "pack/PackLimits.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace kiosk::builder {

// A header key whose value is a `field`: the key itself, or every key starting with it when
// it ends in '.' ("title." for title.vie, title.eng...).
struct LimitedKey {
    std::string_view key;
    pack::TextField field;
};

// The keys of each kind of source file.
inline constexpr LimitedKey kPackFileKeys[] = {{"title.", pack::TextField::PackTitle},
                                               {"name.", pack::TextField::LanguageName},
                                               {"publisher", pack::TextField::Publisher}};
inline constexpr LimitedKey kCategoryKeys[] = {{"title.", pack::TextField::CategoryTitle}};
inline constexpr LimitedKey kPageKeys[] = {{"title", pack::TextField::PageTitle},
                                           {"summary", pack::TextField::PageSummary},
                                           {"place", pack::TextField::MeetingPlace},
                                           {"organiser", pack::TextField::MeetingOrganiser},
                                           {"provinces", pack::TextField::ProgrammeProvinces},
                                           {"partners", pack::TextField::ProgrammePartners},
                                           {"poll.question", pack::TextField::PollQuestion},
                                           {"caption.", pack::TextField::Caption},
                                           {"card.", pack::TextField::CardText},
                                           {"source", pack::TextField::SourceLink}};

// Reports every value of `keys` over its field's limits.
void checkHeaderLimits(const HeaderFields& fields, std::span<const LimitedKey> keys,
                       Diagnostics& diagnostics);

// One page file's body: each block's length and words, how many blocks, their text together.
// `startLines` are the blocks' first lines (parseMarkdownBlocks).
void checkBlockLimits(const std::vector<pack::TextBlock>& blocks, const std::vector<int>& startLines,
                      const std::string& file, Diagnostics& diagnostics);

// Reports `count` things over the count limit `limit` at `location` ("the pack has more than 1000
// pages (1200)"), followed by `advice` when there is any.
void checkSourceCount(pack::Limit limit, std::size_t count, const SourceLocation& location,
                      Diagnostics& diagnostics, std::string_view advice = {});

// The different characters the pack shows, within kMaximumCharacters; reported at the text
// that brings the first one over the limit.
void checkCharacterCount(const std::vector<DisplayedText>& texts, Diagnostics& diagnostics);

} // namespace kiosk::builder
