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
const std::vector<std::string> kStructuralKeys = {"category",   "order",    "kind",   "cover",
                                                  "gallery",    "featured", "source", "period-start",
                                                  "period-end", "starts",   "ends",   "poll"};
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

// The gallery position of a "caption.N" key (0-based), or nothing for other keys.
std::optional<int> captionPosition(const std::string& key) {
    if (!key.starts_with("caption."))
        return std::nullopt;
    const std::optional<std::int64_t> number =
        parseWholeNumber(key.substr(8), 1, static_cast<std::int64_t>(pack::kMaximumGalleryPictures));
    return number ? std::optional<int>(static_cast<int>(*number - 1)) : std::nullopt;
}

// The checks shared by both kinds of page file: unknown keys, keys of another page kind,
// caption numbers. `allowed` is every key valid in this file apart from captions.
void checkKeys(const HeaderFields& fields, const std::vector<std::string>& allowed, pack::PageKind kind,
               std::size_t galleryPictures, const std::string& defaultLanguageFile,
               Diagnostics& diagnostics) {
    for (const HeaderField& field : fields.fields()) {
        const std::string& key = field.key;
        if (key.starts_with("caption.")) {
            const std::optional<int> position = captionPosition(key);
            if (!position)
                diagnostics.report(fields.file(), field.line,
                                   "'" + key + "': captions are numbered from 1, like caption.1");
            else if (static_cast<std::size_t>(*position) >= galleryPictures)
                diagnostics.report(fields.file(), field.line,
                                   "'" + key + "' but the gallery has " + std::to_string(galleryPictures) +
                                       " picture(s)");
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

std::optional<std::string> optionalValue(const HeaderFields& fields, const std::string& key) {
    const HeaderField* field = fields.optional(key);
    return field ? std::optional<std::string>(field->value) : std::nullopt;
}

// Every value the kiosk shows; not file names and machine values.
void collectHeaderTexts(const HeaderFields& fields, std::vector<DisplayedText>& displayed) {
    fields.collectDisplayedValues(displayed,
                                  {"category", "order", "kind", "cover", "gallery", "featured", "poll"});
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
    checkKeys(fields, allowed, page.kind, page.gallery.size(), file.displayName, diagnostics);
    readCaptions(fields, page.gallery.size(), texts);
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
    checkKeys(fields, kTextKeys, page.kind, page.gallery.size(), defaultLanguageFile, diagnostics);

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
