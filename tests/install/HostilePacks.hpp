// Hostile content for validly signed packs (issue 18): each takes a good pack and changes it
// with plain SQL, as a builder bug, a careless author or a stolen key could, so that only
// the content is wrong. The character list is widened where the new text needs it, so a
// case is never refused for a missing character instead of its own defect.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::db {
class Database;
}

namespace kiosk::install::test {

// `count` more article pages in the first category, each with a Vietnamese title.
std::vector<std::uint8_t> withExtraPages(std::span<const std::uint8_t> pack, int count);
// `count` more categories, each with a Vietnamese title.
std::vector<std::uint8_t> withExtraCategories(std::span<const std::uint8_t> pack, int count);
// `count` more languages (codes "xaa", "xab"...), each with its name and the pack title.
std::vector<std::uint8_t> withExtraLanguages(std::span<const std::uint8_t> pack, int count);
// The first page's gallery holds `count` pictures (the pack's first picture again and again).
std::vector<std::uint8_t> withGalleryOf(std::span<const std::uint8_t> pack, int count);
// The pack made format version 2, its first page told as `count` story cards (each the first
// picture, with a Vietnamese text of `text`).
std::vector<std::uint8_t> withStoryCards(std::span<const std::uint8_t> pack, int count,
                                         const std::string& text = "Một thẻ.");
// `pack` moved to format version 3 (the story-card and spoken-title tables, empty), then
// changed by `change`.
std::vector<std::uint8_t> withSpokenTitleTables(std::span<const std::uint8_t> pack,
                                                const std::function<void(db::Database&)>& change);
// `count` more rows in audio_clips (copies of the first recording, used by no page).
std::vector<std::uint8_t> withExtraRecordings(std::span<const std::uint8_t> pack, int count);
// `count` more pages (as withExtraPages), each with 300 paragraphs of 66 characters: every
// page within its limits, the text in all (count × 19800 characters) not.
std::vector<std::uint8_t> withExtraFullPages(std::span<const std::uint8_t> pack, int count);
// The first page's default-language text gets `count` more paragraphs.
std::vector<std::uint8_t> withExtraBlocks(std::span<const std::uint8_t> pack, int count);

// The first category's id (and every reference to it) replaced by `id`.
std::vector<std::uint8_t> withCategoryId(std::span<const std::uint8_t> pack, const std::string& id);
// The first page's id (and every reference to it) replaced by `id`.
std::vector<std::uint8_t> withPageId(std::span<const std::uint8_t> pack, const std::string& id);
// One more language, with the code `code`.
std::vector<std::uint8_t> withLanguageCode(std::span<const std::uint8_t> pack, const std::string& code);

// Vietnamese words ("Chính sách hỗ trợ ...") repeated to exactly `characters` code points.
std::string longText(std::size_t characters);
// `characters` letters with no space between them.
std::string longWord(std::size_t characters);

// The first category's Vietnamese title.
std::vector<std::uint8_t> withCategoryTitle(std::span<const std::uint8_t> pack, const std::string& title);
// The pack's title in its default language (languages.pack_title).
std::vector<std::uint8_t> withPackTitle(std::span<const std::uint8_t> pack, const std::string& title);
// The first paragraph of the first page in the default language.
std::vector<std::uint8_t> withParagraph(std::span<const std::uint8_t> pack, const std::string& text);
// The character list (pack_meta 'characters') says every character of the Basic
// Multilingual Plane but the surrogates: U+0000 to U+D7FF and U+E000 to U+FFFF.
std::vector<std::uint8_t> withEveryBmpCharacter(std::span<const std::uint8_t> pack);

} // namespace kiosk::install::test
