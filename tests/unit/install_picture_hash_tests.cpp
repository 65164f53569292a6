// Each picture's own SHA-256 column is compared with its bytes wherever no verified signature
// covers them (`kiosk-pack sign`, the fuzzer), and skipped by the install checks once the whole
// file's SHA-256 has matched the signed one (InspectionRequest::bytesMatchSignedHash): every byte
// is then as signed, and a byte changed after signing is refused as signature-hash-mismatch.
#include "install_test_helpers.hpp"

#include "install/PackInspection.hpp"
#include "signing/Sha256.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

// The first PNG picture with a byte flipped, its SHA-256 column left as it was.
std::vector<std::uint8_t> withFlippedPictureByte(std::span<const std::uint8_t> pack) {
    return changedPack(pack, [](db::Database& database) {
        std::int64_t id = 0;
        std::vector<std::uint8_t> picture;
        {
            db::Statement first =
                database.prepare("SELECT id, data FROM images WHERE mime = 'image/png' ORDER BY id LIMIT 1");
            REQUIRE(first.step());
            id = first.integer(0);
            picture = first.blob(1);
        }
        picture.at(picture.size() / 2) ^= 0x5A;
        database.prepare("UPDATE images SET data = ? WHERE id = ?")
            .bind(1, std::span<const std::uint8_t>(picture))
            .bind(2, id)
            .run();
    });
}

} // namespace

TEST_CASE("inspection: without a signature's hash, a picture that does not match its SHA-256 is refused") {
    const std::vector<std::uint8_t> pack = withFlippedPictureByte(smallPack(3));
    InspectionRequest request; // as `kiosk-pack sign` and the fuzzer run it
    request.pack = std::span<const std::uint8_t>(pack);
    try {
        inspectPack(request);
        FAIL("a picture that does not match its hash was accepted");
    } catch (const Refusal& refusal) {
        CHECK(refusal.reason() == Reason::ImageDamaged);
        CHECK(std::string(refusal.what()).find("SHA-256") != std::string::npos);
    }
}

TEST_CASE("inspection: the unchanged pack passes with and without the signed-hash shortcut") {
    const std::vector<std::uint8_t> pack = smallPack(3);
    for (const bool signedHash : {false, true}) {
        InspectionRequest request;
        request.pack = std::span<const std::uint8_t>(pack);
        request.bytesMatchSignedHash = signedHash;
        CHECK_NOTHROW(inspectPack(request));
    }
}

TEST_CASE("install: a picture byte changed after signing is refused as signature-hash-mismatch") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::string installedHash = fileHash(kiosk.data().currentPack());
    const ScratchFolder stick;
    putSignedPack(stick.path(), "update.kpack", smallPack(3), key, kTestPackId, 3);
    // The same pack with one picture byte changed: same size, so only the hash can tell.
    writeFile(stick.path() / "update.kpack", withFlippedPictureByte(smallPack(3)));
    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));
    CHECK(result.stage == InstallStage::Refused);
    CHECK(reasonCode(result.reason) == "signature-hash-mismatch");
    CHECK(fileHash(kiosk.data().currentPack()) == installedHash);
    CHECK(std::filesystem::is_empty(kiosk.data().stagingDirectory()));
}

TEST_CASE("install: with the signed hash verified, every picture is still decoded in full") {
    // A truncated picture whose SHA-256 column was updated to match, then signed: only the
    // decode can find it, and it still does.
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::vector<std::uint8_t> pack = changedPack(smallPack(3), [](db::Database& database) {
        std::vector<std::uint8_t> picture;
        {
            db::Statement first =
                database.prepare("SELECT data FROM images WHERE mime = 'image/png' ORDER BY id LIMIT 1");
            REQUIRE(first.step());
            picture = first.blob(0);
        }
        picture.resize(picture.size() / 2);
        database
            .prepare("UPDATE images SET data = ?, sha256 = ? WHERE id = (SELECT min(id) FROM images WHERE "
                     "mime = 'image/png')")
            .bind(1, std::span<const std::uint8_t>(picture))
            .bind(2, signing::sha256Hex(picture))
            .run();
    });
    const ScratchFolder stick;
    putSignedPack(stick.path(), "update.kpack", pack, key, kTestPackId, 3);
    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));
    CHECK(result.stage == InstallStage::Refused);
    CHECK(reasonCode(result.reason) == "image-damaged");
    CHECK(versionOf(kiosk.data().currentPack()) == 2);
}
