#include "install/StickScanner.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/SigningError.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace kiosk::install {

namespace {

constexpr std::string_view kPackSuffix = ".kpack";
// A stick is somebody's: photos, music, a million small files. At most this many names of a
// folder are read, and only the names of packs and signatures are examined and kept, so a
// full stick costs the kiosk neither memory nor minutes. A field officer's kiosk/ folder
// holds a handful.
constexpr std::size_t kMaximumNamesPerFolder = 200'000;

bool isPackOrSignatureName(std::string_view name) {
    auto endsWithIgnoringCase = [&](std::string_view suffix) {
        if (name.size() < suffix.size())
            return false;
        for (std::size_t index = 0; index < suffix.size(); ++index)
            if (std::tolower(static_cast<unsigned char>(name[name.size() - suffix.size() + index])) !=
                suffix[index])
                return false;
        return true;
    };
    return endsWithIgnoringCase(kPackSuffix) || endsWithIgnoringCase(".kpack.sig");
}

// FAT sticks written on Windows often shout: PACK.KPACK is a pack too.
std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
    return text;
}

bool isIgnored(const std::string& name) {
    return name.empty() || name.front() == '.';
} // also ._*

std::string describeSize(std::uint64_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB (" + std::to_string(bytes) + " bytes)";
}

class FolderScanner {
  public:
    FolderScanner(const std::filesystem::path& resolvedStick, const InstallSettings& settings)
        : stick_(resolvedStick), settings_(settings) {}

    void scan(const std::filesystem::path& folder, const std::string& prefix,
              std::vector<StickFile>& found) const {
        std::vector<os::DirectoryEntry> entries;
        try {
            entries = os::listMatchingEntries(folder, isPackOrSignatureName, kMaximumNamesPerFolder).entries;
        } catch (const os::FileError&) {
            return; // no such folder, or the stick is gone: nothing here
        }
        std::map<std::string, const os::DirectoryEntry*> byLowercaseName;
        for (const os::DirectoryEntry& entry : entries)
            byLowercaseName[lowercase(entry.name)] = &entry;
        for (const os::DirectoryEntry& entry : entries) {
            if (isIgnored(entry.name) || !lowercase(entry.name).ends_with(kPackSuffix))
                continue;
            StickFile file;
            file.path = folder / entry.name;
            // The name is the stick's: escaped once here, for every message and log line that shows it.
            file.displayName = prefix + text::printableForLog(entry.name);
            file.size = entry.status.size;
            examine(file, entry.status);
            if (file.refusal == Reason::None)
                readSignature(file, folder, byLowercaseName);
            found.push_back(std::move(file));
        }
    }

  private:
    void examine(StickFile& file, const os::FileStatus& status) const {
        auto refuse = [&](Reason reason, const std::string& detail) {
            file.refusal = reason;
            file.detail = file.displayName + ": " + detail;
        };
        if (status.type == os::FileType::SymbolicLink) {
            const std::optional<std::filesystem::path> target = os::resolvedPath(file.path);
            if (!target || !os::isSameOrInside(stick_, *target))
                refuse(Reason::FileOutsideStick, "a link to something outside the USB stick");
            else
                refuse(Reason::FileSymbolicLink, "a link, not a pack file");
            return;
        }
        if (status.type != os::FileType::Regular) {
            refuse(Reason::FileNotRegular,
                   status.type == os::FileType::Directory ? "a folder, not a pack file" : "not a plain file");
            return;
        }
        // The folder was opened without following links, but check where the file really is anyway.
        const std::optional<std::filesystem::path> resolved = os::resolvedPath(file.path);
        if (!resolved || !os::isSameOrInside(stick_, *resolved)) {
            refuse(Reason::FileOutsideStick, "resolves to a place outside the USB stick");
            return;
        }
        if (status.size == 0) {
            refuse(Reason::FileEmpty, "the file is empty");
            return;
        }
        if (status.size > settings_.maximumPackBytes) {
            refuse(Reason::FileTooLarge, "the file is " + describeSize(status.size) + "; the limit is " +
                                             describeSize(settings_.maximumPackBytes));
            return;
        }
    }

    void readSignature(StickFile& file, const std::filesystem::path& folder,
                       const std::map<std::string, const os::DirectoryEntry*>& byLowercaseName) const {
        const std::string signatureName =
            lowercase(file.path.filename().string()) + std::string(signing::kSignatureFileSuffix);
        const auto found = byLowercaseName.find(signatureName);
        if (found == byLowercaseName.end()) {
            file.refusal = Reason::SignatureMissing;
            file.detail = file.displayName + ": no signature file " +
                          file.displayName.substr(file.displayName.rfind('/') + 1) + ".sig beside it";
            return;
        }
        const os::DirectoryEntry& entry = *found->second;
        if (entry.status.type != os::FileType::Regular ||
            entry.status.size > signing::kMaximumSignatureFileBytes) {
            file.refusal = Reason::SignatureMalformed;
            file.detail =
                file.displayName + ": " + text::printableForLog(entry.name) + " is not a signature file";
            return;
        }
        try {
            const std::string text =
                os::readTextFile(folder / entry.name, signing::kMaximumSignatureFileBytes);
            file.signature = signing::parseSignatureFile(text);
        } catch (const os::FileError& error) {
            file.refusal = Reason::StickReadError;
            file.detail = file.displayName + ": cannot read its signature: " + error.what();
        } catch (const signing::SignatureFormatTooOld& error) {
            file.refusal = Reason::SignatureOldFormat;
            file.detail = file.displayName + ": " + text::printableForLog(entry.name) + ": " + error.what();
        } catch (const signing::SigningError& error) {
            file.refusal = Reason::SignatureMalformed;
            file.detail = file.displayName + ": " + text::printableForLog(entry.name) + ": " + error.what();
        }
    }

    std::filesystem::path stick_;
    const InstallSettings& settings_;
};

} // namespace

std::vector<StickFile> scanStick(const std::filesystem::path& stickRoot, const InstallSettings& settings) {
    std::vector<StickFile> found;
    const std::optional<std::filesystem::path> stick = os::resolvedPath(stickRoot);
    if (!stick)
        return found;
    const FolderScanner scanner(*stick, settings);
    scanner.scan(*stick, "", found);
    // The kiosk/ folder, however a Windows PC capitalised it. A link named kiosk is followed
    // only when it stays on the stick.
    try {
        const auto isKioskFolder = [](std::string_view name) {
            return lowercase(std::string(name)) == "kiosk";
        };
        for (const os::DirectoryEntry& entry :
             os::listMatchingEntries(*stick, isKioskFolder, kMaximumNamesPerFolder).entries) {
            const std::filesystem::path folder = *stick / entry.name;
            if (entry.status.type == os::FileType::SymbolicLink) {
                const std::optional<std::filesystem::path> target = os::resolvedPath(folder);
                if (!target || !os::isSameOrInside(*stick, *target)) {
                    StickFile refused;
                    refused.path = folder;
                    refused.displayName = text::printableForLog(entry.name) + "/";
                    refused.refusal = Reason::FileOutsideStick;
                    refused.detail = refused.displayName + ": a link to a folder outside the USB stick";
                    found.push_back(std::move(refused));
                    continue;
                }
            } else if (entry.status.type != os::FileType::Directory) {
                continue;
            }
            scanner.scan(folder, entry.name + "/", found);
        }
    } catch (const os::FileError&) {
    }
    std::sort(found.begin(), found.end(), [](const StickFile& left, const StickFile& right) {
        return left.displayName < right.displayName;
    });
    return found;
}

} // namespace kiosk::install
