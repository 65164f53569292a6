// Why a pack was refused (or which pack start-up chose, and why). Each reason has a stable
// code for staff, logs and tests ("signature-unknown-key"), and a key into
// assets/strings/ui.tsv for the plain-language message in the kiosk's language
// ("reason_signature_unknown_key"). Codes never change meaning once released; new reasons
// get new codes.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiosk::install {

enum class Reason {
    None,
    // The stick and the files on it.
    NothingForKiosk,
    FileNotRegular,
    FileSymbolicLink,
    FileOutsideStick,
    FileTooLarge,
    FileEmpty,
    StickReadError,
    // The signature.
    SignatureMissing,
    SignatureMalformed,
    SignatureOldFormat,
    SignatureUnknownKey,
    SignatureRevokedKey,
    SignatureInvalid,
    SignatureHashMismatch,
    SignatureOtherPack,
    // The kiosk's own disk and the install itself.
    DiskFull,
    DataWriteError,
    Cancelled,
    InstallBusy,
    InternalError,
    // The pack's content, checked on the staged copy.
    PackDamaged,
    PackNotAPack,
    PackFormatUnsupported,
    PackNeedsNewerKiosk,
    PackSchemaUnsafe,
    PackSchemaInvalid,
    PackTextInvalid,
    PackTextNotNfc,
    PackTextNotDrawable,
    PackContentInvalid,
    PackIdInvalid, // a page, category, language or pack id that breaks its grammar (could name a file)
    // Over one of the format's limits (pack/PackLimits.hpp), each its own reason.
    PackTooManyLanguages,
    PackTooManyCategories,
    PackTooManyPages,
    PackPageTooLong,     // too many blocks, or too much text, on one page
    PackTooMuchText,     // in all
    PackGalleryTooLarge, // too many pictures in one page's gallery
    PackTooManyCards,    // too many story cards on one page
    PackTooManyRecordings,
    PackRecordingsTooLong, // all recordings together: the check decodes every one
    PackTooManyCharacters, // the font atlas would not fit the smallest GPU's texture
    PackTextTooLong,
    PackWordTooLong, // a word without a break that cannot wrap on screen
    ImageTooLarge,
    ImageDecompressionBomb,
    ImageDamaged,
    AudioDamaged, // a narration or spoken language name that does not decode (or match its row)
    // Versions.
    PackNotNewer,
    PackAlreadyInstalled,
    PackInstalledBefore, // newer than the pack shown, but not than one this kiosk installed before
    SupersededOnStick,
    AnotherPackChosen,
    // Start-up: which pack the kiosk opened, and why.
    StartupCurrent,
    StartupCurrentMissing,
    StartupCurrentRefused,
    StartupCurrentUnstable, // a safe start: the kiosk kept restarting with the installed pack
    StartupNoPackInstalled,
    StartupInstalledPacksRefused,
    StartupCommandLine,
};

// "signature-unknown-key": lowercase words joined by '-'.
std::string_view reasonCode(Reason reason);
// "reason_signature_unknown_key": the ui.tsv key of the plain-language message.
std::string reasonMessageKey(Reason reason);
std::optional<Reason> reasonFromCode(std::string_view code);
// Every reason, for tests that check each has a code and a message in every language.
std::span<const Reason> allReasons();

// Thrown inside the installer to refuse a pack; `detail` is for the staff view and the log
// (English, may name files and tables), the reason's message is what villagers see.
class Refusal : public std::runtime_error {
  public:
    Refusal(Reason reason, const std::string& detail) : std::runtime_error(detail), reason_(reason) {}
    Reason reason() const { return reason_; }

  private:
    Reason reason_;
};

} // namespace kiosk::install
