// Pack signatures: the canonical message, signing and verifying, strict parsing; the trust store.
#include "install_test_helpers.hpp"

#include "signing/PackSignature.hpp"
#include "signing/SigningError.hpp"
#include "signing/TrustStore.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::signing;

namespace {

SignedPackFields exampleFields() {
    return SignedPackFields{"", "vn.commune.an-phu", 7, 123456, std::string(64, 'a')};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t found = text.find(from);
    REQUIRE(found != std::string::npos);
    text.replace(found, from.size(), to);
    return text;
}

} // namespace

TEST_CASE("signatures: the canonical message is exactly the file's lines before the signature") {
    const KeyPair pair = generateKeyPair();
    const PackSignature signature = signPackFields(exampleFields(), pair.secretKey);
    const std::string expected = "kiosk-pack-signature 2\n"
                                 "key-id: " +
                                 pair.publicKey.keyId +
                                 "\n"
                                 "pack-id: vn.commune.an-phu\n"
                                 "pack-version: 7\n"
                                 "file-size: 123456\n"
                                 "chunked-sha256: " +
                                 std::string(64, 'a') + "\n";
    CHECK(canonicalMessage(signature.fields) == expected);
    const std::string file = formatSignatureFile(signature);
    CHECK(file.starts_with(expected + "signature: "));
    CHECK(file.size() == expected.size() + 11 + 128 + 1);
}

TEST_CASE("signatures: verify with the right key only, and any changed field breaks it") {
    const KeyPair pair = generateKeyPair();
    const PackSignature signature = signPackFields(exampleFields(), pair.secretKey);
    CHECK(verifyPackSignature(signature, pair.publicKey));
    CHECK(!verifyPackSignature(signature, generateKeyPair().publicKey));

    auto changed = [&](const std::function<void(SignedPackFields&)>& change) {
        PackSignature copy = signature;
        change(copy.fields);
        return verifyPackSignature(copy, pair.publicKey);
    };
    CHECK(!changed([](SignedPackFields& fields) { fields.packId = "vn.commune.an-phu2"; }));
    CHECK(!changed([](SignedPackFields& fields) { fields.packVersion = 8; }));
    CHECK(!changed([](SignedPackFields& fields) { fields.fileSize = 123457; }));
    CHECK(!changed([](SignedPackFields& fields) { fields.chunkedSha256[10] = 'b'; }));
    PackSignature flipped = signature;
    flipped.signature[5] ^= 1;
    CHECK(!verifyPackSignature(flipped, pair.publicKey));
}

TEST_CASE("signatures: a file reads back exactly, and anything unusual is refused") {
    const KeyPair pair = generateKeyPair();
    const PackSignature signature = signPackFields(exampleFields(), pair.secretKey);
    const std::string file = formatSignatureFile(signature);
    const PackSignature parsed = parseSignatureFile(file);
    CHECK(parsed.fields == signature.fields);
    CHECK(parsed.signature == signature.signature);
    std::string windows;
    for (const char character : file)
        windows += character == '\n' ? std::string("\r\n") : std::string(1, character);
    CHECK(parseSignatureFile(windows).fields == signature.fields);

    const std::vector<std::string> broken = {
        "",
        replaced(file, "kiosk-pack-signature 2", "kiosk-pack-signature 3"),
        replaced(file, "pack-version: 7", "pack-version: 07"),
        replaced(file, "pack-version: 7", "pack-version: -7"),
        replaced(file, "pack-version: 7", "pack-version: 0"),
        replaced(file, "pack-version: 7", "pack-version: 7 "),
        replaced(file, "file-size: 123456", "file-size: 99999999999999999999"),
        replaced(file, "pack-id: vn.commune.an-phu", "pack-id: vn/commune"),
        replaced(file, "pack-id: vn.commune.an-phu", "pack-id: "),
        replaced(file, "chunked-sha256: aaaa", "chunked-sha256: AAAA"),
        replaced(file, "chunked-sha256: ", "sha256: "),
        replaced(file, "key-id: " + pair.publicKey.keyId, "key-id: 1234"),
        replaced(file, "pack-version: 7\nfile-size: 123456", "file-size: 123456\npack-version: 7"),
        file + "comment: hello\n",
        replaced(file, "signature: ", "signature: 00"),
    };
    for (const std::string& text : broken) {
        CAPTURE(text);
        CHECK_THROWS_AS(parseSignatureFile(text), SigningError);
    }
}

TEST_CASE("signatures: a format-1 file (one SHA-256 of the whole pack) is refused with a way out") {
    const KeyPair pair = generateKeyPair();
    const std::string file = formatSignatureFile(signPackFields(exampleFields(), pair.secretKey));
    std::string former = replaced(replaced(file, "kiosk-pack-signature 2", "kiosk-pack-signature 1"),
                                  "chunked-sha256: ", "sha256: ");
    CHECK_THROWS_WITH_AS(parseSignatureFile(former), doctest::Contains("sign the pack again"),
                         SignatureFormatTooOld);
    // Only that exact first line: anything else is just malformed.
    former.insert(former.find('\n'), "0");
    CHECK_THROWS_WITH_AS(parseSignatureFile(former), doctest::Contains("line 1 should be"), SigningError);
}

TEST_CASE("trust store: every .pub in the folder, minus revoked.txt, and junk is reported, never trusted") {
    using namespace kiosk::install::test;
    const ScratchFolder folder;
    const TestKey first = makeKey();
    const TestKey second = makeKey();
    const TestKey revoked = makeKey();
    const TestKey hidden = makeKey();
    writeText(folder.path() / "office-2026.pub", first.publicKeyFile);
    writeText(folder.path() / "office-2027.pub", second.publicKeyFile);
    writeText(folder.path() / "withdrawn.pub", revoked.publicKeyFile);
    writeText(folder.path() / ".hidden.pub", hidden.publicKeyFile);
    writeText(folder.path() / "broken.pub", "kiosk-public-key 1\nkey-id: 00\n");
    writeText(folder.path() / "notes.txt", "not a key");
    std::filesystem::create_symlink(folder.path() / "office-2026.pub", folder.path() / "link.pub");
    writeText(folder.path() / "revoked.txt", "# keys no longer trusted\n\n  " + revoked.pair.publicKey.keyId +
                                                 "  # lost laptop\nnot-a-key-id\n");

    const TrustStore store = TrustStore::loadFromDirectory(folder.path());
    CHECK(store.trustOf(first.pair.publicKey.keyId) == KeyTrust::Trusted);
    CHECK(store.trustOf(second.pair.publicKey.keyId) == KeyTrust::Trusted);
    CHECK(store.trustOf(revoked.pair.publicKey.keyId) == KeyTrust::Revoked);
    CHECK(store.trustOf(hidden.pair.publicKey.keyId) == KeyTrust::Unknown);
    CHECK(store.trustOf(makeKey().pair.publicKey.keyId) == KeyTrust::Unknown);
    CHECK(store.trustedKey(revoked.pair.publicKey.keyId) == nullptr);
    REQUIRE(store.trustedKey(first.pair.publicKey.keyId) != nullptr);
    CHECK(store.trustedKey(first.pair.publicKey.keyId)->bytes == first.pair.publicKey.bytes);
    CHECK(store.trustedKeyIds().size() == 2);
    // broken.pub, link.pub (not a plain file) and the bad revoked.txt line.
    CHECK(store.problems().size() == 3);

    CHECK(TrustStore::loadFromDirectory(folder.path() / "missing").trustedKeyIds().empty());
}
