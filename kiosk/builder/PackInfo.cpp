#include "PackInfo.hpp"

#include <set>

namespace kiosk::builder {

namespace {

void printTitles(const pack::LocalizedText& text, const std::vector<pack::Language>& languages,
                 std::ostream& out) {
    for (const pack::Language& language : languages)
        if (const auto found = text.byLanguage.find(language.code); found != text.byLanguage.end())
            out << "      " << language.code << ": " << found->second << '\n';
}

std::string seconds(std::int64_t milliseconds) {
    return std::to_string((milliseconds + 500) / 1000) + " s";
}

void printAudio(const pack::PageSummary& page, std::ostream& out) {
    if (!page.narrations.empty()) {
        out << "      narration:";
        const char* separator = " ";
        for (const auto& [language, clip] : page.narrations) {
            out << separator << language << " (" << (clip.synthetic ? "synthetic, " : "recorded, ")
                << seconds(clip.durationMilliseconds) << ")";
            separator = ", ";
        }
        out << '\n';
    }
    if (page.poll) {
        out << "      poll: ";
        if (page.poll->question.byLanguage.empty())
            out << "the kiosk's question";
        for (const auto& [language, question] : page.poll->question.byLanguage)
            out << (language == page.poll->question.byLanguage.begin()->first ? "" : "; ") << language << ": "
                << question;
        out << '\n';
    }
}

} // namespace

void describePack(const pack::PackReader& reader, std::ostream& out) {
    reader.validateAllPages();
    reader.validateAllAudio();
    const pack::PackIndex& index = reader.index();
    const pack::PackMetadata& metadata = index.metadata;
    out << "pack id:           " << metadata.packId << '\n'
        << "pack version:      " << metadata.packVersion << '\n'
        << "format version:    " << metadata.formatVersion << '\n'
        << "min kiosk version: " << metadata.minimumKioskVersion;
    if (metadata.minimumKioskVersion > KIOSK_VERSION_NUMBER)
        out << " (newer than this kiosk, version " << KIOSK_VERSION_NUMBER << ")";
    out << '\n'
        << "publisher:         " << metadata.publisher << '\n'
        << "created:           " << metadata.created << '\n'
        << "default language:  " << metadata.defaultLanguage << '\n';

    out << "languages (" << index.languages.size() << "):\n";
    for (const pack::Language& language : index.languages)
        out << "  " << language.code << "  " << language.nativeName << "  \"" << language.packTitle << "\""
            << (language.spokenName
                    ? "  (spoken name, " + seconds(language.spokenName->durationMilliseconds) + ")"
                    : "")
            << '\n';

    std::set<std::int64_t> imageIds;
    out << "categories (" << index.categories.size() << "):\n";
    for (const pack::Category& category : index.categories) {
        imageIds.insert(category.imageId);
        out << "  " << category.id << "  (" << index.pagesIn(category.id).size() << " page(s))\n";
        printTitles(category.title, index.languages, out);
    }

    out << "pages (" << index.pages.size() << "):\n";
    for (const pack::PageSummary& page : index.pages) {
        const pack::PageContent content = reader.loadPage(page.id, metadata.defaultLanguage);
        imageIds.insert(page.coverImageId);
        for (const pack::GalleryPicture& picture : content.gallery)
            imageIds.insert(picture.imageId);
        for (const pack::StoryCard& card : content.cards)
            imageIds.insert(card.imageId);
        out << "  " << page.id << "  category " << page.categoryId << ", " << pack::pageKindName(page.kind)
            << ", " << 1 + content.gallery.size() << " picture(s) (cover + " << content.gallery.size()
            << " in gallery)";
        if (!content.cards.empty())
            out << ", " << content.cards.size() << " story cards (" << page.cardNarrations.size()
                << " with recordings)";
        out << (page.featured ? ", featured" : "") << '\n';
        printTitles(page.title, index.languages, out);
        printAudio(page, out);
    }

    std::uint64_t pictureBytes = 0;
    for (const std::int64_t id : imageIds)
        pictureBytes += reader.loadImage(id, pack::ImageSize::Full).bytes.size() +
                        reader.loadImage(id, pack::ImageSize::Thumbnail).bytes.size();
    out << "pictures:          " << imageIds.size() << " (" << pictureBytes
        << " bytes with thumbnails, checksums match)\n";

    std::set<std::int64_t> audioIds;
    for (const pack::Language& language : index.languages)
        if (language.spokenName)
            audioIds.insert(language.spokenName->audioId);
    for (const pack::PageSummary& page : index.pages)
        for (const auto& [language, clip] : page.narrations)
            audioIds.insert(clip.audioId);
    std::uint64_t audioBytes = 0;
    for (const std::int64_t id : audioIds)
        audioBytes += reader.loadAudio(id).bytes.size();
    out << "recordings:        " << audioIds.size() << " (" << audioBytes
        << " bytes, checksums match, all decode)\n";
}

} // namespace kiosk::builder
