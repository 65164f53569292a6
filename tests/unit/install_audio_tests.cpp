// Recordings in a pack (narrations, spoken language names) are decoded during the install check
// (PackReader::validateAllAudio), so a pack whose audio would not play is refused with its own
// reason, audio-damaged, before the kiosk switches to it.
#include "install_test_helpers.hpp"

#include "install/PackInspection.hpp"
#include "ogg_crafting.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

InstallSnapshot installFromStick(const DataFolder& kiosk, const TestKey& key,
                                 std::span<const std::uint8_t> pack) {
    const ScratchFolder stick;
    putSignedPack(stick.path(), "kiosk/update.kpack", pack, key, kTestPackId, 3);
    return runInstall(requestFor(stick.path(), kiosk));
}

} // namespace

TEST_CASE("install: a pack with a good narration is installed") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const InstallSnapshot result = installFromStick(kiosk, key, smallPackWithNarration(3));
    CHECK(result.stage == InstallStage::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 3);
}

TEST_CASE("install: a recording that matches its hash but does not decode is refused with audio-damaged") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::string installedHash = fileHash(kiosk.data().currentPack());

    const InstallSnapshot result =
        installFromStick(kiosk, key, withUndecodableRecording(smallPackWithNarration(3)));
    CHECK(result.stage == InstallStage::Refused);
    CHECK(reasonCode(result.reason) == "audio-damaged");
    CHECK(result.detail.find("vie/health.ogg") != std::string::npos);
    CHECK(fileHash(kiosk.data().currentPack()) == installedHash);
    CHECK(std::filesystem::is_empty(kiosk.data().stagingDirectory()));
}

TEST_CASE("install: a recording whose row does not match it is refused with audio-damaged") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::vector<std::uint8_t> lying =
        changedPack(smallPackWithNarration(3),
                    [](db::Database& database) { database.execute("UPDATE audio_clips SET channels = 2"); });
    const InstallSnapshot result = installFromStick(kiosk, key, lying);
    CHECK(result.reason == Reason::AudioDamaged);
    CHECK(result.detail.find("channels") != std::string::npos);
    CHECK(versionOf(kiosk.data().currentPack()) == 2);
}

TEST_CASE("inspection: a damaged recording is reported after a damaged SQLite file, never instead of it") {
    // Both defects: the reason must not depend on which checking thread gets there first.
    std::vector<std::uint8_t> both = withUndecodableRecording(smallPackWithNarration(3));
    both.at(pack::kPageBytes) ^= 0xFF; // page 2's b-tree page type
    InspectionRequest request;
    request.pack = std::span<const std::uint8_t>(both);
    for (int attempt = 0; attempt < 5; ++attempt) {
        try {
            inspectPack(request);
            FAIL("a damaged pack was accepted");
        } catch (const Refusal& refusal) {
            CHECK(refusal.reason() == Reason::PackDamaged);
        }
    }
}

TEST_CASE("install: a recording with an overflowing vendor-string length is refused with audio-damaged, not "
          "a crash") {
    // Issue 18: stb_vorbis died by SIGSEGV on this during the install check, at every start.
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::vector<std::uint8_t> hostile =
        withFirstRecordingChanged(smallPackWithNarration(3), [](std::vector<std::uint8_t> recording) {
            return audio::test::withVendorLength(std::move(recording), 0xFFFFFFFFu);
        });
    const InstallSnapshot result = installFromStick(kiosk, key, hostile);
    CHECK(result.stage == InstallStage::Refused);
    CHECK(reasonCode(result.reason) == "audio-damaged");
    CHECK(result.detail.find("vie/health.ogg") != std::string::npos);
    CHECK(result.detail.find("headers are damaged") != std::string::npos);
    CHECK(versionOf(kiosk.data().currentPack()) == 2);
}
