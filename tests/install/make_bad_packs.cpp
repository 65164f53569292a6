// make-bad-packs OUTPUT_FOLDER [CASE...]: writes the bad-pack corpus (or only the cases named)
// to look at, to try on a kiosk (the end-to-end tests open some with --pack), or to seed the
// fuzzer:
//   OUTPUT_FOLDER/kiosk-data/        a kiosk data folder (keys, revoked.txt, pack version 2)
//   OUTPUT_FOLDER/kiosk-data-NAME/   the same plus what case NAME needs (only a few cases)
//   OUTPUT_FOLDER/sticks/NAME/       one stick folder per case
//   OUTPUT_FOLDER/expected.tsv       NAME<TAB>reason code the kiosk must give
//   OUTPUT_FOLDER/good/update.kpack  a good, signed version 3 (for comparison)
// Try one: kiosk --data-dir OUTPUT_FOLDER/kiosk-data --usb-root OUTPUT_FOLDER/sticks
#include "BadPackCorpus.hpp"

#include "install/Reason.hpp"
#include "os/FileSystem.hpp"

#include <fstream>
#include <iostream>
#include <set>
#include <string_view>

using namespace kiosk::install;
using namespace kiosk::install::test;

int main(int argumentCount, char** argumentValues) {
    // An option is never taken for a folder to write into.
    if (argumentCount < 2 || std::string_view(argumentValues[1]).starts_with("-")) {
        std::cerr << "usage: make-bad-packs OUTPUT_FOLDER [CASE...]\n";
        return 2;
    }
    const std::set<std::string> wanted(argumentValues + 2, argumentValues + argumentCount);
    std::set<std::string> unmatched = wanted;
    try {
        const std::filesystem::path output = argumentValues[1];
        std::filesystem::create_directories(output);
        const CorpusKeys keys;
        const DataDirectory kiosk(output / "kiosk-data");
        writeText(kiosk.keysDirectory() / "trusted.pub", keys.trusted.publicKeyFile);
        writeText(kiosk.keysDirectory() / "old-office.pub", keys.revoked.publicKeyFile);
        writeText(kiosk.keysDirectory() / "revoked.txt", keys.revoked.pair.publicKey.keyId + "\n");
        writeFile(kiosk.currentPack(), smallPack(kInstalledVersion));
        writeFile(output / "good" / "update.kpack", smallPack(3));
        signPack(output / "good" / "update.kpack", keys.trusted, kTestPackId, 3);

        std::ofstream expected(output / "expected.tsv");
        int written = 0;
        for (const BadPackCase& badPack : badPackCases()) {
            if (!wanted.empty() && !wanted.contains(badPack.name))
                continue;
            unmatched.erase(badPack.name);
            const std::filesystem::path stick = output / "sticks" / badPack.name;
            std::filesystem::create_directories(stick);
            badPack.write(stick, keys, kiosk.currentPack());
            if (badPack.prepareKiosk) {
                // A case that needs more on the kiosk than the shared data folder has gets its own.
                const DataDirectory own(output / ("kiosk-data-" + badPack.name));
                std::filesystem::create_directories(own.root());
                std::filesystem::copy(kiosk.root(), own.root(), std::filesystem::copy_options::recursive);
                badPack.prepareKiosk(own);
            }
            expected << badPack.name << '\t' << reasonCode(badPack.expected) << '\n';
            ++written;
        }
        if (!unmatched.empty()) {
            std::cerr << "make-bad-packs: no case named " << *unmatched.begin() << "\n";
            return 2;
        }
        std::cout << "wrote " << written << " bad packs into " << (output / "sticks").string() << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "make-bad-packs: " << error.what() << "\n";
        return 1;
    }
}
