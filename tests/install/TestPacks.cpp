#include "TestPacks.hpp"

#include "PngCrafting.hpp"
#include "audio_test_support.hpp"
#include "builder_test_source_tree.hpp"
#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackLimits.hpp"
#include "signing/ChunkedSha256.hpp"
#include "signing/Sha256.hpp"
#include "signing/TrustStore.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sqlite3.h>
#include <stdexcept>
#include <unistd.h>

namespace kiosk::install::test {

namespace {

std::vector<std::uint8_t> withVersion(std::span<const std::uint8_t> pack, std::int64_t version) {
    return changedPack(pack, [&](db::Database& database) {
        database.prepare("UPDATE pack_meta SET value = ? WHERE key = 'pack_version'")
            .bind(1, std::to_string(version))
            .run();
    });
}

} // namespace

ScratchFolder::ScratchFolder(const std::string& label) {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    path_ =
        std::filesystem::temp_directory_path() / (label + "-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(counter++) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::vector<std::uint8_t> readFile(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot read " + path.string());
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void writeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!file)
        throw std::runtime_error("cannot write " + path.string());
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    writeFile(path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::vector<std::uint8_t> patternBytes(std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t index = 0; index < size; ++index)
        bytes[index] = static_cast<std::uint8_t>(index * 7 + index / 251);
    return bytes;
}

std::vector<std::uint8_t> smallPack(std::int64_t version) {
    static std::mutex mutex;
    static std::vector<std::uint8_t> base;
    {
        const std::lock_guard lock(mutex);
        if (base.empty()) {
            const builder::test::SourceTree source;
            const builder::BuildResult result = source.build();
            if (!result.succeeded)
                throw std::runtime_error("the test pack does not build:\n" +
                                         builder::test::joinedProblems(result));
            base = readFile(source.output());
        }
    }
    return withVersion(base, version);
}

std::vector<std::uint8_t> smallPackWithNarration(std::int64_t version) {
    static std::mutex mutex;
    static std::vector<std::uint8_t> base;
    {
        const std::lock_guard lock(mutex);
        if (base.empty()) {
            const builder::test::SourceTree source;
            source.writeBytes("vie/health.ogg",
                              audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, 600), 0));
            const builder::BuildResult result = source.build();
            if (!result.succeeded)
                throw std::runtime_error("the narrated test pack does not build:\n" +
                                         builder::test::joinedProblems(result));
            base = readFile(source.output());
        }
    }
    return withVersion(base, version);
}

std::vector<std::uint8_t>
withFirstRecordingChanged(std::span<const std::uint8_t> pack,
                          const std::function<std::vector<std::uint8_t>(std::vector<std::uint8_t>)>& change) {
    return changedPack(pack, [&](db::Database& database) {
        std::int64_t id = 0;
        std::vector<std::uint8_t> recording;
        {
            db::Statement first = database.prepare("SELECT id, data FROM audio_clips ORDER BY id LIMIT 1");
            if (!first.step())
                throw std::runtime_error("the pack has no recording to change");
            id = first.integer(0);
            recording = first.blob(1);
        }
        recording = change(std::move(recording));
        database.prepare("UPDATE audio_clips SET data = ?, sha256 = ? WHERE id = ?")
            .bind(1, std::span<const std::uint8_t>(recording))
            .bind(2, signing::sha256Hex(recording))
            .bind(3, id)
            .run();
    });
}

std::vector<std::uint8_t> withUndecodableRecording(std::span<const std::uint8_t> pack) {
    return withFirstRecordingChanged(pack, [](std::vector<std::uint8_t> recording) {
        // The first packet is "\x01vorbis" followed by the stream's parameters.
        const std::string magic = "\x01vorbis";
        const auto found = std::search(recording.begin(), recording.end(), magic.begin(), magic.end());
        if (found == recording.end())
            throw std::runtime_error("the recording has no Vorbis identification header");
        std::fill(found + 1, found + static_cast<std::ptrdiff_t>(magic.size()),
                  static_cast<std::uint8_t>('X'));
        return recording;
    });
}

std::vector<std::uint8_t> changedPack(std::span<const std::uint8_t> pack,
                                      const std::function<void(db::Database&)>& change) {
    const ScratchFolder scratch("kiosk-pack-change");
    const std::filesystem::path file = scratch.path() / "pack.kpack";
    writeFile(file, pack);
    {
        db::Database database = db::Database::open(file, db::Database::Mode::ReadWriteCreate);
        change(database);
    }
    return readFile(file);
}

void growPackWithPictures(const std::filesystem::path& path, std::uint64_t targetBytes, int pictureSide) {
    const std::vector<std::uint8_t> picture = storedNoisePng(pictureSide, pictureSide, 7);
    const std::vector<std::uint8_t> thumbnail = image::encodePng(builder::test::makeTestImage(48, 48));
    const std::string pictureHash = signing::sha256Hex(picture);
    const std::string thumbnailHash = signing::sha256Hex(thumbnail);
    db::Database database = db::Database::open(path, db::Database::Mode::ReadWriteCreate);
    database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
    std::string firstPage;
    {
        db::Statement first = database.prepare("SELECT id FROM pages ORDER BY id LIMIT 1");
        if (!first.step())
            throw std::runtime_error("the pack has no page to hang pictures on");
        firstPage = first.text(0);
    }
    std::string page = firstPage;
    std::int64_t position = 0;
    {
        db::Statement last =
            database.prepare("SELECT coalesce(max(position) + 1, 0) FROM gallery_images WHERE page_id = ?");
        last.bind(1, page);
        last.step();
        position = last.integer(0);
    }
    db::Transaction transaction(database);
    db::Statement insertImage = database.prepare(
        "INSERT INTO images(name, mime, width, height, sha256, data, thumb_mime, thumb_width, thumb_height, "
        "thumb_sha256, thumb_data) VALUES (?, 'image/png', ?, ?, ?, ?, 'image/png', 48, 48, ?, ?)");
    db::Statement insertGallery =
        database.prepare("INSERT INTO gallery_images(page_id, position, image_id) VALUES (?, ?, ?)");
    // A gallery holds at most pack::kMaximumGalleryPictures: past that, another article like
    // the first page (its texts copied) takes the next pictures.
    auto startPage = [&](int number) {
        page = "bulk-page-" + std::to_string(number);
        database
            .prepare("INSERT INTO pages(id, category_id, position, kind, cover_image_id, featured) "
                     "SELECT ?1, category_id, position + ?2, 'article', cover_image_id, 0 FROM pages WHERE "
                     "id = ?3")
            .bind(1, page)
            .bind(2, std::int64_t{number})
            .bind(3, firstPage)
            .run();
        database
            .prepare("INSERT INTO page_texts(page_id, language, title, summary) "
                     "SELECT ?1, language, title, summary FROM page_texts WHERE page_id = ?2")
            .bind(1, page)
            .bind(2, firstPage)
            .run();
        position = 0;
    };
    std::uint64_t size = std::filesystem::file_size(path);
    for (int index = 0, pages = 0; size < targetBytes; ++index) {
        if (position == pack::kMaximumGalleryPictures)
            startPage(++pages);
        insertImage.bind(1, "bulk-" + std::to_string(index) + ".png")
            .bind(2, std::int64_t{pictureSide})
            .bind(3, std::int64_t{pictureSide})
            .bind(4, pictureHash)
            .bind(5, std::span<const std::uint8_t>(picture))
            .bind(6, thumbnailHash)
            .bind(7, std::span<const std::uint8_t>(thumbnail));
        insertImage.runAndReset();
        const std::int64_t imageId = sqlite3_last_insert_rowid(database.handle());
        insertGallery.bind(1, page).bind(2, position++).bind(3, imageId).runAndReset();
        size += picture.size() + thumbnail.size();
    }
    transaction.commit();
}

TestKey makeKey() {
    TestKey key{signing::generateKeyPair(), {}};
    key.publicKeyFile = signing::formatPublicKeyFile(key.pair.publicKey, "test key");
    return key;
}

signing::SignedPackFields fieldsOf(const std::filesystem::path& pack, const std::string& packId,
                                   std::int64_t version) {
    signing::SignedPackFields fields;
    fields.packId = packId;
    fields.packVersion = version;
    fields.fileSize = std::filesystem::file_size(pack);
    fields.chunkedSha256 = signing::chunkedSha256HexOfFile(pack);
    return fields;
}

void signFields(const std::filesystem::path& signatureFile, const TestKey& key,
                signing::SignedPackFields fields) {
    writeText(signatureFile,
              signing::formatSignatureFile(signing::signPackFields(std::move(fields), key.pair.secretKey)));
}

void signPack(const std::filesystem::path& pack, const TestKey& key, const std::string& packId,
              std::int64_t version) {
    signFields(pack.string() + ".sig", key, fieldsOf(pack, packId, version));
}

DataFolder::DataFolder(const TestKey& trusted) : scratch_("kiosk-data"), data_(scratch_.path()) {
    trust(trusted, "trusted.pub");
}

void DataFolder::trust(const TestKey& key, const std::string& fileName) const {
    writeText(data_.keysDirectory() / fileName, key.publicKeyFile);
}

void DataFolder::revoke(const TestKey& key) const {
    std::ofstream file(data_.keysDirectory() / signing::kRevokedKeysFileName, std::ios::app);
    file << "# withdrawn in a test\n" << key.pair.publicKey.keyId << "\n";
}

void DataFolder::installDirectly(std::span<const std::uint8_t> pack) const {
    writeFile(data_.currentPack(), pack);
}

void DataFolder::installLastKnownGood(std::span<const std::uint8_t> pack) const {
    writeFile(data_.lastKnownGoodPack(), pack);
}

std::vector<std::string> DataFolder::contents() const {
    std::vector<std::string> entries;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root()))
        entries.push_back(std::filesystem::relative(entry.path(), root()).string());
    std::sort(entries.begin(), entries.end());
    return entries;
}

InstallSettings testSettings() {
    InstallSettings settings;
    settings.fontFiles = builder::defaultFontFiles();
    return settings;
}

std::string fileHash(const std::filesystem::path& path) {
    return signing::chunkedSha256HexOfFile(path);
}

} // namespace kiosk::install::test
