// The corpus of bad packs: each case puts files on a stick folder that a kiosk must refuse,
// with the one reason code it must give. Used by the install tests (each case against a kiosk
// with an installed pack) and by `make-bad-packs` (to look at them, or to seed the fuzzer).
#pragma once

#include "TestPacks.hpp"
#include "install/Reason.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kiosk::install::test {

// The kiosk every case is tried against: it trusts `trusted` and `revoked`, lists `revoked` in
// revoked.txt, and has version kInstalledVersion of kTestPackId installed.
inline constexpr std::int64_t kInstalledVersion = 2;

struct CorpusKeys {
    TestKey trusted = makeKey();
    TestKey untrusted = makeKey();
    TestKey revoked = makeKey();
};

struct BadPackCase {
    // Writes the case's files into `stick`. `installedPack` is the kiosk's current.kpack (for
    // the case that links to it from the stick).
    using Writer = std::function<void(const std::filesystem::path& stick, const CorpusKeys& keys,
                                      const std::filesystem::path& installedPack)>;
    // What the kiosk must hold besides prepareCorpusKiosk's setup, when a case needs more (a
    // version record left by an install that was since rolled back). Usually empty.
    using KioskSetup = std::function<void(const DataDirectory& kiosk)>;
    std::string name;
    Reason expected;
    Writer write;
    KioskSetup prepareKiosk;
};

std::vector<BadPackCase> badPackCases();

// A data folder set up as the corpus expects (then the case's own prepareKiosk, if any).
void prepareCorpusKiosk(const DataFolder& kiosk, const CorpusKeys& keys);

} // namespace kiosk::install::test
