#include "PageFileParser.hpp"

#include "HeaderFields.hpp"
#include "MarkdownBlocks.hpp"
#include "SourceLimits.hpp"
#include "SourceRules.hpp"
#include "pack/PackLimits.hpp"

#include <algorithm>
#include <span>

namespace kiosk::builder {

namespace {

constexpr std::int64_t kLargestOrder = 1'000'000;

const std::vector<std::string> kTextKeys = {"title", "summary",   "provinces",    "partners",
                                            "place", "organiser", "poll.question"};
const std::vector<std::string> kStructuralKeys = {
    "category", "order",        "kind",       "cover",  "gallery", "cards", "featured",
    "source",   "period-start", "period-end", "starts", "ends",    "poll"};
const std::vector<std::string> kMeetingKeys = {"starts", "ends", "place", "organiser"};
const std::vector<std::string> kProgrammeKeys = {"period-start", "period-end", "provinces", "partners"};
bool contains(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

struct PageFileParts {
    std::span<const SourceLine> header;
    std::span<const SourceLine> body;
    int separatorLine = 0;
};

std::optional<PageFileParts> splitAtSeparator(const SourceText& file, Diagnostics& diagnostics) {
    const std::span<const SourceLine> lines(file.lines);
    const auto separator = std::find_if(
        lines.begin(), lines.end(), [](const SourceLine& line) { return trimSpaces(line.text) == "---"; });
    if (separator == lines.end()) {
        const int lastLine = lines.empty() ? 0 : lines.back().number;
        diagnostics.report(file.displayName, lastLine,
                           "no '---' line: a page file needs one between its header and its body text");
        return std::nullopt;
    }
    const auto separatorIndex = static_cast<std::size_t>(separator - lines.begin());
    return PageFileParts{lines.first(separatorIndex), lines.subspan(separatorIndex + 1), separator->number};
}

// The 0-based position N - 1 of a numbered key "<prefix>N" (caption.2, card.3), or nothing for
// other keys and numbers out of 1..maximum.
std::optional<int> numberedPosition(const std::string& key, const std::string& prefix, std::int64_t maximum) {
    if (!key.starts_with(prefix))
        return std::nullopt;
    const std::optional<std::int64_t> number = parseWholeNumber(key.substr(prefix.size()), 1, maximum);
    return number ? std::optional<int>(static_cast<int>(*number - 1)) : std::nullopt;
}

std::optional<int> captionPosition(const std::string& key) {
    return numberedPosition(key, "caption.", pack::kMaximumGalleryPictures);
}

std::optional<int> cardPosition(const std::string& key) {
    return numberedPosition(key, "card.", pack::kMaximumStoryCards);
}

// A numbered key must name one of the `count` things its list has.
void checkNumberedKey(const HeaderFields& fields, const HeaderField& field, std::optional<int> position,
                      std::size_t count, const std::string& what, const std::string& list,
                      const std::string& unit, Diagnostics& diagnostics) {
    const std::string prefix = field.key.substr(0, field.key.find('.') + 1);
    if (!position)
        diagnostics.report(fields.file(), field.line,
                           "'" + field.key + "': " + what + "s are numbered from 1, like " + prefix + "1");
    else if (static_cast<std::size_t>(*position) >= count)
        diagnostics.report(fields.file(), field.line,
                           "'" + field.key + "' but " + list + " has " + std::to_string(count) + " " + unit +
                               "(s)");
}

// The checks shared by both kinds of page file: unknown keys, keys of another page kind,
// caption and card numbers. `allowed` is every key valid in this file apart from those.
void checkKeys(const HeaderFields& fields, const std::vector<std::string>& allowed, const PageSource& page,
               const std::string& defaultLanguageFile, Diagnostics& diagnostics) {
    const pack::PageKind kind = page.kind;
    for (const HeaderField& field : fields.fields()) {
        const std::string& key = field.key;
        if (key.starts_with("caption.")) {
            checkNumberedKey(fields, field, numberedPosition(key, "caption.", kLargestOrder),
                             page.gallery.size(), "caption", "the gallery", "picture", diagnostics);
            continue;
        }
        if (key.starts_with("card.")) {
            checkNumberedKey(fields, field, numberedPosition(key, "card.", kLargestOrder), page.cards.size(),
                             "card", "the 'cards' list of " + defaultLanguageFile, "card", diagnostics);
            continue;
        }
        if (!contains(allowed, key)) {
            if (contains(kStructuralKeys, key))
                diagnostics.report(fields.file(), field.line,
                                   "'" + key + "' is a structural key: it belongs only in " +
                                       defaultLanguageFile);
            else {
                std::vector<std::string> known = allowed;
                known.push_back("caption.1");
                known.push_back("card.1");
                diagnostics.report(fields.file(), field.line, unknownKeyMessage(key, known));
            }
            continue;
        }
        const bool meetingKeyElsewhere = contains(kMeetingKeys, key) && kind != pack::PageKind::Meeting;
        const bool programmeKeyElsewhere = contains(kProgrammeKeys, key) && kind != pack::PageKind::Programme;
        if (meetingKeyElsewhere || programmeKeyElsewhere)
            diagnostics.report(fields.file(), field.line,
                               "'" + key + "' is only for " +
                                   (meetingKeyElsewhere ? "meeting" : "programme") +
                                   " pages, and this page's kind is " + pack::pageKindName(kind));
    }
}

void readCaptions(const HeaderFields& fields, std::size_t galleryPictures, PageTexts& texts) {
    for (const HeaderField& field : fields.fields()) {
        const std::optional<int> position = captionPosition(field.key);
        if (position && static_cast<std::size_t>(*position) < galleryPictures && !field.value.empty())
            texts.captions[*position] = field.value;
    }
}

// card.1 ... card.N: each card's text, in the default language and in every translation: a
// translated page shows all its cards in its own language, never some in another.
void readCardTexts(const HeaderFields& fields, const PageSource& page, int separatorLine, PageTexts& texts,
                   Diagnostics& diagnostics) {
    for (const HeaderField& field : fields.fields()) {
        const std::optional<int> position = cardPosition(field.key);
        if (position && static_cast<std::size_t>(*position) < page.cards.size() && !field.value.empty())
            texts.cardTexts[*position] =
                DisplayedText{SourceLocation{fields.file(), field.line}, field.value};
    }
    std::string missing;
    for (std::size_t position = 0; position < page.cards.size(); ++position)
        if (!texts.cardTexts.contains(static_cast<int>(position)))
            missing += (missing.empty() ? "card." : ", card.") + std::to_string(position + 1);
    if (!missing.empty())
        diagnostics.report(fields.file(), separatorLine,
                           "the page has " + std::to_string(page.cards.size()) +
                               " story cards, but this file has no text for " + missing +
                               " (give each card a 'card.N: ...' line)");
}

std::optional<std::string> optionalValue(const HeaderFields& fields, const std::string& key) {
    const HeaderField* field = fields.optional(key);
    return field ? std::optional<std::string>(field->value) : std::nullopt;
}

// Every value the kiosk shows; not file names and machine values.
void collectHeaderTexts(const HeaderFields& fields, std::vector<DisplayedText>& displayed) {
    fields.collectDisplayedValues(
        displayed, {"category", "order", "kind", "cover", "gallery", "cards", "featured", "poll"});
}

void collectBodyLines(std::span<const SourceLine> body, const std::string& file,
                      std::vector<DisplayedText>& displayed) {
    for (const SourceLine& line : body)
        if (!trimSpaces(line.text).empty())
            displayed.push_back(DisplayedText{SourceLocation{file, line.number}, line.text});
}

bool checkPictureName(const HeaderFields& fields, const HeaderField& field, const std::string& name,
                      Diagnostics& diagnostics) {
    const std::optional<std::string> problem = pictureNameProblem(name);
    if (problem)
        diagnostics.report(fields.file(), field.line, *problem);
    return !problem;
}

void parseMeetingFacts(const HeaderFields& fields, PageSource& page, PageTexts& texts,
                       Diagnostics& diagnostics) {
    if (const HeaderField* starts = fields.required("starts", diagnostics)) {
        page.startsAt = starts->value;
        if (!isMeetingTime(starts->value))
            diagnostics.report(fields.file(), starts->line,
                               "'starts' must be YYYY-MM-DD or YYYY-MM-DD HH:MM, found '" + starts->value +
                                   "'");
    }
    if (const HeaderField* ends = fields.optional("ends")) {
        page.endsAt = ends->value;
        if (!isMeetingTime(ends->value))
            diagnostics.report(fields.file(), ends->line,
                               "'ends' must be YYYY-MM-DD or YYYY-MM-DD HH:MM, found '" + ends->value + "'");
        else if (isMeetingTime(page.startsAt) && endsBeforeStart(page.startsAt, ends->value))
            diagnostics.report(fields.file(), ends->line, "the meeting ends before it starts");
    }
    if (const HeaderField* place = fields.required("place", diagnostics))
        texts.place = place->value;
    if (const HeaderField* organiser = fields.required("organiser", diagnostics))
        texts.organiser = organiser->value;
}

void parseProgrammeFacts(const HeaderFields& fields, PageSource& page, PageTexts& texts,
                         Diagnostics& diagnostics) {
    if (const HeaderField* start = fields.required("period-start", diagnostics)) {
        page.periodStart = start->value;
        if (!isPeriodDate(start->value))
            diagnostics.report(fields.file(), start->line,
                               "'period-start' must be YYYY, YYYY-MM or YYYY-MM-DD, found '" + start->value +
                                   "'");
    }
    if (const HeaderField* end = fields.optional("period-end")) {
        page.periodEnd = end->value;
        if (!isPeriodDate(end->value))
            diagnostics.report(fields.file(), end->line,
                               "'period-end' must be YYYY, YYYY-MM or YYYY-MM-DD, found '" + end->value +
                                   "'");
        else if (isPeriodDate(page.periodStart) && endsBeforeStart(page.periodStart, end->value))
            diagnostics.report(fields.file(), end->line, "the programme ends before it starts");
    }
    texts.provinces = optionalValue(fields, "provinces").value_or("");
    texts.partners = optionalValue(fields, "partners").value_or("");
}

// `poll.question` asks something only a page with a poll can ask.
void readPollQuestion(const HeaderFields& fields, bool pageHasPoll, const std::string& defaultLanguageFile,
                      PageTexts& texts, Diagnostics& diagnostics) {
    const HeaderField* question = fields.optional("poll.question");
    if (!question)
        return;
    if (!pageHasPoll)
        diagnostics.report(fields.file(), question->line,
                           "'poll.question' but the page has no poll: add 'poll: yes' to " +
                               defaultLanguageFile);
    else
        texts.pollQuestion = question->value;
}

void parseGallery(const HeaderFields& fields, PageSource& page, Diagnostics& diagnostics) {
    const HeaderField* gallery = fields.optional("gallery");
    if (!gallery)
        return;
    for (const std::string& name : splitCommaList(gallery->value)) {
        if (!checkPictureName(fields, *gallery, name, diagnostics))
            continue;
        const bool repeated =
            std::any_of(page.gallery.begin(), page.gallery.end(),
                        [&](const GallerySource& picture) { return picture.imageName == name; });
        if (repeated) {
            diagnostics.report(fields.file(), gallery->line, "'" + name + "' is in the gallery twice");
            continue;
        }
        page.gallery.push_back(GallerySource{name, SourceLocation{fields.file(), gallery->line}});
    }
    if (page.gallery.size() > static_cast<std::size_t>(pack::kMaximumGalleryPictures))
        diagnostics.report(fields.file(), gallery->line,
                           "more than " + std::to_string(pack::kMaximumGalleryPictures) +
                               " pictures in one gallery");
}

// cards: a.png, b.png, ...: the page opens on these story cards, one picture each. A picture
// may come back on a later card (the same map, say), so repeats are allowed.
void parseCards(const HeaderFields& fields, PageSource& page, Diagnostics& diagnostics) {
    const HeaderField* cards = fields.optional("cards");
    if (!cards)
        return;
    for (const std::string& name : splitCommaList(cards->value))
        if (checkPictureName(fields, *cards, name, diagnostics))
            page.cards.push_back(CardSource{name, SourceLocation{fields.file(), cards->line}});
    const std::size_t count = page.cards.size();
    if (count < static_cast<std::size_t>(pack::kMinimumStoryCards) ||
        count > static_cast<std::size_t>(pack::kMaximumStoryCards))
        diagnostics.report(fields.file(), cards->line,
                           "'cards' lists " + std::to_string(count) + " picture(s); a story has " +
                               std::to_string(pack::kMinimumStoryCards) + " to " +
                               std::to_string(pack::kMaximumStoryCards) + " cards");
}

} // namespace

std::optional<PageSource> parseDefaultLanguagePage(const std::string& pageId, const SourceText& file,
                                                   const PackSource& pack, Diagnostics& diagnostics,
                                                   std::vector<DisplayedText>& displayed) {
    const std::optional<PageFileParts> parts = splitAtSeparator(file, diagnostics);
    if (!parts)
        return std::nullopt;
    const HeaderFields fields = HeaderFields::parse(parts->header, file.displayName, 1, diagnostics);
    PageSource page;
    page.id = pageId;
    PageTexts texts;

    if (const HeaderField* kind = fields.optional("kind")) {
        if (const std::optional<pack::PageKind> known = pack::pageKindFromName(kind->value))
            page.kind = *known;
        else
            diagnostics.report(file.displayName, kind->line,
                               "'kind' must be article, programme or meeting, found '" + kind->value + "'");
    }
    if (const HeaderField* title = fields.required("title", diagnostics))
        texts.title = title->value;
    texts.summary = optionalValue(fields, "summary").value_or("");
    if (const HeaderField* category = fields.required("category", diagnostics)) {
        page.categoryId = category->value;
        page.categoryLocation = SourceLocation{file.displayName, category->line};
    }
    if (const HeaderField* order = fields.optional("order")) {
        if (const std::optional<std::int64_t> value = parseWholeNumber(order->value, 0, kLargestOrder))
            page.order = *value;
        else
            diagnostics.report(file.displayName, order->line,
                               "'order' must be a whole number (0, 1, 2, ...), found '" + order->value + "'");
    }
    if (const HeaderField* cover = fields.required("cover", diagnostics)) {
        if (checkPictureName(fields, *cover, cover->value, diagnostics)) {
            page.coverName = cover->value;
            page.coverLocation = SourceLocation{file.displayName, cover->line};
        }
    }
    parseGallery(fields, page, diagnostics);
    parseCards(fields, page, diagnostics);
    if (const HeaderField* featured = fields.optional("featured")) {
        if (const std::optional<bool> value = parseYesNo(featured->value))
            page.featured = *value;
        else
            diagnostics.report(file.displayName, featured->line,
                               "'featured' must be yes or no, found '" + featured->value + "'");
    }
    if (const HeaderField* source = fields.optional("source")) {
        page.sourceUrl = source->value;
        if (!isWebLink(source->value))
            diagnostics.report(
                file.displayName, source->line,
                "'source' must be a web link starting with https:// or http://, without spaces");
    }
    if (const HeaderField* poll = fields.optional("poll")) {
        page.pollLocation = SourceLocation{file.displayName, poll->line};
        if (const std::optional<bool> value = parseYesNo(poll->value))
            page.poll = *value;
        else
            diagnostics.report(file.displayName, poll->line,
                               "'poll' must be yes or no, found '" + poll->value + "'");
    }
    readPollQuestion(fields, page.poll, file.displayName, texts, diagnostics);
    if (page.kind == pack::PageKind::Meeting)
        parseMeetingFacts(fields, page, texts, diagnostics);
    if (page.kind == pack::PageKind::Programme)
        parseProgrammeFacts(fields, page, texts, diagnostics);

    std::vector<std::string> allowed = kTextKeys;
    allowed.insert(allowed.end(), kStructuralKeys.begin(), kStructuralKeys.end());
    checkKeys(fields, allowed, page, file.displayName, diagnostics);
    readCaptions(fields, page.gallery.size(), texts);
    readCardTexts(fields, page, parts->separatorLine, texts, diagnostics);
    std::vector<int> blockLines;
    texts.blocks = parseMarkdownBlocks(parts->body, &blockLines);
    checkHeaderLimits(fields, kPageKeys, diagnostics);
    checkBlockLimits(texts.blocks, blockLines, file.displayName, diagnostics);
    collectHeaderTexts(fields, displayed);
    collectBodyLines(parts->body, file.displayName, displayed);
    page.texts[pack.defaultLanguage] = std::move(texts);
    return page;
}

std::optional<PageTexts> parseTranslatedPage(const PageSource& page, const SourceText& file,
                                             const PackSource& pack, Diagnostics& diagnostics,
                                             std::vector<DisplayedText>& displayed) {
    const std::optional<PageFileParts> parts = splitAtSeparator(file, diagnostics);
    if (!parts)
        return std::nullopt;
    const HeaderFields fields = HeaderFields::parse(parts->header, file.displayName, 1, diagnostics);
    const std::string defaultLanguageFile = pack.defaultLanguage + "/" + page.id + ".txt";
    checkKeys(fields, kTextKeys, page, defaultLanguageFile, diagnostics);

    PageTexts texts;
    if (const HeaderField* title = fields.required("title", diagnostics))
        texts.title = title->value;
    texts.summary = optionalValue(fields, "summary");
    texts.place = optionalValue(fields, "place");
    texts.organiser = optionalValue(fields, "organiser");
    texts.provinces = optionalValue(fields, "provinces");
    texts.partners = optionalValue(fields, "partners");
    readPollQuestion(fields, page.poll, defaultLanguageFile, texts, diagnostics);
    readCaptions(fields, page.gallery.size(), texts);
    readCardTexts(fields, page, parts->separatorLine, texts, diagnostics);
    std::vector<int> blockLines;
    texts.blocks = parseMarkdownBlocks(parts->body, &blockLines);
    checkHeaderLimits(fields, kPageKeys, diagnostics);
    checkBlockLimits(texts.blocks, blockLines, file.displayName, diagnostics);
    // The kiosk shows a translated page's body only in that language; an empty one would hide
    // the default-language text behind a blank page.
    const auto& defaultTexts = page.texts.at(pack.defaultLanguage);
    if (texts.blocks.empty() && !defaultTexts.blocks.empty())
        diagnostics.report(file.displayName, parts->separatorLine,
                           "the text after '---' is empty while " + defaultLanguageFile +
                               " has text: translate it, or delete this file to show the " +
                               pack.defaultLanguage + " page");
    collectHeaderTexts(fields, displayed);
    collectBodyLines(parts->body, file.displayName, displayed);
    return texts;
}

} // namespace kiosk::builder
