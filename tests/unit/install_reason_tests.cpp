// Reason codes are stable strings, and every reason has a message in Vietnamese and English.
#include "install/InstallStatus.hpp"
#include "install/Reason.hpp"
#include "os/FileSystem.hpp"
#include "text/UiStrings.hpp"

#include <set>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::install;

TEST_CASE("reasons: codes are unique, lowercase words joined by '-', and read back") {
    std::set<std::string_view> codes;
    for (const Reason reason : allReasons()) {
        const std::string_view code = reasonCode(reason);
        CAPTURE(code);
        CHECK(codes.insert(code).second);
        CHECK(!code.empty());
        CHECK(code.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
        CHECK(reasonFromCode(code) == reason);
    }
    CHECK(!reasonFromCode("no-such-reason"));
}

TEST_CASE("reasons: the codes staff and logs already know never change") {
    CHECK(reasonCode(Reason::SignatureUnknownKey) == "signature-unknown-key");
    CHECK(reasonCode(Reason::SignatureRevokedKey) == "signature-revoked-key");
    CHECK(reasonCode(Reason::SignatureMissing) == "signature-missing");
    CHECK(reasonCode(Reason::PackNotNewer) == "pack-not-newer");
    CHECK(reasonCode(Reason::DiskFull) == "disk-full");
    CHECK(reasonCode(Reason::StickReadError) == "stick-read-error");
    CHECK(reasonCode(Reason::ImageDecompressionBomb) == "image-decompression-bomb");
    CHECK(reasonCode(Reason::StartupCurrentRefused) == "startup-current-refused");
    CHECK(reasonMessageKey(Reason::SignatureUnknownKey) == "reason_signature_unknown_key");
}

TEST_CASE("reasons: every reason and install stage has its message in ui.tsv in Vietnamese and English") {
    const std::filesystem::path file = std::filesystem::path(KIOSK_TEST_SOURCE_DIR) / "assets/strings/ui.tsv";
    const text::UiStrings strings = text::UiStrings::parse(os::readTextFile(file, 1 << 20), file.string());
    std::vector<std::string> keys;
    for (const Reason reason : allReasons())
        keys.push_back(reasonMessageKey(reason));
    for (const char* key :
         {"install_found", "install_copying", "install_verifying", "install_installed", "install_refused",
          "install_remove_stick", "install_version", "install_publisher", "install_date",
          "install_pages_added", "install_pages_removed", "install_reason_code"})
        keys.emplace_back(key);
    for (const std::string& key : keys) {
        CAPTURE(key);
        CHECK(strings.has(key, "vie"));
        CHECK(strings.has(key, "eng"));
        CHECK(strings.get(key, "vie") != strings.get(key, "eng"));
    }
}

TEST_CASE("install stages: names, and which ones are final") {
    CHECK(std::string(installStageName(InstallStage::NothingForKiosk)) == "nothing-for-kiosk");
    CHECK(std::string(installStageName(InstallStage::Copying)) == "copying");
    CHECK(isFinished(InstallStage::Installed));
    CHECK(isFinished(InstallStage::Refused));
    CHECK(isFinished(InstallStage::NothingForKiosk));
    CHECK(!isFinished(InstallStage::Scanning));
    CHECK(!isFinished(InstallStage::Found));
    CHECK(!isFinished(InstallStage::Copying));
    CHECK(!isFinished(InstallStage::Verifying));
}
