// Helpers for the install tests, the bad-pack generator and the install benchmark: packs made
// by the real builder (then changed with plain SQL where a test needs a broken one), keys,
// signatures, a data folder with an installed pack, and a stick folder.
#pragma once

#include "install/DataDirectory.hpp"
#include "install/InstallSettings.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/PackSignature.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::db {
class Database;
}

namespace kiosk::install::test {

// The pack id of every test pack made here.
inline constexpr const char* kTestPackId = "vn.test.pack";

// A folder under the system's temporary folder, removed with everything in it.
class ScratchFolder {
  public:
    explicit ScratchFolder(const std::string& label = "kiosk-install-test");
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    ~ScratchFolder();
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

std::vector<std::uint8_t> readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
// `size` bytes of a pattern that repeats only every 251 * 256 bytes, so that a byte out of place shows.
std::vector<std::uint8_t> patternBytes(std::size_t size);
void writeText(const std::filesystem::path& path, const std::string& text);

// The small, complete pack of the builder tests (two languages, an article, a meeting, a
// programme, PNG and JPEG pictures), at `version`. Built once per process, then copied.
std::vector<std::uint8_t> smallPack(std::int64_t version);

// The same pack with a recorded Vietnamese narration of its "health" page (a short tone,
// encoded with oggenc, as in the narration tests). Built once per process, then copied.
std::vector<std::uint8_t> smallPackWithNarration(std::int64_t version);

// A pack whose first recording no longer decodes: its Vorbis identification header is
// overwritten, and its row's SHA-256 updated to match, so only decoding it can tell.
std::vector<std::uint8_t> withUndecodableRecording(std::span<const std::uint8_t> pack);

// The pack with its first recording's bytes changed by `change`, and its row's SHA-256
// updated to match (as a signer's builder would have written it).
std::vector<std::uint8_t>
withFirstRecordingChanged(std::span<const std::uint8_t> pack,
                          const std::function<std::vector<std::uint8_t>(std::vector<std::uint8_t>)>& change);

// Opens a copy of a pack for writing, lets `change` run SQL on it, and returns the new bytes.
std::vector<std::uint8_t> changedPack(std::span<const std::uint8_t> pack,
                                      const std::function<void(db::Database&)>& change);

// Adds random-pixel pictures to the first page's gallery, then to more pages like it (a gallery
// holds at most pack::kMaximumGalleryPictures), until the pack is at least `targetBytes`
// (written to `path`, which must hold a pack). Quick: ~1 s for 200 MB.
void growPackWithPictures(const std::filesystem::path& path, std::uint64_t targetBytes,
                          int pictureSide = 1024);

// A signing key pair with its files' text.
struct TestKey {
    signing::KeyPair pair;
    std::string publicKeyFile;
};
TestKey makeKey();

// Writes PACK.sig beside `pack` for its real size and hash, with the given id and version.
void signPack(const std::filesystem::path& pack, const TestKey& key, const std::string& packId,
              std::int64_t version);
// The same, but for the given fields as they are (forged claims, other hashes).
void signFields(const std::filesystem::path& signatureFile, const TestKey& key,
                signing::SignedPackFields fields);
signing::SignedPackFields fieldsOf(const std::filesystem::path& pack, const std::string& packId,
                                   std::int64_t version);

// A kiosk data folder trusting `trusted` (and whatever else is added), optionally with an
// installed pack.
class DataFolder {
  public:
    explicit DataFolder(const TestKey& trusted);
    const DataDirectory& data() const { return data_; }
    const std::filesystem::path& root() const { return scratch_.path(); }
    void trust(const TestKey& key, const std::string& fileName) const;
    void revoke(const TestKey& key) const;
    void installDirectly(std::span<const std::uint8_t> pack) const;      // as current.kpack
    void installLastKnownGood(std::span<const std::uint8_t> pack) const; // as last-known-good.kpack
    // Every file and folder below the data folder, relative, sorted ("packs/current.kpack").
    std::vector<std::string> contents() const;

  private:
    ScratchFolder scratch_;
    DataDirectory data_;
};

// The settings tests use: the kiosk's real fonts, no embedded pack.
InstallSettings testSettings();

// The SHA-256 of a file, for "the installed pack did not change".
std::string fileHash(const std::filesystem::path& path);

} // namespace kiosk::install::test
