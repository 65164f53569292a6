#include "PackFileParser.hpp"

#include "HeaderFields.hpp"
#include "SourceLimits.hpp"
#include "SourceRules.hpp"

#include <algorithm>
#include <map>

namespace kiosk::builder {

namespace {

constexpr std::int64_t kLargestVersion = 1'000'000'000;

bool isDeclared(const PackSource& pack, const std::string& language) {
    return std::any_of(pack.languages.begin(), pack.languages.end(),
                       [&](const LanguageSource& declared) { return declared.code == language; });
}

std::vector<std::string> localizedKeyNames(const std::vector<std::string>& fixedKeys,
                                           const std::vector<std::string>& prefixes, const PackSource& pack) {
    std::vector<std::string> names = fixedKeys;
    for (const std::string& prefix : prefixes)
        for (const LanguageSource& language : pack.languages)
            names.push_back(prefix + "." + language.code);
    return names;
}

// Refuses keys outside `fixedKeys` and `<prefix>.<declared language>`.
void refuseUnknownKeys(const HeaderFields& fields, const std::vector<std::string>& fixedKeys,
                       const std::vector<std::string>& localizedPrefixes, const PackSource& pack,
                       Diagnostics& diagnostics) {
    for (const HeaderField& field : fields.fields()) {
        if (std::find(fixedKeys.begin(), fixedKeys.end(), field.key) != fixedKeys.end())
            continue;
        const std::optional<LocalizedKey> localized = splitLocalizedKey(field.key);
        const bool knownPrefix = localized && std::find(localizedPrefixes.begin(), localizedPrefixes.end(),
                                                        localized->name) != localizedPrefixes.end();
        if (knownPrefix && isDeclared(pack, localized->language))
            continue;
        if (knownPrefix && isLanguageCode(localized->language)) {
            diagnostics.report(
                fields.file(), field.line,
                "language '" + localized->language +
                    "' is not declared in pack.txt (languages: " + declaredLanguagesText(pack) + ")");
            continue;
        }
        diagnostics.report(
            fields.file(), field.line,
            unknownKeyMessage(field.key, localizedKeyNames(fixedKeys, localizedPrefixes, pack)));
    }
}

std::optional<std::int64_t> wholeNumberField(const HeaderFields& fields, const std::string& key,
                                             Diagnostics& diagnostics) {
    const HeaderField* field = fields.required(key, diagnostics);
    if (!field)
        return std::nullopt;
    const std::optional<std::int64_t> value = parseWholeNumber(field->value, 1, kLargestVersion);
    if (!value)
        diagnostics.report(fields.file(), field->line,
                           "'" + key + "' must be a whole number of at least 1, found '" + field->value +
                               "'");
    return value;
}

// Fills pack.languages and pack.defaultLanguage; false when they are unusable.
bool parseLanguages(const HeaderFields& fields, PackSource& pack, Diagnostics& diagnostics) {
    const HeaderField* list = fields.required("languages", diagnostics);
    if (list) {
        std::vector<std::string> codes;
        for (const std::string& code : splitCommaList(list->value)) {
            if (!isLanguageCode(code))
                diagnostics.report(fields.file(), list->line,
                                   "'" + code +
                                       "' is not an ISO 639-3 language code (three lowercase letters, "
                                       "like vie or eng)");
            else if (std::find(codes.begin(), codes.end(), code) != codes.end())
                diagnostics.report(fields.file(), list->line, "language '" + code + "' is listed twice");
            else
                codes.push_back(code);
        }
        for (const std::string& code : codes)
            pack.languages.push_back(LanguageSource{code, {}, {}, {}, {}});
        checkSourceCount(pack::Limit::Languages, codes.size(), SourceLocation{fields.file(), list->line},
                         diagnostics);
    }
    const HeaderField* defaultLanguage = fields.required("default-language", diagnostics);
    if (!defaultLanguage || !list)
        return false;
    if (!isDeclared(pack, defaultLanguage->value)) {
        diagnostics.report(fields.file(), defaultLanguage->line,
                           "the default language '" + defaultLanguage->value + "' is not in 'languages'");
        return false;
    }
    // The list is the pills' order, which need not start with the default language: a pack
    // for a Hmong village may put Hmong first and still fall back to Vietnamese.
    pack.defaultLanguage = defaultLanguage->value;
    return true;
}

// `narrate-missing: yes`, `no`, or the languages to synthesise, comma-separated.
void parseNarrateMissing(const HeaderFields& fields, PackSource& pack, Diagnostics& diagnostics) {
    const HeaderField* field = fields.optional("narrate-missing");
    if (!field)
        return;
    pack.narrateMissingLocation = SourceLocation{fields.file(), field->line};
    if (const std::optional<bool> all = parseYesNo(field->value)) {
        if (*all)
            for (const LanguageSource& language : pack.languages)
                pack.narrateMissing.push_back(language.code);
        return;
    }
    pack.narrateMissingListed = true;
    for (const std::string& code : splitCommaList(field->value)) {
        if (!isDeclared(pack, code))
            diagnostics.report(fields.file(), field->line,
                               "'narrate-missing' must be yes, no, or languages of this pack (" +
                                   declaredLanguagesText(pack) + "), found '" + code + "'");
        else if (std::find(pack.narrateMissing.begin(), pack.narrateMissing.end(), code) ==
                 pack.narrateMissing.end())
            pack.narrateMissing.push_back(code);
    }
}

} // namespace

std::string declaredLanguagesText(const PackSource& pack) {
    std::string text;
    for (const LanguageSource& language : pack.languages)
        text += (text.empty() ? "" : ", ") + language.code;
    return text;
}

std::optional<PackSource> parsePackFile(const SourceText& file, Diagnostics& diagnostics,
                                        std::vector<DisplayedText>& displayed) {
    const HeaderFields fields = HeaderFields::parse(file.lines, file.displayName, 1, diagnostics);
    PackSource pack;
    if (!parseLanguages(fields, pack, diagnostics))
        return std::nullopt;

    if (const HeaderField* id = fields.required("id", diagnostics)) {
        pack.packId = id->value;
        if (!isValidPackId(id->value))
            diagnostics.report(
                file.displayName, id->line,
                "the pack id may only hold ASCII letters, digits, '.' and '-' (like vn.commune.demo)");
    }
    pack.packVersion = wholeNumberField(fields, "version", diagnostics).value_or(0);
    pack.minimumKioskVersion = wholeNumberField(fields, "min-kiosk-version", diagnostics).value_or(0);
    if (const HeaderField* publisher = fields.required("publisher", diagnostics))
        pack.publisher = publisher->value;
    if (const HeaderField* created = fields.required("created", diagnostics)) {
        pack.created = created->value;
        if (!isCalendarDate(created->value))
            diagnostics.report(file.displayName, created->line,
                               "'created' must be a date written YYYY-MM-DD, found '" + created->value + "'");
    }

    const HeaderField* defaultTitle = fields.required("title." + pack.defaultLanguage, diagnostics);
    for (LanguageSource& language : pack.languages) {
        if (const HeaderField* name = fields.required("name." + language.code, diagnostics))
            language.nativeName = name->value;
        const HeaderField* title = fields.optional("title." + language.code);
        if (title)
            language.packTitle = title->value;
        else if (defaultTitle)
            language.packTitle = defaultTitle->value;
        if (const HeaderField* picture = fields.optional("picture." + language.code)) {
            if (const std::optional<std::string> problem = pictureNameProblem(picture->value)) {
                diagnostics.report(file.displayName, picture->line, *problem);
            } else {
                language.pictureName = picture->value;
                language.pictureLocation = SourceLocation{file.displayName, picture->line};
            }
        }
    }
    parseNarrateMissing(fields, pack, diagnostics);
    checkHeaderLimits(fields, kPackFileKeys, diagnostics);
    refuseUnknownKeys(fields,
                      {"id", "version", "min-kiosk-version", "publisher", "created", "default-language",
                       "languages", "narrate-missing"},
                      {"name", "title", "picture"}, pack, diagnostics);
    fields.collectDisplayedValues(
        displayed,
        {"id", "version", "min-kiosk-version", "created", "default-language", "languages", "narrate-missing"},
        {"picture"});
    return pack;
}

std::vector<CategorySource> parseCategoriesFile(const SourceText& file, const PackSource& pack,
                                                Diagnostics& diagnostics,
                                                std::vector<DisplayedText>& displayed) {
    // Blocks are separated by blank lines; '#' comment lines belong to no block.
    std::vector<std::vector<SourceLine>> blocks(1);
    for (const SourceLine& line : file.lines) {
        const std::string text = trimSpaces(line.text);
        if (text.empty()) {
            if (!blocks.back().empty())
                blocks.emplace_back();
        } else if (text.front() != '#') {
            blocks.back().push_back(line);
        }
    }
    std::vector<CategorySource> categories;
    std::map<std::string, int> lineOfCategory;
    for (const std::vector<SourceLine>& block : blocks) {
        if (block.empty())
            continue;
        const HeaderFields fields =
            HeaderFields::parse(block, file.displayName, block.front().number, diagnostics);
        CategorySource category;
        if (const HeaderField* id = fields.required("id", diagnostics)) {
            category.id = id->value;
            if (!isValidItemId(id->value))
                diagnostics.report(file.displayName, id->line,
                                   "a category id may only hold lowercase letters, digits, '-' and '_'");
            else if (const auto [first, inserted] = lineOfCategory.emplace(id->value, id->line); !inserted)
                diagnostics.report(file.displayName, id->line,
                                   "duplicate category id '" + id->value + "' (first on line " +
                                       std::to_string(first->second) + ")");
        }
        if (const HeaderField* image = fields.required("image", diagnostics)) {
            if (const std::optional<std::string> problem = pictureNameProblem(image->value)) {
                diagnostics.report(file.displayName, image->line, *problem);
            } else {
                category.imageName = image->value;
                category.imageLocation = SourceLocation{file.displayName, image->line};
            }
        }
        fields.required("title." + pack.defaultLanguage, diagnostics);
        for (const LanguageSource& language : pack.languages)
            if (const HeaderField* title = fields.optional("title." + language.code))
                category.titles[language.code] = title->value;
        refuseUnknownKeys(fields, {"id", "image"}, {"title"}, pack, diagnostics);
        checkHeaderLimits(fields, kCategoryKeys, diagnostics);
        fields.collectDisplayedValues(displayed, {"id", "image"});
        categories.push_back(std::move(category));
        // Reported once, at the first category over the limit.
        if (categories.size() == static_cast<std::size_t>(pack::kMaximumCategories) + 1)
            checkSourceCount(pack::Limit::Categories, categories.size(),
                             SourceLocation{file.displayName, block.front().number}, diagnostics,
                             "home shows them all; group them into fewer");
    }
    if (categories.empty())
        diagnostics.report(file.displayName, 0, "no categories: the home screen needs at least one");
    return categories;
}

} // namespace kiosk::builder
