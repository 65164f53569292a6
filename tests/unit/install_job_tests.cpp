// Installing from a stick: the good path, several packs on one stick, overrides, a pulled
// stick, a full disk, cancelling, and the threaded job the UI polls.
#include "install_test_helpers.hpp"

#include "install/PackInstallJob.hpp"
#include "install/StartupPack.hpp"

#include <chrono>
#include <set>
#include <thread>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

const CandidateReport& reportFor(const InstallSnapshot& snapshot, const std::string& file) {
    for (const CandidateReport& report : snapshot.candidates)
        if (report.file == file)
            return report;
    throw std::logic_error("no report for " + file);
}

bool stagingIsEmpty(const DataFolder& kiosk) {
    std::error_code error;
    return !std::filesystem::exists(kiosk.data().stagingDirectory(), error) ||
           std::filesystem::is_empty(kiosk.data().stagingDirectory(), error);
}

} // namespace

TEST_CASE("install: a signed newer pack in the stick's kiosk/ folder is installed, the old one kept") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(withoutPage(smallPack(2), "programme"));
    const ScratchFolder stick;
    putSignedPack(stick.path(), "kiosk/update.kpack", withoutPage(smallPack(3), "meeting"), key, kTestPackId,
                  3);

    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));

    CHECK(result.stage == InstallStage::Installed);
    CHECK(result.reason == Reason::None);
    REQUIRE(result.pack);
    CHECK(result.pack->packId == kTestPackId);
    CHECK(result.pack->packVersion == 3);
    CHECK(result.pack->publisher == "Ủy ban nhân dân xã Thử");
    CHECK(result.pack->created == "2026-01-15");
    CHECK(result.pack->title.byLanguage.at("vie") == "Thông tin xã");
    CHECK(result.pack->title.byLanguage.at("eng") == "Commune information");
    REQUIRE(result.previous);
    CHECK(result.previous->packVersion == 2);
    CHECK(result.pagesAdded == 1);   // the programme page
    CHECK(result.pagesRemoved == 1); // the meeting page
    CHECK(result.progress == 1.0);
    CHECK(result.installedFile == kiosk.data().currentPack());
    REQUIRE(result.candidates.size() == 1);
    CHECK(result.candidates[0].file == "kiosk/update.kpack");
    CHECK(result.candidates[0].outcome == CandidateOutcome::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 3);
    CHECK(versionOf(kiosk.data().lastKnownGoodPack()) == 2);
    CHECK(stagingIsEmpty(kiosk));
}

TEST_CASE("install: several packs on one stick: the newest valid one of the installed id wins") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const ScratchFolder stick;
    putSignedPack(stick.path(), "v3.kpack", smallPack(3), key, kTestPackId, 3);
    putSignedPack(stick.path(), "kiosk/v4.kpack", smallPack(4), key, kTestPackId, 4);
    // The newest is damaged: the kiosk falls back to the next newest.
    std::vector<std::uint8_t> damaged = smallPack(5);
    damaged.resize(8192);
    putSignedPack(stick.path(), "v5.KPACK", damaged, key, kTestPackId, 5);
    putSignedPack(stick.path(), "other.kpack", withPackId(smallPack(7), "vn.other.pack"), key,
                  "vn.other.pack", 7);
    writeFile(stick.path() / ".hidden.kpack", smallPack(9));
    writeFile(stick.path() / "._v4.kpack", std::vector<std::uint8_t>{0, 5, 22, 7});

    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));

    CHECK(result.stage == InstallStage::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 4);
    CHECK(result.candidates.size() == 4);
    CHECK(reportFor(result, "kiosk/v4.kpack").outcome == CandidateOutcome::Installed);
    CHECK(reportFor(result, "v5.KPACK").outcome == CandidateOutcome::Refused);
    CHECK(reportFor(result, "v5.KPACK").reason == Reason::PackDamaged);
    CHECK(reportFor(result, "v3.kpack").outcome == CandidateOutcome::Skipped);
    CHECK(reportFor(result, "v3.kpack").reason == Reason::SupersededOnStick);
    CHECK(reportFor(result, "other.kpack").outcome == CandidateOutcome::Skipped);
    CHECK(reportFor(result, "other.kpack").reason == Reason::AnotherPackChosen);
    CHECK(*reportFor(result, "other.kpack").packId == "vn.other.pack");
}

TEST_CASE("install: with no pack installed, two pack ids: the first by id is installed, the other reported") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    const ScratchFolder stick;
    putSignedPack(stick.path(), "b.kpack", withPackId(smallPack(1), "vn.b.pack"), key, "vn.b.pack", 1);
    putSignedPack(stick.path(), "a.kpack", withPackId(smallPack(1), "vn.a.pack"), key, "vn.a.pack", 1);

    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));

    CHECK(result.stage == InstallStage::Installed);
    CHECK(!result.previous);
    CHECK(result.pagesAdded == 3);
    CHECK(result.pack->packId == "vn.a.pack");
    CHECK(reportFor(result, "b.kpack").reason == Reason::AnotherPackChosen);
    CHECK(!std::filesystem::exists(kiosk.data().lastKnownGoodPack()));
}

TEST_CASE("install: an older version needs the explicit staff override") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(5));
    const ScratchFolder stick;
    putSignedPack(stick.path(), "old.kpack", smallPack(4), key, kTestPackId, 4);

    InstallRequest request = requestFor(stick.path(), kiosk);
    CHECK(runInstall(request).reason == Reason::PackNotNewer);
    CHECK(versionOf(kiosk.data().currentPack()) == 5);

    request.allowDowngrade = true;
    const InstallSnapshot result = runInstall(request);
    CHECK(result.stage == InstallStage::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 4);
    CHECK(versionOf(kiosk.data().lastKnownGoodPack()) == 5);
}

TEST_CASE("install: the built-in pack counts as installed when the data folder has none") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    const std::vector<std::uint8_t> embedded = smallPack(5);
    const ScratchFolder stick;
    putSignedPack(stick.path(), "p.kpack", smallPack(3), key, kTestPackId, 3);
    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.embeddedPack = embedded;
    const InstallSnapshot result = runInstall(request);
    CHECK(result.reason == Reason::PackNotNewer);
    REQUIRE(result.previous);
    CHECK(result.previous->packVersion == 5);
}

TEST_CASE("install: a stick with nothing for the kiosk says so and touches nothing") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const ScratchFolder stick;
    writeText(stick.path() / "photos" / "holiday.jpg", "not a pack");
    writeText(stick.path() / "notes.txt", "hello");
    writeFile(stick.path() / ".Trash.kpack", smallPack(3));
    writeFile(stick.path() / "._update.kpack", std::vector<std::uint8_t>{1, 2, 3});
    writeText(stick.path() / "update.kpack.sig", "a signature without its pack");
    const std::vector<std::string> before = kiosk.contents();

    const InstallSnapshot result = runInstall(requestFor(stick.path(), kiosk));

    CHECK(result.stage == InstallStage::NothingForKiosk);
    CHECK(result.reason == Reason::NothingForKiosk);
    CHECK(result.candidates.empty());
    CHECK(kiosk.contents() == before);
}

TEST_CASE("install: a stick pulled out mid-copy leaves the old pack and says why") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const std::string installedHash = fileHash(kiosk.data().currentPack());
    const ScratchFolder stick;
    const std::filesystem::path pack = stick.path() / "update.kpack";
    writeFile(pack, smallPack(3));
    growPackWithPictures(pack, 2 * 1024 * 1024, 128);
    signPack(pack, key, kTestPackId, 3);

    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.copyChunkBytes = 64 * 1024;
    int chunks = 0;
    request.settings.afterCopyChunk = [&](std::uint64_t) {
        if (++chunks == 3)
            std::filesystem::resize_file(pack, 100 * 1024); // the file ends where the stick went
    };
    const InstallSnapshot result = runInstall(request);

    CHECK(result.stage == InstallStage::Refused);
    CHECK(result.reason == Reason::StickReadError);
    CHECK(result.detail.find("ended early") != std::string::npos);
    CHECK(fileHash(kiosk.data().currentPack()) == installedHash);
    CHECK(stagingIsEmpty(kiosk));
}

TEST_CASE("install: a full data disk is refused before anything is written") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const ScratchFolder stick;
    putSignedPack(stick.path(), "update.kpack", smallPack(3), key, kTestPackId, 3);
    const std::uint64_t packSize = std::filesystem::file_size(stick.path() / "update.kpack");

    InstallRequest request = requestFor(stick.path(), kiosk);
    // One byte short of the pack plus the reserve.
    request.settings.freeSpace = [&](const std::filesystem::path&) {
        return std::optional<std::uint64_t>(packSize + request.settings.reserveBytes - 1);
    };
    const InstallSnapshot result = runInstall(request);
    CHECK(result.reason == Reason::DiskFull);
    CHECK(stagingIsEmpty(kiosk));
    CHECK(versionOf(kiosk.data().currentPack()) == 2);

    request.settings.freeSpace = [&](const std::filesystem::path&) {
        return std::optional<std::uint64_t>(packSize + request.settings.reserveBytes);
    };
    CHECK(runInstall(request).stage == InstallStage::Installed);
}

TEST_CASE("install: a damaged current pack never replaces a good last-known-good") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    writeText(kiosk.data().currentPack(), "garbage where a pack should be");
    kiosk.installLastKnownGood(smallPack(2));
    const ScratchFolder stick;
    putSignedPack(stick.path(), "update.kpack", smallPack(3), key, kTestPackId, 3);

    CHECK(runInstall(requestFor(stick.path(), kiosk)).stage == InstallStage::Installed);
    CHECK(versionOf(kiosk.data().currentPack()) == 3);
    CHECK(versionOf(kiosk.data().lastKnownGoodPack()) == 2);
}

TEST_CASE("install: keys rotate: two trusted keys, then the old one revoked") {
    const TestKey oldKey = makeKey();
    const TestKey newKey = makeKey();
    const DataFolder kiosk(oldKey);
    kiosk.trust(newKey, "office-2027.pub");
    kiosk.installDirectly(smallPack(2));
    {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(3), newKey, kTestPackId, 3);
        CHECK(runInstall(requestFor(stick.path(), kiosk)).stage == InstallStage::Installed);
    }
    {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(4), oldKey, kTestPackId, 4);
        CHECK(runInstall(requestFor(stick.path(), kiosk)).stage == InstallStage::Installed);
    }
    kiosk.revoke(oldKey);
    {
        const ScratchFolder stick;
        putSignedPack(stick.path(), "update.kpack", smallPack(5), oldKey, kTestPackId, 5);
        CHECK(runInstall(requestFor(stick.path(), kiosk)).reason == Reason::SignatureRevokedKey);
    }
    CHECK(versionOf(kiosk.data().currentPack()) == 4);
}

TEST_CASE("install: the job runs on its own thread, and the UI sees stages, bytes and progress in order") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const ScratchFolder stick;
    const std::filesystem::path pack = stick.path() / "update.kpack";
    writeFile(pack, smallPack(3));
    growPackWithPictures(pack, 3 * 1024 * 1024, 256);
    signPack(pack, key, kTestPackId, 3);
    const std::uint64_t size = std::filesystem::file_size(pack);

    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.copyChunkBytes = 256 * 1024;
    const auto callerThread = std::this_thread::get_id();
    std::thread::id copyingThread;
    request.settings.afterCopyChunk = [&copyingThread](std::uint64_t) {
        copyingThread = std::this_thread::get_id();
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
    };

    PackInstallJob job(request);
    std::vector<InstallStage> stages;
    std::uint64_t lastSequence = 0;
    std::uint64_t lastBytes = 0;
    bool bytesNeverWentBack = true;
    bool progressInRange = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!job.finished() && std::chrono::steady_clock::now() < deadline) {
        const InstallSnapshot snapshot = job.snapshot();
        if (snapshot.sequence != lastSequence) {
            lastSequence = snapshot.sequence;
            if (stages.empty() || stages.back() != snapshot.stage)
                stages.push_back(snapshot.stage);
            if (snapshot.stage == InstallStage::Copying) {
                bytesNeverWentBack = bytesNeverWentBack && snapshot.bytesDone >= lastBytes;
                lastBytes = snapshot.bytesDone;
                CHECK(snapshot.bytesTotal == size);
            }
            progressInRange = progressInRange && snapshot.progress >= 0 && snapshot.progress <= 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    job.wait();
    const InstallSnapshot final = job.snapshot();
    CHECK(final.stage == InstallStage::Installed);
    stages.push_back(final.stage);
    CHECK(std::find(stages.begin(), stages.end(), InstallStage::Copying) != stages.end());
    CHECK(std::is_sorted(stages.begin(), stages.end()));
    CHECK(bytesNeverWentBack);
    CHECK(progressInRange);
    CHECK(copyingThread != callerThread);
    CHECK(versionOf(kiosk.data().currentPack()) == 3);
}

TEST_CASE("install: cancelling the job (or destroying it) stops it and keeps the old pack") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    kiosk.installDirectly(smallPack(2));
    const ScratchFolder stick;
    const std::filesystem::path pack = stick.path() / "update.kpack";
    writeFile(pack, smallPack(3));
    growPackWithPictures(pack, 3 * 1024 * 1024, 256);
    signPack(pack, key, kTestPackId, 3);

    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.copyChunkBytes = 64 * 1024;
    request.settings.afterCopyChunk = [](std::uint64_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    };
    {
        PackInstallJob job(request);
        while (job.snapshot().stage != InstallStage::Copying)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        job.cancel();
        job.wait();
        const InstallSnapshot result = job.snapshot();
        CHECK(result.stage == InstallStage::Refused);
        CHECK(result.reason == Reason::Cancelled);
        CHECK(result.candidates.front().reason == Reason::Cancelled);
    }
    {
        // Destroyed mid-copy: the destructor cancels and joins.
        PackInstallJob job(request);
        while (job.snapshot().bytesDone == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(versionOf(kiosk.data().currentPack()) == 2);
    CHECK(stagingIsEmpty(kiosk));
}

TEST_CASE("install: only one install at a time") {
    const TestKey key = makeKey();
    const DataFolder kiosk(key);
    const ScratchFolder stick;
    const std::filesystem::path pack = stick.path() / "update.kpack";
    writeFile(pack, smallPack(3));
    growPackWithPictures(pack, 1024 * 1024, 128);
    signPack(pack, key, kTestPackId, 3);
    InstallRequest request = requestFor(stick.path(), kiosk);
    request.settings.copyChunkBytes = 64 * 1024;
    request.settings.afterCopyChunk = [](std::uint64_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    };

    PackInstallJob first(request);
    while (first.snapshot().stage != InstallStage::Copying)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const InstallSnapshot second = runInstall(request);
    CHECK(second.stage == InstallStage::Refused);
    CHECK(second.reason == Reason::InstallBusy);
    first.wait();
    CHECK(first.snapshot().stage == InstallStage::Installed);
}
