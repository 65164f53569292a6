#include "PackBuilder.hpp"

#include "Diagnostics.hpp"
#include "FontCoverage.hpp"
#include "ImageProcessing.hpp"
#include "PackAudio.hpp"
#include "PackWriter.hpp"
#include "SourceLimits.hpp"
#include "SourceParser.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"
#include "pack/PackTextTotal.hpp"

#include <limits>
#include <map>
#include <set>

namespace kiosk::builder {

namespace {

// Each picture once, with the first place that uses it (for messages about the file itself).
std::map<std::string, SourceLocation> referencedPictures(const PackSourceTree& tree) {
    std::map<std::string, SourceLocation> pictures;
    for (const LanguageSource& language : tree.pack.languages)
        if (!language.pictureName.empty())
            pictures.emplace(language.pictureName, language.pictureLocation);
    for (const CategorySource& category : tree.categories)
        pictures.emplace(category.imageName, category.imageLocation);
    for (const PageSource& page : tree.pages) {
        pictures.emplace(page.coverName, page.coverLocation);
        for (const GallerySource& picture : page.gallery)
            pictures.emplace(picture.imageName, picture.imageLocation);
        for (const CardSource& card : page.cards)
            pictures.emplace(card.imageName, card.imageLocation);
    }
    return pictures;
}

// Decodes and scales every picture. Once the source has other problems only the headers are
// checked: the officer gets the whole list quickly and the slow work waits for a clean source.
std::map<std::string, ProcessedImage> processPictures(const PackSourceTree& tree, Diagnostics& diagnostics) {
    const bool checkHeadersOnly = !diagnostics.empty();
    std::map<std::string, ProcessedImage> processed;
    for (const auto& [name, location] : referencedPictures(tree)) {
        const auto file = tree.imageFiles.find(name);
        if (file == tree.imageFiles.end())
            continue; // already reported as missing
        try {
            const std::vector<std::uint8_t> bytes = os::readWholeFile(file->second, pack::kMaximumImageBytes);
            if (checkHeadersOnly)
                image::probeImage(bytes, kSourceImageLimits);
            else
                processed.emplace(name, processImage(bytes));
        } catch (const std::exception& error) {
            diagnostics.report(location, "picture '" + name + "': " + error.what());
        }
    }
    return processed;
}

// The kiosk's reader is the final judge of a pack; a pack it refuses would be a builder bug,
// and is better found here than on a commune office's screen.
void checkWithReader(const std::vector<std::uint8_t>& bytes) {
    const pack::PackReader reader =
        pack::PackReader::openMemory(bytes, std::numeric_limits<std::int64_t>::max());
    reader.validateAllPages();
    std::set<std::int64_t> imageIds;
    for (const pack::Category& category : reader.index().categories)
        imageIds.insert(category.imageId);
    for (const pack::PageSummary& page : reader.index().pages) {
        imageIds.insert(page.coverImageId);
        const pack::PageContent content = reader.loadPage(page.id, reader.metadata().defaultLanguage);
        for (const pack::GalleryPicture& picture : content.gallery)
            imageIds.insert(picture.imageId);
        for (const pack::StoryCard& card : content.cards)
            imageIds.insert(card.imageId);
    }
    for (const std::int64_t id : imageIds) {
        reader.loadImage(id, pack::ImageSize::Full);
        reader.loadImage(id, pack::ImageSize::Thumbnail);
    }
    reader.validateAllAudio();
}

BuildResult failed(std::vector<std::string> problems) {
    BuildResult result;
    result.problems = std::move(problems);
    return result;
}

} // namespace

std::vector<std::filesystem::path> defaultFontFiles() {
    const std::filesystem::path regular = KIOSK_DEFAULT_FONT;
    return {regular, regular.parent_path() / "NotoSans-Bold.ttf"};
}

BuildResult buildPack(const BuildOptions& options) {
    Diagnostics diagnostics;
    const PackSourceTree tree = parseSourceFolder(options.sourceFolder, diagnostics);
    try {
        const FontCoverage fonts = FontCoverage::load(options.fontFiles);
        fonts.check(tree.displayedTexts, diagnostics);
        fonts.checkCardTexts(tree.pages, diagnostics);
    } catch (const FontError& error) {
        return failed({error.what()});
    }
    checkCharacterCount(tree.displayedTexts, diagnostics);
    const std::map<std::string, ProcessedImage> pictures = processPictures(tree, diagnostics);
    const PackAudio audio = preparePackAudio(tree, options.narrateMissing, diagnostics);
    checkSourceCount(pack::Limit::Recordings, audio.clips.size(),
                     SourceLocation{options.sourceFolder.string(), 0}, diagnostics,
                     "narrate fewer pages or languages");
    std::int64_t recordedMilliseconds = 0;
    for (const auto& [name, clip] : audio.clips)
        recordedMilliseconds += clip.durationMilliseconds;
    checkSourceCount(pack::Limit::RecordingMinutes,
                     static_cast<std::size_t>(pack::minutesRoundedUp(recordedMilliseconds)),
                     SourceLocation{options.sourceFolder.string(), 0}, diagnostics,
                     "shorten the recordings or split the pack");
    if (!diagnostics.empty())
        return failed(diagnostics.formattedInOrder());

    std::vector<std::uint8_t> bytes;
    try {
        bytes = writePackDatabase(tree, pictures, audio);
        // Counted on what was written (translations fall back to the default language's text
        // per field, so the source alone does not say): the same count as the install check's.
        const auto maximum = static_cast<std::uint64_t>(pack::kMaximumTextCharacters);
        const std::uint64_t text = pack::storedTextCharacters(db::Database::openReadOnlyMemory(bytes),
                                                              std::numeric_limits<std::uint64_t>::max());
        if (text > maximum)
            return failed({options.sourceFolder.string() + ": the pack has " +
                           pack::describeCountLimit(pack::Limit::TextTotal) + " (" + std::to_string(text) +
                           "): split it into several packs"});
        checkWithReader(bytes);
    } catch (const std::exception& error) {
        return failed({std::string("internal error, please report it: the written pack is not valid: ") +
                       error.what()});
    }
    try {
        if (std::filesystem::is_directory(options.output))
            return failed({options.output.string() + ": is a folder; give the pack's file name"});
        os::writeFileAtomically(options.output, std::span<const std::uint8_t>(bytes));
    } catch (const std::exception& error) {
        return failed({std::string("cannot write the pack: ") + error.what()});
    }
    BuildResult result;
    result.succeeded = true;
    result.packBytes = bytes.size();
    result.pageCount = tree.pages.size();
    result.imageCount = pictures.size();
    result.recordingCount = audio.clips.size();
    result.synthesisedCount = audio.synthesisedCount;
    return result;
}

} // namespace kiosk::builder
