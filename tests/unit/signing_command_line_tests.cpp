// kiosk-pack keygen, sign and verify.
#include "install_test_helpers.hpp"

#include "command_line_test_support.hpp"
#include "os/FileStatus.hpp"
#include "signing/KeyFiles.hpp"

#include <cstdlib>
#include <sstream>
#include <sys/stat.h>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install::test;

namespace {

using builder::test::RunResult;
const auto run = builder::test::runKioskPack;

// Sets KIOSK_KEY_PASSPHRASE for one scope.
class PassphraseScope {
  public:
    explicit PassphraseScope(const char* passphrase) { ::setenv("KIOSK_KEY_PASSPHRASE", passphrase, 1); }
    PassphraseScope(const PassphraseScope&) = delete;
    PassphraseScope& operator=(const PassphraseScope&) = delete;
    ~PassphraseScope() { ::unsetenv("KIOSK_KEY_PASSPHRASE"); }
};

unsigned permissionsOf(const std::filesystem::path& file) {
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

std::string text(const std::filesystem::path& file) {
    const std::vector<std::uint8_t> bytes = readFile(file);
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

TEST_CASE("kiosk-pack keygen: a 0600 secret key and a public key, and never overwrites") {
    ::unsetenv("KIOSK_KEY_PASSPHRASE");
    const ScratchFolder folder;
    const std::string name = (folder.path() / "office").string();
    const mode_t previousMask = ::umask(0);
    const RunResult result = run({"keygen", "-o", name});
    ::umask(previousMask);
    CHECK(result.exitCode == 0);
    CHECK(permissionsOf(name + ".key") == 0600);
    CHECK(permissionsOf(name + ".pub") == 0644);
    const signing::PublicKey publicKey = signing::parsePublicKeyFile(text(name + ".pub"));
    CHECK(result.out.find("key id: " + publicKey.keyId) != std::string::npos);
    CHECK(signing::parseSecretKeyFile(text(name + ".key"), std::nullopt).keyId == publicKey.keyId);

    const std::string before = text(name + ".key");
    const RunResult again = run({"keygen", "-o", name});
    CHECK(again.exitCode == 1);
    CHECK(again.errors.find("already exists; nothing was written") != std::string::npos);
    CHECK(text(name + ".key") == before);

    CHECK(run({"keygen"}).exitCode == 2);
    CHECK(run({"keygen", "-o"}).exitCode == 2);
    CHECK(run({"keygen", "-o", name + "2", "--colour", "red"}).exitCode == 2);
}

TEST_CASE("kiosk-pack sign and verify: OK for the signer's key, the reason otherwise") {
    ::unsetenv("KIOSK_KEY_PASSPHRASE");
    const ScratchFolder folder;
    const std::string office = (folder.path() / "office").string();
    const std::string stranger = (folder.path() / "stranger").string();
    REQUIRE(run({"keygen", "-o", office}).exitCode == 0);
    REQUIRE(run({"keygen", "-o", stranger}).exitCode == 0);
    const std::filesystem::path pack = folder.path() / "an-phu.kpack";
    writeFile(pack, smallPack(4));

    const RunResult signedResult = run({"sign", pack.string(), "--key", office + ".key"});
    CHECK(signedResult.exitCode == 0);
    CHECK(signedResult.out.find("vn.test.pack version 4") != std::string::npos);
    const signing::PackSignature signature = signing::parseSignatureFile(text(pack.string() + ".sig"));
    CHECK(signature.fields.packId == "vn.test.pack");
    CHECK(signature.fields.packVersion == 4);
    CHECK(signature.fields.fileSize == std::filesystem::file_size(pack));
    CHECK(signature.fields.chunkedSha256 == fileHash(pack));

    const RunResult ok = run({"verify", pack.string(), "--pubkey", office + ".pub"});
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.starts_with("OK: vn.test.pack version 4, signed by key " + signature.fields.keyId));

    const RunResult unknown = run({"verify", pack.string(), "--pubkey", stranger + ".pub"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.out.starts_with("REFUSED signature-unknown-key: "));

    // A kiosk's keys folder, with the office key revoked.
    const std::filesystem::path keys = folder.path() / "keys";
    std::filesystem::create_directories(keys);
    std::filesystem::copy_file(office + ".pub", keys / "office.pub");
    writeText(keys / "revoked.txt", signature.fields.keyId + "\n");
    const RunResult revoked = run({"verify", pack.string(), "--keys", keys.string()});
    CHECK(revoked.exitCode == 1);
    CHECK(revoked.out.starts_with("REFUSED signature-revoked-key: "));

    std::vector<std::uint8_t> bytes = readFile(pack);
    bytes[bytes.size() / 2] ^= 1;
    writeFile(pack, bytes);
    const RunResult changed = run({"verify", pack.string(), "--pubkey", office + ".pub"});
    CHECK(changed.exitCode == 1);
    CHECK(changed.out.starts_with("REFUSED signature-hash-mismatch: "));

    std::filesystem::remove(pack.string() + ".sig");
    CHECK(run({"verify", pack.string(), "--pubkey", office + ".pub"})
              .out.starts_with("REFUSED signature-missing: "));
    CHECK(run({"verify", pack.string()}).exitCode == 2);
    CHECK(run({"sign", pack.string()}).exitCode == 2);
}

TEST_CASE("kiosk-pack sign refuses a pack a kiosk would refuse, and writes nothing") {
    ::unsetenv("KIOSK_KEY_PASSPHRASE");
    const ScratchFolder folder;
    const std::string office = (folder.path() / "office").string();
    REQUIRE(run({"keygen", "-o", office}).exitCode == 0);
    const std::filesystem::path pack = folder.path() / "nfd.kpack";
    writeFile(pack, changedPack(smallPack(4), [](db::Database& database) {
                  database.execute("UPDATE page_texts SET title = 'Be' || char(0x323, 0x302)");
              }));
    const RunResult result = run({"sign", pack.string(), "--key", office + ".key"});
    CHECK(result.exitCode == 1);
    CHECK(result.errors.find("(pack-text-not-nfc)") != std::string::npos);
    CHECK(!std::filesystem::exists(pack.string() + ".sig"));
}

TEST_CASE("kiosk-pack keygen and sign with KIOSK_KEY_PASSPHRASE") {
    const ScratchFolder folder;
    const std::string office = (folder.path() / "office").string();
    const std::filesystem::path pack = folder.path() / "p.kpack";
    writeFile(pack, smallPack(4));
    {
        const PassphraseScope passphrase("mật khẩu của xã");
        const RunResult keygen = run({"keygen", "-o", office});
        CHECK(keygen.exitCode == 0);
        CHECK(keygen.out.find("sealed with the passphrase") != std::string::npos);
    }
    CHECK(signing::secretKeyFileNeedsPassphrase(text(office + ".key")));
    const RunResult withoutPassphrase = run({"sign", pack.string(), "--key", office + ".key"});
    CHECK(withoutPassphrase.exitCode == 1);
    CHECK(withoutPassphrase.errors.find("set KIOSK_KEY_PASSPHRASE") != std::string::npos);
    {
        const PassphraseScope passphrase("wrong");
        CHECK(run({"sign", pack.string(), "--key", office + ".key"}).errors.find("wrong passphrase") !=
              std::string::npos);
    }
    {
        const PassphraseScope passphrase("mật khẩu của xã");
        CHECK(run({"sign", pack.string(), "--key", office + ".key"}).exitCode == 0);
    }
    CHECK(run({"verify", pack.string(), "--pubkey", office + ".pub"}).exitCode == 0);
}
