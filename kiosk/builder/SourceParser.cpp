#include "SourceParser.hpp"

#include "PackFileParser.hpp"
#include "PageFileParser.hpp"
#include "SourceFolder.hpp"
#include "SourceLimits.hpp"
#include "SourceRules.hpp"
#include "SourceText.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kiosk::builder {

namespace {

constexpr const char* kPackFileName = "pack.txt";
constexpr const char* kCategoriesFileName = "categories.txt";
constexpr const char* kImagesFolderName = "images";
constexpr const char* kSpokenNamesFolderName = "names";
constexpr const char* kRecordingExtension = ".ogg";
constexpr const char* kTimingsSuffix = ".timings.txt";

std::string lowercase(std::string text) {
    for (char& character : text)
        if (character >= 'A' && character <= 'Z')
            character = static_cast<char>(character - 'A' + 'a');
    return text;
}

// <page-id>.card-<N>.ogg: the recording of a page's story card N (numbered from 1).
struct CardRecordingName {
    std::string pageId;
    int position = 0; // 0-based
};

std::optional<CardRecordingName> cardRecordingName(const std::string& fileName) {
    const std::string marker = ".card-";
    if (!fileName.ends_with(kRecordingExtension))
        return std::nullopt;
    const std::string stem =
        fileName.substr(0, fileName.size() - std::string_view(kRecordingExtension).size());
    const std::size_t at = stem.rfind(marker);
    if (at == std::string::npos || !isValidItemId(stem.substr(0, at)))
        return std::nullopt;
    const std::optional<std::int64_t> number =
        parseWholeNumber(stem.substr(at + marker.size()), 1, pack::kMaximumStoryCards);
    if (!number)
        return std::nullopt;
    return CardRecordingName{stem.substr(0, at), static_cast<int>(*number - 1)};
}

// <id>.title.ogg: the spoken title of the page or category `id`; nullopt for other names.
std::optional<std::string> titleRecordingOwner(const std::string& fileName) {
    const std::string suffix = std::string(".title") + kRecordingExtension;
    if (!fileName.ends_with(suffix))
        return std::nullopt;
    const std::string id = fileName.substr(0, fileName.size() - suffix.size());
    return isValidItemId(id) ? std::optional(id) : std::nullopt;
}

// The files of one language folder: page texts and narration recordings, by page id.
struct LanguageFolderFiles {
    std::map<std::string, FolderEntry> pages;
    std::map<std::string, FolderEntry> recordings;
    std::map<std::string, FolderEntry> titleRecordings;                // by page or category id
    std::map<std::string, FolderEntry> timings;                        // by page id
    std::map<std::pair<std::string, int>, FolderEntry> cardRecordings; // by page id and 0-based card
};

class SourceFolderParser {
  public:
    SourceFolderParser(const std::filesystem::path& root, Diagnostics& diagnostics)
        : root_(root), diagnostics_(diagnostics) {}

    PackSourceTree parse() {
        std::error_code error;
        if (!std::filesystem::is_directory(root_, error)) {
            diagnostics_.report(root_.string(), 0, "not a folder");
            return std::move(tree_);
        }
        const std::vector<FolderEntry> entries = listSourceFolder(root_, root_.string(), diagnostics_);
        const std::optional<SourceText> packFile = readRequiredFile(entries, kPackFileName);
        if (!packFile)
            return std::move(tree_);
        std::optional<PackSource> pack = parsePackFile(*packFile, diagnostics_, tree_.displayedTexts);
        if (!pack)
            return std::move(tree_);
        tree_.pack = std::move(*pack);
        if (const std::optional<SourceText> categoriesFile = readRequiredFile(entries, kCategoriesFileName))
            tree_.categories =
                parseCategoriesFile(*categoriesFile, tree_.pack, diagnostics_, tree_.displayedTexts);
        readFolders(entries);
        checkCategoriesOfPages();
        checkPictureReferences();
        return std::move(tree_);
    }

  private:
    std::string display(const std::filesystem::path& relative) const { return (root_ / relative).string(); }

    const FolderEntry* findEntry(const std::vector<FolderEntry>& entries, const std::string& name) const {
        const auto found = std::find_if(entries.begin(), entries.end(),
                                        [&](const FolderEntry& entry) { return entry.name == name; });
        return found == entries.end() ? nullptr : &*found;
    }

    std::optional<SourceText> readRequiredFile(const std::vector<FolderEntry>& entries,
                                               const std::string& name) {
        const FolderEntry* entry = findEntry(entries, name);
        if (!entry) {
            diagnostics_.report(display(name), 0, "missing: every pack source needs " + name);
            return std::nullopt;
        }
        if (entry->type != FolderEntry::Type::RegularFile) {
            diagnostics_.report(display(name), 0, "not a regular file (symbolic links are not followed)");
            return std::nullopt;
        }
        return readSourceText(entry->path, display(name), diagnostics_);
    }

    bool isDeclaredLanguage(const std::string& code) const {
        return std::any_of(tree_.pack.languages.begin(), tree_.pack.languages.end(),
                           [&](const LanguageSource& language) { return language.code == code; });
    }

    void readFolders(const std::vector<FolderEntry>& entries) {
        std::map<std::string, std::filesystem::path> languageFolders;
        for (const FolderEntry& entry : entries) {
            if (entry.type != FolderEntry::Type::Directory) {
                const bool meantAsFolder = entry.name == kImagesFolderName ||
                                           entry.name == kSpokenNamesFolderName ||
                                           isDeclaredLanguage(entry.name);
                if (meantAsFolder && entry.type == FolderEntry::Type::Other)
                    diagnostics_.report(display(entry.name), 0,
                                        "not a folder (symbolic links are not followed)");
                continue; // other files beside pack.txt are the officer's notes; they are not read
            }
            if (entry.name == kImagesFolderName)
                readImagesFolder(entry.path);
            else if (entry.name == kSpokenNamesFolderName)
                readSpokenNamesFolder(entry.path);
            else if (isDeclaredLanguage(entry.name))
                languageFolders[entry.name] = entry.path;
            else if (isLanguageCode(entry.name))
                diagnostics_.report(display(entry.name), 0,
                                    "a folder for language '" + entry.name +
                                        "', which is not declared in pack.txt (languages: " +
                                        declaredLanguagesText(tree_.pack) + ")");
            else
                diagnostics_.report(
                    display(entry.name), 0,
                    "unknown folder: a pack source holds only images/, names/ and one folder per language "
                    "(" +
                        declaredLanguagesText(tree_.pack) + ")");
        }
        const std::string& defaultLanguage = tree_.pack.defaultLanguage;
        const auto defaultFolder = languageFolders.find(defaultLanguage);
        if (defaultFolder == languageFolders.end()) {
            diagnostics_.report(display(defaultLanguage), 0,
                                "missing folder: the pages in the default language live here");
            return;
        }
        std::map<std::string, LanguageFolderFiles> files;
        for (const auto& [language, folder] : languageFolders)
            files[language] = listLanguageFolder(folder, language);
        readDefaultLanguagePages(files[defaultLanguage].pages);
        for (const auto& [language, folderFiles] : files)
            if (language != defaultLanguage)
                readTranslations(language, folderFiles.pages);
        for (const auto& [language, folderFiles] : files) {
            attachRecordings(language, folderFiles.recordings);
            attachCardRecordings(language, folderFiles.cardRecordings);
            attachTitleRecordings(language, folderFiles.titleRecordings);
            attachTimings(language, folderFiles.timings);
        }
    }

    // The page files and recordings of a language folder, by page id.
    LanguageFolderFiles listLanguageFolder(const std::filesystem::path& folder, const std::string& language) {
        LanguageFolderFiles files;
        for (const FolderEntry& entry : listSourceFolder(folder, display(language), diagnostics_)) {
            const std::string shownName = display(std::filesystem::path(language) / entry.name);
            if (isToolLeftover(entry.name))
                continue;
            if (entry.type == FolderEntry::Type::Directory) {
                diagnostics_.report(shownName, 0, "folders inside a language folder are not read");
                continue;
            }
            const bool isRecording = entry.name.ends_with(kRecordingExtension);
            if (!entry.name.ends_with(".txt") && !isRecording) {
                diagnostics_.report(
                    shownName, 0,
                    "only page files named <page-id>.txt, timings named <page-id>.timings.txt "
                    "and recordings named <page-id>.ogg, <page-id>.card-<N>.ogg or "
                    "<id>.title.ogg belong in a language folder");
                continue;
            }
            if (entry.type != FolderEntry::Type::RegularFile) {
                diagnostics_.report(shownName, 0, "not a regular file (symbolic links are not followed)");
                continue;
            }
            if (const std::optional<CardRecordingName> card = cardRecordingName(entry.name)) {
                files.cardRecordings.emplace(std::pair{card->pageId, card->position}, entry);
                continue;
            }
            if (const std::optional<std::string> owner = titleRecordingOwner(entry.name)) {
                files.titleRecordings.emplace(*owner, entry);
                continue;
            }
            if (entry.name.ends_with(kTimingsSuffix) &&
                isValidItemId(
                    entry.name.substr(0, entry.name.size() - std::string_view(kTimingsSuffix).size()))) {
                files.timings.emplace(
                    entry.name.substr(0, entry.name.size() - std::string_view(kTimingsSuffix).size()), entry);
                continue;
            }
            const std::string extension = isRecording ? kRecordingExtension : ".txt";
            const std::string pageId = entry.name.substr(0, entry.name.size() - extension.size());
            if (!isValidItemId(pageId)) {
                diagnostics_.report(shownName, 0,
                                    "a page file name may only hold lowercase letters, digits, '-' and '_' "
                                    "before " +
                                        extension);
                continue;
            }
            (isRecording ? files.recordings : files.pages).emplace(pageId, entry);
        }
        return files;
    }

    void readDefaultLanguagePages(const std::map<std::string, FolderEntry>& pageFiles) {
        const std::string& language = tree_.pack.defaultLanguage;
        for (const auto& [pageId, entry] : pageFiles) {
            defaultPageIds_.insert(pageId);
            const std::string shownName = display(std::filesystem::path(language) / entry.name);
            const std::optional<SourceText> file = readSourceText(entry.path, shownName, diagnostics_);
            if (!file)
                continue;
            std::optional<PageSource> page =
                parseDefaultLanguagePage(pageId, *file, tree_.pack, diagnostics_, tree_.displayedTexts);
            if (page)
                tree_.pages.push_back(std::move(*page));
        }
        if (defaultPageIds_.empty())
            diagnostics_.report(display(language), 0, "no pages: add at least one <page-id>.txt file");
        checkSourceCount(pack::Limit::Pages, defaultPageIds_.size(), SourceLocation{display(language), 0},
                         diagnostics_, "split it into several packs");
    }

    void readTranslations(const std::string& language, const std::map<std::string, FolderEntry>& pageFiles) {
        for (const auto& [pageId, entry] : pageFiles) {
            const std::string shownName = display(std::filesystem::path(language) / entry.name);
            if (!defaultPageIds_.contains(pageId)) {
                diagnostics_.report(shownName, 1,
                                    "there is no page '" + pageId + "' in the default language: " +
                                        tree_.pack.defaultLanguage + "/" + entry.name + " does not exist");
                continue;
            }
            PageSource* page = findParsedPage(pageId);
            if (!page)
                continue; // the default-language file has its own problems; fix those first
            const std::optional<SourceText> file = readSourceText(entry.path, shownName, diagnostics_);
            if (!file)
                continue;
            std::optional<PageTexts> texts =
                parseTranslatedPage(*page, *file, tree_.pack, diagnostics_, tree_.displayedTexts);
            if (texts)
                page->texts[language] = std::move(*texts);
        }
    }

    PageSource* findParsedPage(const std::string& pageId) {
        const auto page = std::find_if(tree_.pages.begin(), tree_.pages.end(),
                                       [&](const PageSource& candidate) { return candidate.id == pageId; });
        return page == tree_.pages.end() ? nullptr : &*page;
    }

    // The page a language folder's file `relative` belongs to. A page the default language lacks
    // is reported (`what` names the file: "a narration"); a page whose own file has problems is
    // not, and gives null too: those are reported already.
    PageSource* parsedPageFor(const std::string& pageId, const std::string& relative,
                              const std::string& what) {
        if (!defaultPageIds_.contains(pageId)) {
            diagnostics_.report(display(relative), 0,
                                what + " for page '" + pageId + "', but there is no " +
                                    tree_.pack.defaultLanguage + "/" + pageId + ".txt");
            return nullptr;
        }
        return findParsedPage(pageId);
    }

    // <lang>/<page-id>.ogg: the page must exist in the default language; its text need not
    // be translated into <lang> (a recording in a spoken-only language is welcome).
    void attachRecordings(const std::string& language, const std::map<std::string, FolderEntry>& recordings) {
        for (const auto& [pageId, entry] : recordings) {
            const std::string relative = language + "/" + entry.name;
            if (PageSource* page = parsedPageFor(pageId, relative, "a narration"))
                page->recordings[language] = AudioSourceFile{entry.path, display(relative), relative};
        }
    }

    // <lang>/<page-id>.card-<N>.ogg: the page must have a card N. Like a page's narration, a
    // card's recording may be in a language the page's text is not translated into.
    void attachCardRecordings(const std::string& language,
                              const std::map<std::pair<std::string, int>, FolderEntry>& recordings) {
        for (const auto& [key, entry] : recordings) {
            const auto& [pageId, position] = key;
            const std::string relative = language + "/" + entry.name;
            PageSource* page = parsedPageFor(pageId, relative, "a card recording");
            if (!page)
                continue;
            if (static_cast<std::size_t>(position) >= page->cards.size()) {
                diagnostics_.report(display(relative), 0,
                                    "a recording for card " + std::to_string(position + 1) + " of page '" +
                                        pageId + "', which has " + std::to_string(page->cards.size()) +
                                        " story cards");
                continue;
            }
            page->cardRecordings[{position, language}] =
                AudioSourceFile{entry.path, display(relative), relative};
        }
    }

    // <lang>/<id>.title.ogg: the title of page or category `id`, spoken. An id that names both
    // a page and a category is refused: the file could be either's.
    void attachTitleRecordings(const std::string& language,
                               const std::map<std::string, FolderEntry>& recordings) {
        for (const auto& [id, entry] : recordings) {
            const std::string relative = language + "/" + entry.name;
            const AudioSourceFile file{entry.path, display(relative), relative};
            PageSource* page = findParsedPage(id);
            const auto category =
                std::find_if(tree_.categories.begin(), tree_.categories.end(),
                             [&id = id](const CategorySource& candidate) { return candidate.id == id; });
            const bool isPage = defaultPageIds_.contains(id);
            const bool isCategory = category != tree_.categories.end();
            if (isPage && isCategory)
                diagnostics_.report(display(relative), 0,
                                    "'" + id +
                                        "' is both a page and a category, so this title could be "
                                        "either's: give one of them another id");
            else if (isCategory)
                category->titleRecordings[language] = file;
            else if (page)
                page->titleRecordings[language] = file;
            else if (!isPage)
                diagnostics_.report(display(relative), 0,
                                    "a spoken title for '" + id + "', but there is no page " +
                                        tree_.pack.defaultLanguage + "/" + id +
                                        ".txt and no category of that id in categories.txt");
        }
    }

    // <lang>/<page-id>.timings.txt: the page must have a recording in <lang> (the times are its)
    // and a text in <lang> (they say where each of its blocks starts).
    void attachTimings(const std::string& language, const std::map<std::string, FolderEntry>& timings) {
        for (const auto& [pageId, entry] : timings) {
            const std::string relative = language + "/" + entry.name;
            PageSource* page = parsedPageFor(pageId, relative, "timings");
            if (!page)
                continue;
            if (!page->recordings.contains(language))
                diagnostics_.report(display(relative), 0,
                                    "timings without a recording: add " + language + "/" + pageId +
                                        ".ogg, whose blocks these times mark");
            else if (!page->texts.contains(language))
                diagnostics_.report(display(relative), 0,
                                    "timings for a page with no text in '" + language + "' (" + language +
                                        "/" + pageId + ".txt): there are no blocks to mark");
            else
                page->narrationTimings[language] = TimingsSourceFile{entry.path, display(relative)};
        }
    }

    // names/<lang>.ogg: a declared language's name, spoken.
    void readSpokenNamesFolder(const std::filesystem::path& folder) {
        for (const FolderEntry& entry :
             listSourceFolder(folder, display(kSpokenNamesFolderName), diagnostics_)) {
            if (isToolLeftover(entry.name))
                continue;
            const std::string relative = std::string(kSpokenNamesFolderName) + "/" + entry.name;
            const std::string code = entry.name.ends_with(kRecordingExtension)
                                         ? entry.name.substr(0, entry.name.size() - 4)
                                         : std::string();
            if (entry.type != FolderEntry::Type::RegularFile)
                diagnostics_.report(display(relative), 0,
                                    "not a regular file (symbolic links are not followed)");
            else if (code.empty())
                diagnostics_.report(display(relative), 0,
                                    "only recordings named <language>.ogg (like vie.ogg) belong in names/");
            else if (!isDeclaredLanguage(code))
                diagnostics_.report(display(relative), 0,
                                    "the spoken name of language '" + code +
                                        "', which is not declared in pack.txt (languages: " +
                                        declaredLanguagesText(tree_.pack) + ")");
            else
                tree_.spokenNameFiles[code] = AudioSourceFile{entry.path, display(relative), relative};
        }
    }

    void readImagesFolder(const std::filesystem::path& folder) {
        for (const FolderEntry& entry : listSourceFolder(folder, display(kImagesFolderName), diagnostics_))
            if (entry.type == FolderEntry::Type::RegularFile)
                tree_.imageFiles[entry.name] = entry.path;
            else
                unusableImageNames_.insert(entry.name);
    }

    void checkCategoriesOfPages() {
        std::string knownIds;
        for (const CategorySource& category : tree_.categories)
            knownIds += (knownIds.empty() ? "" : ", ") + category.id;
        for (const PageSource& page : tree_.pages) {
            const bool known =
                std::any_of(tree_.categories.begin(), tree_.categories.end(),
                            [&](const CategorySource& category) { return category.id == page.categoryId; });
            if (!known && !page.categoryId.empty())
                diagnostics_.report(page.categoryLocation, "unknown category '" + page.categoryId +
                                                               "' (categories.txt has: " + knownIds + ")");
        }
    }

    void checkPicture(const std::string& name, const SourceLocation& location) {
        if (name.empty() || tree_.imageFiles.contains(name))
            return;
        if (unusableImageNames_.contains(name)) {
            diagnostics_.report(location,
                                "picture '" + name +
                                    "' in images/ is not a regular file (symbolic links are not followed)");
            return;
        }
        std::string message = "missing picture '" + name + "': there is no such file in images/";
        for (const auto& [existing, path] : tree_.imageFiles)
            if (lowercase(existing) == lowercase(name))
                message += " (there is '" + existing + "': names must match exactly, including capitals)";
        diagnostics_.report(location, message);
    }

    void checkPictureReferences() {
        for (const LanguageSource& language : tree_.pack.languages)
            if (!language.pictureName.empty())
                checkPicture(language.pictureName, language.pictureLocation);
        for (const CategorySource& category : tree_.categories)
            checkPicture(category.imageName, category.imageLocation);
        for (const PageSource& page : tree_.pages) {
            checkPicture(page.coverName, page.coverLocation);
            for (const GallerySource& picture : page.gallery)
                checkPicture(picture.imageName, picture.imageLocation);
            for (const CardSource& card : page.cards)
                checkPicture(card.imageName, card.imageLocation);
        }
    }

    std::filesystem::path root_;
    Diagnostics& diagnostics_;
    PackSourceTree tree_;
    std::set<std::string> defaultPageIds_;
    std::set<std::string> unusableImageNames_;
};

} // namespace

PackSourceTree parseSourceFolder(const std::filesystem::path& sourceFolder, Diagnostics& diagnostics) {
    return SourceFolderParser(sourceFolder, diagnostics).parse();
}

} // namespace kiosk::builder
