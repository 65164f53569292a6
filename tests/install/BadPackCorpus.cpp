#include "BadPackCorpus.hpp"

#include "HostilePacks.hpp"
#include "JpegCrafting.hpp"
#include "PngCrafting.hpp"
#include "db/Database.hpp"
#include "install/InstalledVersions.hpp"
#include "ogg_crafting.hpp"
#include "pack/PackSchema.hpp"
#include "signing/Hex.hpp"
#include "signing/Sha256.hpp"

#include <algorithm>
#include <fcntl.h>
#include <random>
#include <sodium.h>
#include <unistd.h>

namespace kiosk::install::test {

namespace {

// Newer than the installed version, so only the defect can be the reason for a refusal.
constexpr std::int64_t kNewVersion = 3;

using Change = std::function<void(db::Database&)>;

std::filesystem::path packOn(const std::filesystem::path& stick) {
    return stick / "update.kpack";
}

// The new pack, changed by `change`, signed by the trusted key for what it claims to be.
void writeSignedChanged(const std::filesystem::path& stick, const CorpusKeys& keys, const Change& change) {
    writeFile(packOn(stick), changedPack(smallPack(kNewVersion), change));
    signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
}

// Raw bytes, signed by the trusted key as if they were the new pack.
void writeSignedBytes(const std::filesystem::path& stick, const CorpusKeys& keys,
                      std::span<const std::uint8_t> bytes) {
    writeFile(packOn(stick), bytes);
    signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
}

std::vector<std::uint8_t> truncated(std::vector<std::uint8_t> bytes, std::size_t size) {
    bytes.resize(std::min(size, bytes.size()));
    return bytes;
}

void updateText(db::Database& database, const std::string& value) {
    database.prepare("UPDATE page_texts SET title = ? WHERE page_id = (SELECT min(page_id) FROM page_texts)")
        .bind(1, value)
        .run();
}

// Replaces the data of the first PNG picture (and, unless told otherwise, its hash).
void replacePicture(db::Database& database, const std::vector<std::uint8_t>& png, bool updateHash,
                    std::optional<std::pair<int, int>> claimedSize = std::nullopt) {
    std::int64_t id = 0;
    {
        db::Statement first = database.prepare("SELECT min(id) FROM images WHERE mime = 'image/png'");
        first.step();
        id = first.integer(0);
    }
    database.prepare("UPDATE images SET data = ? WHERE id = ?")
        .bind(1, std::span<const std::uint8_t>(png))
        .bind(2, id)
        .run();
    if (updateHash)
        database.prepare("UPDATE images SET sha256 = ? WHERE id = ?")
            .bind(1, signing::sha256Hex(png))
            .bind(2, id)
            .run();
    if (claimedSize)
        database.prepare("UPDATE images SET width = ?, height = ? WHERE id = ?")
            .bind(1, std::int64_t{claimedSize->first})
            .bind(2, std::int64_t{claimedSize->second})
            .bind(3, id)
            .run();
}

std::vector<std::uint8_t> firstPngPicture(std::span<const std::uint8_t> pack) {
    std::vector<std::uint8_t> picture;
    changedPack(pack, [&](db::Database& database) {
        db::Statement select =
            database.prepare("SELECT data FROM images WHERE mime = 'image/png' ORDER BY id LIMIT 1");
        select.step();
        picture = select.blob(0);
    });
    return picture;
}

// Where the middle of the first PNG picture's bytes lies in the pack file: the picture spans
// several pages, so a short run of its bytes is looked for, not the whole of them.
std::size_t offsetOfPictureMiddle(std::span<const std::uint8_t> pack) {
    const std::vector<std::uint8_t> picture = firstPngPicture(pack);
    constexpr std::size_t kRun = 32;
    for (std::size_t start = picture.size() / 2; start + kRun <= picture.size(); start += kRun) {
        const auto run = std::span(picture).subspan(start, kRun);
        const auto found = std::search(pack.begin(), pack.end(), run.begin(), run.end());
        if (found != pack.end())
            return static_cast<std::size_t>(found - pack.begin()) + kRun / 2;
    }
    throw std::runtime_error("the picture's bytes are not in the pack file");
}

std::vector<std::uint8_t> flipped(std::vector<std::uint8_t> bytes, std::size_t offset) {
    bytes.at(offset) ^= 0xFF;
    return bytes;
}

} // namespace

void prepareCorpusKiosk(const DataFolder& kiosk, const CorpusKeys& keys) {
    kiosk.trust(keys.revoked, "old-office.pub");
    kiosk.revoke(keys.revoked);
    kiosk.installDirectly(smallPack(kInstalledVersion));
}

std::vector<BadPackCase> badPackCases() {
    using Path = std::filesystem::path;
    std::vector<BadPackCase> cases;
    auto add = [&](std::string name, Reason expected, BadPackCase::Writer write,
                   BadPackCase::KioskSetup prepareKiosk = {}) {
        cases.push_back(BadPackCase{std::move(name), expected, std::move(write), std::move(prepareKiosk)});
    };

    // The file on the stick.
    add("empty-file", Reason::FileEmpty, [](const Path& stick, const CorpusKeys& keys, const Path&) {
        writeFile(packOn(stick), {});
        signFields(packOn(stick).string() + ".sig", keys.trusted,
                   signing::SignedPackFields{"", kTestPackId, kNewVersion, 0, std::string(64, '0')});
    });
    add("directory-named-kpack", Reason::FileNotRegular,
        [](const Path& stick, const CorpusKeys&, const Path&) {
            std::filesystem::create_directories(stick / "x.kpack");
            writeText(stick / "x.kpack" / "inside.txt", "a folder, not a pack");
        });
    add("symlink-to-outside", Reason::FileOutsideStick,
        [](const Path& stick, const CorpusKeys&, const Path& installed) {
            std::filesystem::create_directories(stick);
            std::filesystem::create_symlink(installed, packOn(stick));
        });
    add("symlink-inside-stick", Reason::FileSymbolicLink,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(stick / "data" / "real.bin", smallPack(kNewVersion));
            signPack(stick / "data" / "real.bin", keys.trusted, kTestPackId, kNewVersion);
            std::filesystem::create_symlink(stick / "data" / "real.bin", packOn(stick));
            std::filesystem::copy_file(stick / "data" / "real.bin.sig", packOn(stick).string() + ".sig");
        });
    add("kiosk-folder-links-outside", Reason::FileOutsideStick,
        [](const Path& stick, const CorpusKeys&, const Path& installed) {
            std::filesystem::create_directories(stick);
            std::filesystem::create_directory_symlink(installed.parent_path(), stick / "kiosk");
        });
    add("sparse-10-gigabytes", Reason::FileTooLarge,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // A hole, not data: it takes no disk space, but says it is 10 GiB.
            writeFile(packOn(stick), {});
            std::filesystem::resize_file(packOn(stick), 10ull * 1024 * 1024 * 1024);
            signFields(packOn(stick).string() + ".sig", keys.trusted,
                       signing::SignedPackFields{"", kTestPackId, kNewVersion, 10ull * 1024 * 1024 * 1024,
                                                 std::string(64, '0')});
        });

    // The signature.
    add("unsigned", Reason::SignatureMissing, [](const Path& stick, const CorpusKeys&, const Path&) {
        writeFile(packOn(stick), smallPack(kNewVersion));
    });
    add("signature-garbage", Reason::SignatureMalformed,
        [](const Path& stick, const CorpusKeys&, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            writeText(packOn(stick).string() + ".sig", "this is not a signature\n");
        });
    add("signed-in-format-1", Reason::SignatureOldFormat,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // Exactly what an older kiosk-pack wrote: one SHA-256 of the whole file, signed.
            const std::vector<std::uint8_t> pack = smallPack(kNewVersion);
            writeFile(packOn(stick), pack);
            const std::string message =
                "kiosk-pack-signature 1\nkey-id: " + keys.trusted.pair.publicKey.keyId +
                "\npack-id: " + kTestPackId + "\npack-version: " + std::to_string(kNewVersion) +
                "\nfile-size: " + std::to_string(pack.size()) + "\nsha256: " + signing::sha256Hex(pack) +
                "\n";
            std::vector<std::uint8_t> signature(crypto_sign_BYTES);
            crypto_sign_detached(signature.data(), nullptr,
                                 reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                 keys.trusted.pair.secretKey.bytes.data());
            writeText(packOn(stick).string() + ".sig",
                      message + "signature: " + signing::toHex(signature) + "\n");
        });
    add("signed-with-unknown-key", Reason::SignatureUnknownKey,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.untrusted, kTestPackId, kNewVersion);
        });
    add("signed-with-revoked-key", Reason::SignatureRevokedKey,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.revoked, kTestPackId, kNewVersion);
        });
    add("signature-edited", Reason::SignatureInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
            const std::vector<std::uint8_t> bytes = readFile(packOn(stick).string() + ".sig");
            std::string text(bytes.begin(), bytes.end());
            text.replace(text.find("pack-version: 3"), 15, "pack-version: 4");
            writeText(packOn(stick).string() + ".sig", text);
        });
    add("signature-of-another-pack-file", Reason::SignatureHashMismatch,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // Same size, other bytes: a signature moved from one file to another.
            const std::vector<std::uint8_t> signedPack = smallPack(kNewVersion);
            writeFile(stick / "other.bin", changedPack(signedPack, [](db::Database& database) {
                          database.execute(
                              "UPDATE pack_meta SET value = 'Someone else' WHERE key = 'publisher'");
                      }));
            writeFile(packOn(stick), signedPack);
            signPack(stick / "other.bin", keys.trusted, kTestPackId, kNewVersion);
            std::filesystem::remove(stick / "other.bin");
            std::filesystem::rename(stick / "other.bin.sig", packOn(stick).string() + ".sig");
        });
    add("signature-claims-other-pack-id", Reason::SignatureOtherPack,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, "vn.other.pack", kNewVersion);
        });
    add("signature-claims-other-version", Reason::SignatureOtherPack,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, 9);
        });
    add("truncated-after-signing", Reason::SignatureHashMismatch,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
            writeFile(packOn(stick), truncated(smallPack(kNewVersion), 20000));
        });
    add("header-byte-flipped-after-signing", Reason::SignatureHashMismatch,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
            writeFile(packOn(stick), flipped(smallPack(kNewVersion), 16));
        });

    // Versions.
    add("replayed-older-version", Reason::PackNotNewer,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(1));
            signPack(packOn(stick), keys.trusted, kTestPackId, 1);
        });
    add("same-version-again", Reason::PackAlreadyInstalled,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kInstalledVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, kInstalledVersion);
        });
    // The kiosk had version 4 once, then went back to version 2 (version 4's file was damaged,
    // start-up fell back to last-known-good): a signed version 3 is still not newer than what it had.
    add(
        "replayed-after-rollback", Reason::PackInstalledBefore,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeFile(packOn(stick), smallPack(kNewVersion));
            signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
        },
        [](const DataDirectory& kiosk) {
            InstalledVersions record;
            record.raise(kTestPackId, kNewVersion + 1);
            record.save(kiosk);
        });

    // The file's bytes, signed as they are: the damage is the signer's, the kiosk must still say no.
    for (const std::size_t size :
         {std::size_t{100}, std::size_t{pack::kPageBytes}, std::size_t{3 * pack::kPageBytes}}) {
        add("truncated-at-" + std::to_string(size) + "-then-signed", Reason::PackDamaged,
            [size](const Path& stick, const CorpusKeys& keys, const Path&) {
                writeSignedBytes(stick, keys, truncated(smallPack(kNewVersion), size));
            });
    }
    add("truncated-at-half-then-signed", Reason::PackDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            const std::vector<std::uint8_t> pack = smallPack(kNewVersion);
            writeSignedBytes(stick, keys, truncated(pack, pack.size() / 2));
        });
    add("header-page-size-flipped-then-signed", Reason::PackDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(stick, keys, flipped(smallPack(kNewVersion), 16));
        });
    add("body-page-type-flipped-then-signed", Reason::PackDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // The first byte of page 2 says what kind of b-tree page it is.
            writeSignedBytes(stick, keys, flipped(smallPack(kNewVersion), pack::kPageBytes));
        });
    add("random-bytes-signed", Reason::PackDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            std::mt19937 random(42);
            std::vector<std::uint8_t> bytes(64 * 1024);
            for (std::uint8_t& byte : bytes)
                byte = static_cast<std::uint8_t>(random());
            writeSignedBytes(stick, keys, bytes);
        });
    add("sqlite-file-but-not-a-pack", Reason::PackNotAPack,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys,
                               [](db::Database& database) { database.execute("PRAGMA application_id = 0"); });
        });
    add("future-format-version", Reason::PackFormatUnsupported,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                const std::string future = std::to_string(pack::kNewestFormatVersion + 1);
                database.execute("PRAGMA user_version = " + future + "; UPDATE pack_meta SET value = '" +
                                 future + "' WHERE key = 'format_version'");
            });
        });
    // Says version 2 (story cards) but lacks its tables: a pack's schema is exactly its version's.
    add("version-2-without-card-tables", Reason::PackSchemaInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute(
                    "PRAGMA user_version = 2; UPDATE pack_meta SET value = '2' WHERE key = 'format_version'");
            });
        });
    add("version-3-without-title-tables", Reason::PackSchemaInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute(pack::kStoryCardsSchemaSql);
                database.execute(
                    "PRAGMA user_version = 3; UPDATE pack_meta SET value = '3' WHERE key = 'format_version'");
            });
        });
    // A language pill's picture that the pack lacks.
    add("language-picture-of-a-missing-image", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(
                stick, keys, withSpokenTitleTables(smallPack(kNewVersion), [](db::Database& database) {
                    database.execute("INSERT INTO language_pictures(language, image_id) SELECT "
                                     "(SELECT value FROM pack_meta WHERE key = 'default_language'), 999999");
                }));
        });
    // A spoken title whose recording the pack lacks.
    add("page-title-of-a-missing-recording", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(
                stick, keys, withSpokenTitleTables(smallPack(kNewVersion), [](db::Database& database) {
                    database.execute("INSERT INTO page_title_narrations(page_id, language, audio_id) SELECT "
                                     "(SELECT min(id) FROM pages), "
                                     "(SELECT value FROM pack_meta WHERE key = 'default_language'), 999999");
                }));
        });
    // The file's header and pack_meta disagree on the version.
    add("format-versions-disagree", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("UPDATE pack_meta SET value = '2' WHERE key = 'format_version'");
            });
        });
    add("needs-newer-kiosk", Reason::PackNeedsNewerKiosk,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("UPDATE pack_meta SET value = '999' WHERE key = 'min_kiosk_version'");
            });
        });
    add("missing-table", Reason::PackSchemaInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys,
                               [](db::Database& database) { database.execute("DROP TABLE meeting_texts"); });
        });
    add("extra-index", Reason::PackSchemaInvalid, [](const Path& stick, const CorpusKeys& keys, const Path&) {
        writeSignedChanged(stick, keys, [](db::Database& database) {
            database.execute("CREATE INDEX sneaky ON pages(lower(id))");
        });
    });
    add("trigger-that-writes", Reason::PackSchemaUnsafe,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("CREATE TRIGGER wipe AFTER INSERT ON pack_meta BEGIN DELETE FROM pages; "
                                 "UPDATE pack_meta SET value = 'owned'; END");
            });
        });
    add("view-that-calls-functions", Reason::PackSchemaUnsafe,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("CREATE VIEW pages_view AS SELECT load_extension('/tmp/evil.so'), "
                                 "randomblob(1000000000), * FROM pages");
            });
        });
    add("virtual-table", Reason::PackSchemaUnsafe,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("CREATE VIRTUAL TABLE search USING fts5(body)");
            });
        });
    add("invalid-utf8-title", Reason::PackTextInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                updateText(database, "B\xE1\xBA h\xFF"
                                     "c");
            });
        });
    add("control-character-title", Reason::PackTextInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys,
                               [](db::Database& database) { updateText(database, "B\x1b[2Jh"); });
        });
    add("nfd-title", Reason::PackTextNotNfc, [](const Path& stick, const CorpusKeys& keys, const Path&) {
        // "Bệnh" with the accents as separate combining marks: e + U+0323 + U+0302.
        writeSignedChanged(stick, keys,
                           [](db::Database& database) { updateText(database, "Be\xCC\xA3\xCC\x82nh"); });
    });
    add("text-the-font-cannot-draw", Reason::PackTextNotDrawable,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                updateText(database, "Thai \xE0\xB8\x81");
                // As from a builder before the character list: the fonts are what refuses it.
                database.execute("DELETE FROM pack_meta WHERE key = 'characters'");
            });
        });
    add("character-list-lacks-a-character", Reason::PackTextNotDrawable,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // The fonts draw Greek, but the kiosk makes its atlas from the list: Omega would be a box.
            writeSignedChanged(stick, keys,
                               [](db::Database& database) { updateText(database, "\xCE\xA9mega"); });
        });
    add("character-list-malformed", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("UPDATE pack_meta SET value = '0-10ffff' WHERE key = 'characters'");
            });
        });
    add("page-without-default-title", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("DELETE FROM page_texts WHERE language = 'vie' AND page_id = (SELECT "
                                 "min(id) FROM pages)");
            });
        });
    add("cover-picture-missing", Reason::PackContentInvalid,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute(
                    "UPDATE pages SET cover_image_id = 9999 WHERE id = (SELECT min(id) FROM pages)");
            });
        });

    // Pictures.
    // A byte of a picture changed on the stick. (Changed before signing, it is what the signer
    // signed: `kiosk-pack sign` refuses such a pack, as the picture no longer matches its own
    // SHA-256, and the install checks only that the picture decodes within limits; see
    // InspectionRequest::bytesMatchSignedHash and the inspection tests.)
    add("picture-byte-flipped-after-signing", Reason::SignatureHashMismatch,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            const std::vector<std::uint8_t> pack = smallPack(kNewVersion);
            writeFile(packOn(stick), pack);
            signPack(packOn(stick), keys.trusted, kTestPackId, kNewVersion);
            writeFile(packOn(stick), flipped(pack, offsetOfPictureMiddle(pack)));
        });
    add("picture-truncated-with-matching-hash", Reason::ImageDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            std::vector<std::uint8_t> picture = firstPngPicture(smallPack(kNewVersion));
            picture.resize(picture.size() / 2);
            writeSignedChanged(stick, keys,
                               [&](db::Database& database) { replacePicture(database, picture, true); });
        });
    add("picture-claims-60000x60000", Reason::ImageTooLarge,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            const std::vector<std::uint8_t> picture =
                withPngSize(firstPngPicture(smallPack(kNewVersion)), 60000, 60000);
            writeSignedChanged(stick, keys, [&](db::Database& database) {
                replacePicture(database, picture, true, std::pair{60000, 60000});
            });
        });
    add("png-decompression-bomb", Reason::ImageDecompressionBomb,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            // 10000 x 10000 pixels (400 MB as RGBA) in about 600 KB; the table claims 120 x 80.
            const std::vector<std::uint8_t> bomb = zeroBombPng(10000, 10000);
            writeSignedChanged(stick, keys,
                               [&](db::Database& database) { replacePicture(database, bomb, true); });
        });
    // A progressive JPEG of 190 scans, each one more pass over the picture: at 1920x1080 stb_image
    // took 27 s for one such cover (issue 18); libjpeg-turbo stops at kMaximumJpegScans.
    add("jpeg-scan-bomb", Reason::ImageDecompressionBomb,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            const std::vector<std::uint8_t> bomb = progressiveNoiseJpeg(120, 80, kMostCraftedJpegScans, 1);
            writeSignedChanged(stick, keys, [&](db::Database& database) {
                replacePicture(database, bomb, true, std::pair{120, 80});
                database.execute("UPDATE images SET mime = 'image/jpeg' WHERE id = (SELECT min(id) FROM "
                                 "images WHERE mime = 'image/png')");
            });
        });
    // Recordings: the bytes match their hash, but do not decode.
    add("recording-does-not-decode", Reason::AudioDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(stick, keys, withUndecodableRecording(smallPackWithNarration(kNewVersion)));
        });
    // The vendor-string length of the comment header says 4 GiB: stb_vorbis wrote that much
    // into a 0-byte buffer and the kiosk died by SIGSEGV in the install check (issue 18).
    add("recording-vendor-length-overflow", Reason::AudioDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(
                stick, keys,
                withFirstRecordingChanged(smallPackWithNarration(kNewVersion), [](auto recording) {
                    return audio::test::withVendorLength(std::move(recording), 0xFFFFFFFFu);
                }));
        });
    // 256 codebooks of 8 million entries in 3 KiB: libvorbis alone would fill 2 GB.
    add("recording-codebook-memory-bomb", Reason::AudioDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(
                stick, keys,
                withFirstRecordingChanged(smallPackWithNarration(kNewVersion), [](auto recording) {
                    return audio::test::withCodebookBomb(recording, 256);
                }));
        });

    // Validly signed, but more than the format allows (pack/PackLimits.hpp): the cases of
    // issue 18 that hung the kiosk, made it unable to start, or took a minute to install.
    auto overLimit = [&](std::string name, Reason expected, std::function<std::vector<std::uint8_t>()> make) {
        add(std::move(name), expected, [make](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(stick, keys, make());
        });
    };
    overLimit("pages-20000", Reason::PackTooManyPages,
              [] { return withExtraPages(smallPack(kNewVersion), 20000); });
    overLimit("categories-100", Reason::PackTooManyCategories,
              [] { return withExtraCategories(smallPack(kNewVersion), 100); });
    overLimit("languages-20", Reason::PackTooManyLanguages,
              [] { return withExtraLanguages(smallPack(kNewVersion), 20); });
    overLimit("gallery-of-2000-pictures", Reason::PackGalleryTooLarge,
              [] { return withGalleryOf(smallPack(kNewVersion), 2000); });
    overLimit("recordings-7000", Reason::PackTooManyRecordings,
              [] { return withExtraRecordings(smallPackWithNarration(kNewVersion), 7000); });
    overLimit("story-of-1000-cards", Reason::PackTooManyCards,
              [] { return withStoryCards(smallPack(kNewVersion), 1000); });
    overLimit("story-card-text-of-2000-characters", Reason::PackTextTooLong,
              [] { return withStoryCards(smallPack(kNewVersion), 3, longText(2000)); });
    // 101 rows that each claim 15 minutes: 1515 minutes, refused when the pack is opened.
    overLimit("recordings-1515-minutes-in-all", Reason::PackRecordingsTooLong, [] {
        return changedPack(
            withExtraRecordings(smallPackWithNarration(kNewVersion), 100),
            [](db::Database& database) { database.execute("UPDATE audio_clips SET duration_ms = 900000"); });
    });
    // A row whose length is not its recording's (the total is counted from the rows).
    add("recording-length-not-its-rows", Reason::AudioDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedBytes(stick, keys,
                             changedPack(smallPackWithNarration(kNewVersion), [](db::Database& database) {
                                 database.execute("UPDATE audio_clips SET duration_ms = duration_ms + 5000");
                             }));
        });
    overLimit("text-in-all-11-million-characters", Reason::PackTooMuchText,
              [] { return withExtraFullPages(smallPack(kNewVersion), 560); });
    overLimit("page-of-1000-paragraphs", Reason::PackPageTooLong,
              [] { return withExtraBlocks(smallPack(kNewVersion), 1000); });
    overLimit("category-title-50000-characters", Reason::PackTextTooLong,
              [] { return withCategoryTitle(smallPack(kNewVersion), longText(50000)); });
    overLimit("pack-title-20000-characters", Reason::PackTextTooLong,
              [] { return withPackTitle(smallPack(kNewVersion), longText(20000)); });
    overLimit("paragraph-of-2-million-characters", Reason::PackTextTooLong,
              [] { return withParagraph(smallPack(kNewVersion), longText(2'000'000)); });
    overLimit("word-of-1-million-characters", Reason::PackTextTooLong,
              [] { return withParagraph(smallPack(kNewVersion), longWord(1'000'000)); });
    overLimit("word-of-200-characters", Reason::PackWordTooLong,
              [] { return withParagraph(smallPack(kNewVersion), "Xem " + longWord(200) + " nhé"); });
    overLimit("character-list-every-bmp-character", Reason::PackTooManyCharacters,
              [] { return withEveryBmpCharacter(smallPack(kNewVersion)); });

    // Ids are data, never paths (issue 18: a category id was opened as assets/icons/<id>.png).
    overLimit("category-id-climbs-out", Reason::PackIdInvalid,
              [] { return withCategoryId(smallPack(kNewVersion), "../../../../tmp/kiosk-fifo"); });
    overLimit("category-id-absolute-path", Reason::PackIdInvalid,
              [] { return withCategoryId(smallPack(kNewVersion), "/dev/zero"); });
    overLimit("page-id-with-a-slash", Reason::PackIdInvalid,
              [] { return withPageId(smallPack(kNewVersion), "health/../../x"); });
    overLimit("language-code-not-iso-639-3", Reason::PackIdInvalid,
              [] { return withLanguageCode(smallPack(kNewVersion), "../"); });

    add("picture-type-lies", Reason::ImageDamaged,
        [](const Path& stick, const CorpusKeys& keys, const Path&) {
            writeSignedChanged(stick, keys, [](db::Database& database) {
                database.execute("UPDATE images SET mime = 'image/jpeg' WHERE id = (SELECT min(id) FROM "
                                 "images WHERE mime = 'image/png')");
            });
        });
    return cases;
}

} // namespace kiosk::install::test
