// The bad-pack corpus (tests/install/BadPackCorpus.cpp): every case is refused with its own
// reason code, quickly, and leaves the installed pack and the data folder as they were.
#include "BadPackCorpus.hpp"

#include "install/PackInstaller.hpp"

#include <chrono>
#include <set>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;
using namespace kiosk::install::test;

TEST_CASE("install: the bad-pack corpus has at least 25 cases, each with a refusal reason") {
    const std::vector<BadPackCase> cases = badPackCases();
    CHECK(cases.size() >= 25);
    std::set<std::string> names;
    for (const BadPackCase& badPack : cases) {
        CAPTURE(badPack.name);
        CHECK(names.insert(badPack.name).second);
        CHECK(badPack.expected != Reason::None);
    }
}

TEST_CASE("install: every bad pack is refused with its own reason, within 10 s, changing nothing") {
    const CorpusKeys keys;
    int refused = 0;
    std::pair<std::string, double> slowest{"", 0.0};
    for (const BadPackCase& badPack : badPackCases()) {
        CAPTURE(badPack.name);
        const DataFolder kiosk(keys.trusted);
        prepareCorpusKiosk(kiosk, keys);
        if (badPack.prepareKiosk)
            badPack.prepareKiosk(kiosk.data());
        const std::string installedHash = fileHash(kiosk.data().currentPack());
        const std::vector<std::string> contentsBefore = kiosk.contents();
        const ScratchFolder stick("kiosk-stick");
        badPack.write(stick.path(), keys, kiosk.data().currentPack());

        InstallRequest request;
        request.stickRoot = stick.path();
        request.dataDirectory = kiosk.root();
        request.settings = testSettings();
        const auto started = std::chrono::steady_clock::now();
        const InstallSnapshot result = runInstall(request);
        const auto elapsed = std::chrono::steady_clock::now() - started;

        CHECK(result.stage == InstallStage::Refused);
        CHECK(reasonCode(result.reason) == reasonCode(badPack.expected));
        CHECK_MESSAGE(elapsed < std::chrono::seconds(10), "took too long");
        const double seconds = std::chrono::duration<double>(elapsed).count();
        if (seconds > slowest.second)
            slowest = {badPack.name, seconds};
        CHECK(fileHash(kiosk.data().currentPack()) == installedHash);
        // Nothing new but an empty staging folder.
        std::vector<std::string> contentsAfter = kiosk.contents();
        std::erase(contentsAfter, "staging");
        CHECK(contentsAfter == contentsBefore);
        REQUIRE(result.candidates.size() >= 1);
        CHECK(result.candidates.front().outcome == CandidateOutcome::Refused);
        CHECK(!result.detail.empty());
        refused += result.reason == badPack.expected ? 1 : 0;
    }
    MESSAGE("bad packs refused with their own reason: " << refused << "; the slowest, " << slowest.first
                                                        << ", in " << slowest.second << " s");
    CHECK(refused == static_cast<int>(badPackCases().size()));
}
