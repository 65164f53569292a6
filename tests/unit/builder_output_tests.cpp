// Properties of the written pack as a file: determinism and picture scaling.
#include "builder_test_source_tree.hpp"

#include "builder/ImageProcessing.hpp"
#include "db/Database.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace kiosk;
using builder::test::SourceTree;

TEST_CASE("builder: the same source gives byte-identical packs") {
    const SourceTree source;
    const builder::test::TemporaryDirectory otherOutput;
    REQUIRE(source.build().succeeded);
    // Touching every file changes modification times, never the pack.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source.root()))
        if (entry.is_regular_file())
            std::filesystem::last_write_time(entry.path(), std::filesystem::file_time_type::clock::now());
    REQUIRE(source.build(otherOutput.path() / "again.kpack").succeeded);
    const std::vector<std::uint8_t> first = builder::test::readBytes(source.output());
    const std::vector<std::uint8_t> second = builder::test::readBytes(otherOutput.path() / "again.kpack");
    CHECK(first.size() > pack::kPageBytes);
    CHECK(first.size() % pack::kPageBytes == 0);
    CHECK(first == second);
}

TEST_CASE("builder: a change in the source changes the pack") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    const std::vector<std::uint8_t> before = builder::test::readBytes(source.output());
    source.replaceIn("vie/health.txt", "Hộ nghèo", "Hộ cận nghèo");
    REQUIRE(source.build().succeeded);
    CHECK(builder::test::readBytes(source.output()) != before);
}

TEST_CASE("builder: a 3000x2000 picture is stored at 1920x1280 with a 480x320 thumbnail") {
    const SourceTree source;
    source.writeBytes("images/cover.png", image::encodeJpeg(builder::test::makeTestImage(3000, 2000), 90));
    const builder::BuildResult result = source.build();
    INFO(builder::test::joinedProblems(result));
    REQUIRE(result.succeeded);
    const pack::PackReader reader = pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER);
    const std::int64_t coverId = reader.index().findPage("health")->coverImageId;
    const pack::EncodedImage full = reader.loadImage(coverId, pack::ImageSize::Full);
    const pack::EncodedImage thumbnail = reader.loadImage(coverId, pack::ImageSize::Thumbnail);
    // The file is named .png but holds a JPEG: the content decides, and JPEG stays JPEG.
    CHECK(full.mime == "image/jpeg");
    CHECK(full.width == 1920);
    CHECK(full.height == 1280);
    CHECK(thumbnail.mime == "image/jpeg");
    CHECK(thumbnail.width == 480);
    CHECK(thumbnail.height == 320);
    const image::ImageLimits limits{pack::kMaximumImageSide, 1920ull * 1920ull};
    const image::RgbaImage decoded = image::decodeImage(full.bytes, limits);
    CHECK(decoded.width == 1920);
    CHECK(decoded.height == 1280);
    const image::RgbaImage decodedThumbnail = image::decodeImage(thumbnail.bytes, limits);
    CHECK(decodedThumbnail.width == 480);
    CHECK(decodedThumbnail.height == 320);
}

TEST_CASE("builder: image processing keeps PNG as PNG, scales portrait pictures and hashes what it stores") {
    const std::vector<std::uint8_t> source = image::encodePng(builder::test::makeTestImage(500, 2500));
    const builder::ProcessedImage processed = builder::processImage(source);
    CHECK(processed.full.mime == "image/png");
    CHECK(processed.full.width == 384);
    CHECK(processed.full.height == 1920);
    CHECK(processed.thumbnail.mime == "image/png");
    CHECK(processed.thumbnail.width == 96);
    CHECK(processed.thumbnail.height == 480);
    CHECK(processed.full.sha256 == builder::sha256Hex(processed.full.bytes));
    CHECK(processed.thumbnail.sha256 == builder::sha256Hex(processed.thumbnail.bytes));
    CHECK(processed.full.sha256 != processed.thumbnail.sha256);
}

TEST_CASE("builder: small pictures are re-encoded but not enlarged") {
    const std::vector<std::uint8_t> source = image::encodeJpeg(builder::test::makeTestImage(100, 60), 95);
    const builder::ProcessedImage processed = builder::processImage(source);
    CHECK(processed.full.mime == "image/jpeg");
    CHECK(processed.full.width == 100);
    CHECK(processed.full.height == 60);
    CHECK(processed.thumbnail.width == 100);
    CHECK(processed.thumbnail.height == 60);
}

TEST_CASE("builder: SHA-256 is lowercase hex of the bytes") {
    const std::string abc = "abc";
    const std::vector<std::uint8_t> bytes(abc.begin(), abc.end());
    CHECK(builder::sha256Hex(bytes) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("builder: the pack lists exactly the characters its text uses, and the kiosk draws from the list") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    const pack::PackReader reader = pack::PackReader::openFile(source.output(), 1);
    REQUIRE(reader.metadata().characters.has_value());
    const std::vector<char32_t> scanned = reader.usedCodePoints();
    CHECK(*reader.metadata().characters == scanned);
    CHECK(std::find(scanned.begin(), scanned.end(), U'ộ') != scanned.end());
    CHECK(reader.charactersToDraw() == scanned);
}

TEST_CASE("a pack without a character list (from an older builder) still gets every character drawn") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    {
        db::Database database = db::Database::open(source.output(), db::Database::Mode::ReadWriteCreate);
        database.execute("DELETE FROM pack_meta WHERE key = 'characters'");
    }
    const pack::PackReader reader = pack::PackReader::openFile(source.output(), 1);
    CHECK_FALSE(reader.metadata().characters.has_value());
    const std::vector<char32_t> drawn = reader.charactersToDraw();
    CHECK(drawn == reader.usedCodePoints());
    CHECK(std::find(drawn.begin(), drawn.end(), U'ộ') != drawn.end());
}
