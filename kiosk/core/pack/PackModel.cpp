#include "pack/PackModel.hpp"

namespace kiosk::pack {

LocalizedText::Choice LocalizedText::pick(const LanguageCode& language,
                                          const LanguageCode& defaultLanguage) const {
    if (const auto found = byLanguage.find(language); found != byLanguage.end())
        return {&found->second, false};
    if (const auto found = byLanguage.find(defaultLanguage); found != byLanguage.end())
        return {&found->second, true};
    if (!byLanguage.empty())
        return {&byLanguage.begin()->second, true};
    return {};
}

std::string LocalizedText::in(const LanguageCode& language, const LanguageCode& defaultLanguage) const {
    const Choice choice = pick(language, defaultLanguage);
    return choice.text ? *choice.text : std::string();
}

std::vector<const PageSummary*> PackIndex::pagesIn(const std::string& categoryId) const {
    std::vector<const PageSummary*> result;
    for (const PageSummary& page : pages)
        if (page.categoryId == categoryId)
            result.push_back(&page);
    return result;
}

const PageSummary* PackIndex::findPage(const std::string& pageId) const {
    for (const PageSummary& page : pages)
        if (page.id == pageId)
            return &page;
    return nullptr;
}

const Category* PackIndex::findCategory(const std::string& categoryId) const {
    for (const Category& category : categories)
        if (category.id == categoryId)
            return &category;
    return nullptr;
}

const std::string* PagePoll::questionIn(const LanguageCode& language,
                                        const LanguageCode& defaultLanguage) const {
    if (const auto found = question.byLanguage.find(language); found != question.byLanguage.end())
        return &found->second;
    if (const auto found = question.byLanguage.find(defaultLanguage); found != question.byLanguage.end())
        return &found->second;
    return nullptr;
}

const AudioClipInfo* PackIndex::narration(const std::string& pageId, const LanguageCode& language) const {
    const PageSummary* page = findPage(pageId);
    if (!page)
        return nullptr;
    const auto found = page->narrations.find(language);
    return found == page->narrations.end() ? nullptr : &found->second;
}

std::optional<int> AudioClipInfo::blockReadAt(std::int64_t positionMilliseconds) const {
    std::optional<int> block;
    for (const NarrationMark& mark : marks) {
        if (mark.startMilliseconds > positionMilliseconds)
            break;
        block = mark.block;
    }
    return block;
}

const AudioClipInfo* PackIndex::narrationFor(const std::string& pageId, const LanguageCode& language) const {
    const PageSummary* page = findPage(pageId);
    return page ? recordingMatchingText(page->narrations, page->title, language) : nullptr;
}

const AudioClipInfo* PackIndex::cardNarrationFor(const std::string& pageId, int card,
                                                 const LanguageCode& language) const {
    const PageSummary* page = findPage(pageId);
    if (!page)
        return nullptr;
    const auto clips = page->cardNarrations.find(card);
    return clips == page->cardNarrations.end() ? nullptr
                                               : recordingMatchingText(clips->second, page->title, language);
}

const AudioClipInfo* PackIndex::categoryTitleRecordingFor(const std::string& categoryId,
                                                          const LanguageCode& language) const {
    const Category* category = findCategory(categoryId);
    return category ? recordingMatchingText(category->titleRecordings, category->title, language) : nullptr;
}

const AudioClipInfo* PackIndex::pageTitleRecordingFor(const std::string& pageId,
                                                      const LanguageCode& language) const {
    const PageSummary* page = findPage(pageId);
    return page ? recordingMatchingText(page->titleRecordings, page->title, language) : nullptr;
}

// A recording in `language` if there is one (even where the text is not translated: spoken
// minority languages often have no written translation); else, when `text` falls back to the
// default language, the default language's recording. Text translated into `language` without
// a recording in it has none: the default language's would not match what is shown.
const AudioClipInfo* PackIndex::recordingMatchingText(const std::map<LanguageCode, AudioClipInfo>& recordings,
                                                      const LocalizedText& text,
                                                      const LanguageCode& language) const {
    if (const auto found = recordings.find(language); found != recordings.end())
        return &found->second;
    if (text.byLanguage.contains(language))
        return nullptr;
    const auto found = recordings.find(metadata.defaultLanguage);
    return found == recordings.end() ? nullptr : &found->second;
}

const PagePoll* PackIndex::poll(const std::string& pageId) const {
    const PageSummary* page = findPage(pageId);
    return page && page->poll ? &*page->poll : nullptr;
}

const Language* PackIndex::findLanguage(const LanguageCode& code) const {
    for (const Language& language : languages)
        if (language.code == code)
            return &language;
    return nullptr;
}

const AudioClipInfo* PackIndex::spokenName(const LanguageCode& code) const {
    const Language* language = findLanguage(code);
    return language && language->spokenName ? &*language->spokenName : nullptr;
}

std::vector<std::int64_t> PackIndex::featuredImageIds() const {
    std::vector<std::int64_t> result;
    for (const PageSummary& page : pages)
        if (page.featured)
            result.push_back(page.coverImageId);
    if (result.empty())
        for (const PageSummary& page : pages)
            result.push_back(page.coverImageId);
    return result;
}

const char* pageKindName(PageKind kind) {
    switch (kind) {
    case PageKind::Article:
        return "article";
    case PageKind::Programme:
        return "programme";
    case PageKind::Meeting:
        return "meeting";
    }
    return "article";
}

std::optional<PageKind> pageKindFromName(const std::string& name) {
    if (name == "article")
        return PageKind::Article;
    if (name == "programme")
        return PageKind::Programme;
    if (name == "meeting")
        return PageKind::Meeting;
    return std::nullopt;
}

const char* blockKindName(BlockKind kind) {
    switch (kind) {
    case BlockKind::Heading:
        return "heading";
    case BlockKind::Paragraph:
        return "paragraph";
    case BlockKind::Bullet:
        return "bullet";
    }
    return "paragraph";
}

std::optional<BlockKind> blockKindFromName(const std::string& name) {
    if (name == "heading")
        return BlockKind::Heading;
    if (name == "paragraph")
        return BlockKind::Paragraph;
    if (name == "bullet")
        return BlockKind::Bullet;
    return std::nullopt;
}

const char* pollAnswerName(PollAnswer answer) {
    switch (answer) {
    case PollAnswer::Unhappy:
        return "unhappy";
    case PollAnswer::Neutral:
        return "neutral";
    case PollAnswer::Happy:
        return "happy";
    }
    return "neutral";
}

std::optional<PollAnswer> pollAnswerFromName(const std::string& name) {
    for (const PollAnswer answer : kAllPollAnswers)
        if (name == pollAnswerName(answer))
            return answer;
    return std::nullopt;
}

} // namespace kiosk::pack
