// Opens a content pack read-only and defensively, checks it, and serves its content.
// Every string that leaves the reader has been checked to be valid NFC UTF-8.
#pragma once

#include "db/Database.hpp"
#include "pack/PackError.hpp"
#include "pack/PackModel.hpp"
#include "pack/PackSchema.hpp"

#include <filesystem>
#include <span>
#include <stdexcept>
#include <string_view>

namespace kiosk::pack {

class PackReader {
  public:
    // Throws PackError for anything but a well-formed pack of a known format version that
    // this kiosk version may show.
    static PackReader openFile(const std::filesystem::path& path, std::int64_t kioskVersion);
    // The bytes must outlive the reader (used for the demo pack embedded in the binary).
    static PackReader openMemory(std::span<const std::uint8_t> bytes, std::int64_t kioskVersion);

    const PackIndex& index() const { return index_; }
    const PackMetadata& metadata() const { return index_.metadata; }

    // One page in `language`, falling back to the pack's default language.
    PageContent loadPage(const std::string& pageId, const LanguageCode& language) const;
    // Checks every page in every language it is translated into (the others show the default
    // language's); used by verification and at start-up, loadPage checks lazily.
    void validateAllPages() const;
    // A picture's bytes, checked against the SHA-256 the pack records for them.
    EncodedImage loadImage(std::int64_t imageId, ImageSize size) const;
    // The same without the check, for a caller that makes it elsewhere (the picture decoder
    // does, on its worker thread, so a page of photos is not hashed on the UI thread).
    EncodedImage loadImageUnchecked(std::int64_t imageId, ImageSize size) const;
    // A recording (AudioClipInfo::audioId from the index: a narration or a spoken language
    // name). Refuses, with PackError, a blob over kAudioLimits.maximumEncodedBytes (before
    // reading it), a type other than Ogg, and bytes that do not match their SHA-256. The
    // bytes are not decoded here: play them with audio::vorbisSamples, which has its own limits.
    EncodedAudio loadAudio(std::int64_t audioId) const;
    // Loads and fully decodes every recording the index refers to (slow: for verification
    // and installation, not for start-up). Throws PackError naming the first bad one.
    void validateAllAudio() const;
    // Every code point a pack's text uses, found by reading every page (slow with many pages:
    // for building and checking packs).
    std::vector<char32_t> usedCodePoints() const;
    // The characters to put in the font atlas: the pack's own list when it has one (checked
    // against usedCodePoints when the pack was installed), else usedCodePoints.
    std::vector<char32_t> charactersToDraw() const;

  private:
    explicit PackReader(db::Database database);
    void loadIndex(std::int64_t kioskVersion);
    void loadAudioIndex();
    void loadNarrationMarks(const std::map<std::string, PageSummary*>& pagesById);
    // Version 2 and later have the story-card tables.
    bool hasStoryCards() const { return index_.metadata.formatVersion >= kStoryCardsFormatVersion; }
    // Version 3 and later have spoken titles and language pictures.
    bool hasSpokenTitles() const { return index_.metadata.formatVersion >= kSpokenTitlesFormatVersion; }
    PageContent loadPageIn(const PageSummary& summary, const LanguageCode& language, bool isFallback) const;

    db::Database database_;
    PackIndex index_;
};

// Throws PackError unless `image`'s bytes match the SHA-256 the pack records for them.
void checkImageHash(const EncodedImage& image);
bool matchesRecordedHash(std::span<const std::uint8_t> bytes, std::string_view recordedSha256);

} // namespace kiosk::pack
