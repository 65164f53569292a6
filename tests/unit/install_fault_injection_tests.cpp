// Power cut at every step of an install: for each durable OS operation the install makes
// (every create, chunk write, fsync, mkdir, rename, unlink), a child process runs the install
// and dies just before that operation (os::armFaultInjection -> _exit(99)). After each "crash"
// the kiosk "restarts": start-up must open a valid pack, the old or the new one, never neither,
// leave no leftovers in the data folder, and a second install attempt must then succeed.
#include "install_test_helpers.hpp"

#include "install/InstalledVersions.hpp"
#include "install/StartupPack.hpp"
#include "os/FaultInjection.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

namespace {

// Small chunks so that the copy alone is dozens of injection points.
constexpr std::size_t kChunkBytes = 4096;

struct Scenario {
    TestKey key = makeKey();
    std::vector<std::uint8_t> oldPack = smallPack(2);
    std::vector<std::uint8_t> previousPack = smallPack(1);
    std::vector<std::uint8_t> embedded = withPackId(smallPack(1), "vn.commune.demo");
    ScratchFolder stick;

    Scenario() {
        const std::filesystem::path pack = stick.path() / "kiosk" / "update.kpack";
        writeFile(pack, smallPack(3));
        growPackWithPictures(pack, 320 * 1024, 96);
        signPack(pack, key, kTestPackId, 3);
    }

    // A kiosk showing version 2, with version 1 as last-known-good.
    std::unique_ptr<DataFolder> freshKiosk() const {
        auto kiosk = std::make_unique<DataFolder>(key);
        kiosk->installDirectly(oldPack);
        kiosk->installLastKnownGood(previousPack);
        return kiosk;
    }

    InstallRequest request(const DataFolder& kiosk) const {
        InstallRequest install = requestFor(stick.path(), kiosk);
        install.settings.copyChunkBytes = kChunkBytes;
        install.settings.embeddedPack = embedded;
        return install;
    }
};

// Runs the install in a child armed to die at `point`; returns the child's exit status.
int installDyingAt(const Scenario& scenario, const DataFolder& kiosk, std::uint64_t point) {
    const InstallRequest request = scenario.request(kiosk);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        os::armFaultInjection(point);
        const InstallSnapshot result = runInstall(request);
        ::_exit(result.stage == InstallStage::Installed ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool onlyKnownFiles(const std::vector<std::string>& contents) {
    const std::vector<std::string> allowed = {"keys",
                                              "keys/trusted.pub",
                                              "packs",
                                              "packs/current.kpack",
                                              "packs/last-known-good.kpack",
                                              "packs/installed-versions.txt",
                                              "staging"};
    return std::all_of(contents.begin(), contents.end(), [&](const std::string& entry) {
        return std::find(allowed.begin(), allowed.end(), entry) != allowed.end();
    });
}

} // namespace

TEST_CASE("install: a crash at every durable step leaves a kiosk that starts on the old or the new pack") {
    const Scenario scenario;

    // How many durable operations a whole install makes.
    std::uint64_t points = 0;
    {
        const auto kiosk = scenario.freshKiosk();
        os::armFaultInjection(0);
        REQUIRE(runInstall(scenario.request(*kiosk)).stage == InstallStage::Installed);
        points = os::durableOperationCount();
    }
    MESSAGE("durable operations in one install: " << points);
    REQUIRE(points >= 50);

    int survived = 0;
    int showedOld = 0;
    int showedNew = 0;
    for (std::uint64_t point = 1; point <= points; ++point) {
        CAPTURE(point);
        const auto kiosk = scenario.freshKiosk();
        REQUIRE(installDyingAt(scenario, *kiosk, point) == os::kFaultExitStatus);

        // The restart.
        const StartupPack startup = openStartupPack(kiosk->data(), scenario.embedded, KIOSK_VERSION_NUMBER);
        const bool valid =
            startup.source == PackSource::Current || startup.source == PackSource::LastKnownGood;
        CHECK(valid);
        const std::int64_t shown = startup.reader->metadata().packVersion;
        CHECK((shown == 2 || shown == 3));
        CHECK(startup.reader->metadata().packId == kTestPackId);
        CHECK(onlyKnownFiles(kiosk->contents()));
        // Empty, or not there yet when the crash came before it was made.
        CHECK((!std::filesystem::exists(kiosk->data().stagingDirectory()) ||
               std::filesystem::is_empty(kiosk->data().stagingDirectory())));
        showedOld += shown == 2 ? 1 : 0;
        showedNew += shown == 3 ? 1 : 0;
        // The installed-versions record is written after the switch: it is never ahead of the
        // pack shown (that would refuse the update below), at most behind it.
        const std::optional<std::int64_t> recorded =
            InstalledVersions::load(kiosk->data()).highest(kTestPackId);
        CHECK((!recorded || *recorded <= shown));

        // And the kiosk can still take the update.
        if (shown == 2) {
            CHECK(runInstall(scenario.request(*kiosk)).stage == InstallStage::Installed);
            CHECK(versionOf(kiosk->data().currentPack()) == 3);
        }
        survived += valid && (shown == 2 || shown == 3) ? 1 : 0;
    }
    // One past the last operation: the install completes.
    {
        const auto kiosk = scenario.freshKiosk();
        CHECK(installDyingAt(scenario, *kiosk, points + 1) == 0);
        CHECK(versionOf(kiosk->data().currentPack()) == 3);
        CHECK(versionOf(kiosk->data().lastKnownGoodPack()) == 2);
        CHECK(InstalledVersions::load(kiosk->data()).highest(kTestPackId) == 3);
    }
    MESSAGE("kill points survived: " << survived << " of " << points << " (old pack shown after " << showedOld
                                     << ", new pack after " << showedNew << ")");
    CHECK(survived == static_cast<int>(points));
    CHECK(showedOld > 0);
    CHECK(showedNew > 0);
}
