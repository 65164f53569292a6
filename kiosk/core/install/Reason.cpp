#include "install/Reason.hpp"

#include <array>
#include <utility>

namespace kiosk::install {

namespace {

constexpr std::array kCodes{
    std::pair{Reason::None, std::string_view("ok")},
    std::pair{Reason::NothingForKiosk, std::string_view("nothing-for-kiosk")},
    std::pair{Reason::FileNotRegular, std::string_view("file-not-regular")},
    std::pair{Reason::FileSymbolicLink, std::string_view("file-symlink")},
    std::pair{Reason::FileOutsideStick, std::string_view("file-outside-stick")},
    std::pair{Reason::FileTooLarge, std::string_view("file-too-large")},
    std::pair{Reason::FileEmpty, std::string_view("file-empty")},
    std::pair{Reason::StickReadError, std::string_view("stick-read-error")},
    std::pair{Reason::SignatureMissing, std::string_view("signature-missing")},
    std::pair{Reason::SignatureMalformed, std::string_view("signature-malformed")},
    std::pair{Reason::SignatureOldFormat, std::string_view("signature-old-format")},
    std::pair{Reason::SignatureUnknownKey, std::string_view("signature-unknown-key")},
    std::pair{Reason::SignatureRevokedKey, std::string_view("signature-revoked-key")},
    std::pair{Reason::SignatureInvalid, std::string_view("signature-invalid")},
    std::pair{Reason::SignatureHashMismatch, std::string_view("signature-hash-mismatch")},
    std::pair{Reason::SignatureOtherPack, std::string_view("signature-other-pack")},
    std::pair{Reason::DiskFull, std::string_view("disk-full")},
    std::pair{Reason::DataWriteError, std::string_view("data-write-error")},
    std::pair{Reason::Cancelled, std::string_view("cancelled")},
    std::pair{Reason::InstallBusy, std::string_view("install-busy")},
    std::pair{Reason::InternalError, std::string_view("internal-error")},
    std::pair{Reason::PackDamaged, std::string_view("pack-damaged")},
    std::pair{Reason::PackNotAPack, std::string_view("pack-not-a-pack")},
    std::pair{Reason::PackFormatUnsupported, std::string_view("pack-format-unsupported")},
    std::pair{Reason::PackNeedsNewerKiosk, std::string_view("pack-needs-newer-kiosk")},
    std::pair{Reason::PackSchemaUnsafe, std::string_view("pack-schema-unsafe")},
    std::pair{Reason::PackSchemaInvalid, std::string_view("pack-schema-invalid")},
    std::pair{Reason::PackTextInvalid, std::string_view("pack-text-invalid")},
    std::pair{Reason::PackTextNotNfc, std::string_view("pack-text-not-nfc")},
    std::pair{Reason::PackTextNotDrawable, std::string_view("pack-text-not-drawable")},
    std::pair{Reason::PackContentInvalid, std::string_view("pack-content-invalid")},
    std::pair{Reason::PackIdInvalid, std::string_view("pack-id-invalid")},
    std::pair{Reason::PackTooManyLanguages, std::string_view("pack-too-many-languages")},
    std::pair{Reason::PackTooManyCategories, std::string_view("pack-too-many-categories")},
    std::pair{Reason::PackTooManyPages, std::string_view("pack-too-many-pages")},
    std::pair{Reason::PackPageTooLong, std::string_view("pack-page-too-long")},
    std::pair{Reason::PackTooMuchText, std::string_view("pack-too-much-text")},
    std::pair{Reason::PackGalleryTooLarge, std::string_view("pack-gallery-too-large")},
    std::pair{Reason::PackTooManyCards, std::string_view("pack-too-many-cards")},
    std::pair{Reason::PackTooManyRecordings, std::string_view("pack-too-many-recordings")},
    std::pair{Reason::PackRecordingsTooLong, std::string_view("pack-recordings-too-long")},
    std::pair{Reason::PackTooManyCharacters, std::string_view("pack-too-many-characters")},
    std::pair{Reason::PackTextTooLong, std::string_view("pack-text-too-long")},
    std::pair{Reason::PackWordTooLong, std::string_view("pack-word-too-long")},
    std::pair{Reason::ImageTooLarge, std::string_view("image-too-large")},
    std::pair{Reason::ImageDecompressionBomb, std::string_view("image-decompression-bomb")},
    std::pair{Reason::ImageDamaged, std::string_view("image-damaged")},
    std::pair{Reason::AudioDamaged, std::string_view("audio-damaged")},
    std::pair{Reason::PackNotNewer, std::string_view("pack-not-newer")},
    std::pair{Reason::PackAlreadyInstalled, std::string_view("pack-already-installed")},
    std::pair{Reason::PackInstalledBefore, std::string_view("pack-installed-before")},
    std::pair{Reason::SupersededOnStick, std::string_view("superseded-on-stick")},
    std::pair{Reason::AnotherPackChosen, std::string_view("another-pack-chosen")},
    std::pair{Reason::StartupCurrent, std::string_view("startup-current")},
    std::pair{Reason::StartupCurrentMissing, std::string_view("startup-current-missing")},
    std::pair{Reason::StartupCurrentRefused, std::string_view("startup-current-refused")},
    std::pair{Reason::StartupCurrentUnstable, std::string_view("startup-current-unstable")},
    std::pair{Reason::StartupNoPackInstalled, std::string_view("startup-no-pack-installed")},
    std::pair{Reason::StartupInstalledPacksRefused, std::string_view("startup-installed-packs-refused")},
    std::pair{Reason::StartupCommandLine, std::string_view("startup-command-line")},
};

constexpr std::array<Reason, kCodes.size()> kAllReasons = [] {
    std::array<Reason, kCodes.size()> reasons{};
    for (std::size_t index = 0; index < kCodes.size(); ++index)
        reasons[index] = kCodes[index].first;
    return reasons;
}();

} // namespace

std::string_view reasonCode(Reason reason) {
    for (const auto& [known, code] : kCodes)
        if (known == reason)
            return code;
    return "internal-error";
}

std::string reasonMessageKey(Reason reason) {
    std::string key = "reason_" + std::string(reasonCode(reason));
    for (char& character : key)
        if (character == '-')
            character = '_';
    return key;
}

std::optional<Reason> reasonFromCode(std::string_view code) {
    for (const auto& [reason, known] : kCodes)
        if (known == code)
            return reason;
    return std::nullopt;
}

std::span<const Reason> allReasons() {
    return kAllReasons;
}

} // namespace kiosk::install
