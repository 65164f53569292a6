#include "install/PackInstaller.hpp"

#include "install/DataDirectory.hpp"
#include "install/InstalledVersions.hpp"
#include "install/PackSwitch.hpp"
#include "install/PackVerification.hpp"
#include "install/StartupPack.hpp"
#include "install/StickScanner.hpp"
#include "os/FileStatus.hpp"
#include "os/FileStreaming.hpp"
#include "os/SystemStatus.hpp"
#include "signing/ChunkedSha256.hpp"
#include "signing/TrustStore.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace kiosk::install {

namespace {

std::mutex& installMutex() {
    static std::mutex mutex;
    return mutex;
}

std::string describeBytes(std::uint64_t bytes) {
    return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MiB";
}

class Installer {
  public:
    Installer(const InstallRequest& request, InstallProgress& progress)
        : request_(request), settings_(request.settings), progress_(progress), data_(request.dataDirectory) {}

    void run() {
        StageStopwatch stopwatch(settings_.onStageTimed);
        const std::vector<StickFile> files = scanStick(request_.stickRoot, settings_);
        if (files.empty()) {
            finish(InstallStage::NothingForKiosk, Reason::NothingForKiosk,
                   "no *.kpack on " + request_.stickRoot.string());
            return;
        }
        const signing::TrustStore trust = signing::TrustStore::loadFromDirectory(data_.keysDirectory());
        installed_ = installedPackIndex(data_, settings_.embeddedPack, settings_.kioskVersion);
        installedVersions_ = InstalledVersions::load(data_);
        if (!installedVersions_.problem().empty())
            logNote_ = " (" + installedVersions_.problem() + "; what could be read of it still counts)";
        if (!settings_.fontFiles.empty())
            glyphs_ = text::GlyphCoverage::load(settings_.fontFiles);
        stopwatch.lap("prepare: scan the stick, keys, installed pack, version record, fonts");

        progress_.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = InstallStage::Found;
            if (installed_)
                snapshot.previous = describePack(*installed_);
            for (const StickFile& file : files) {
                CandidateReport report;
                report.file = file.displayName;
                if (file.signature) {
                    report.packId = file.signature->fields.packId;
                    report.packVersion = file.signature->fields.packVersion;
                }
                if (file.refusal != Reason::None) {
                    report.outcome = CandidateOutcome::Refused;
                    report.reason = file.refusal;
                    report.detail = file.detail;
                }
                snapshot.candidates.push_back(std::move(report));
            }
        });

        // Everything that can be refused from the signature file alone, before any copying.
        std::vector<std::size_t> eligible;
        for (std::size_t index = 0; index < files.size(); ++index) {
            if (files[index].refusal != Reason::None)
                continue;
            try {
                checkBeforeCopying(files[index], trust);
                eligible.push_back(index);
            } catch (const Refusal& refusal) {
                refuseCandidate(index, refusal);
            }
        }

        for (const std::vector<std::size_t>& group : orderedGroups(files, eligible)) {
            for (const std::size_t index : group) {
                if (installedIndex_) {
                    const bool samePack = files[index].signature->fields.packId ==
                                          files[*installedIndex_].signature->fields.packId;
                    skipCandidate(
                        index, samePack ? Reason::SupersededOnStick : Reason::AnotherPackChosen,
                        samePack
                            ? "a newer (or the same) version of this pack was installed from the same stick"
                            : "another pack from the same stick was installed");
                    continue;
                }
                if (progress_.stopRequested()) {
                    skipCandidate(index, Reason::Cancelled, "the install was cancelled");
                    continue;
                }
                try {
                    installCandidate(index, files[index], trust);
                    installedIndex_ = index;
                } catch (const Refusal& refusal) {
                    removeStagedCopy();
                    refuseCandidate(index, refusal);
                }
            }
        }
        if (!installedIndex_) {
            const std::optional<CandidateReport> primary = primaryRefusal(files);
            finish(InstallStage::Refused, primary ? primary->reason : Reason::InternalError,
                   primary ? primary->detail : "no pack could be installed");
        }
    }

  private:
    // Candidates grouped by pack id, each group newest first; the installed pack's id first
    // and alone when present (a stick cannot swap the commune's pack for another one while it
    // also carries an update of it).
    std::vector<std::vector<std::size_t>> orderedGroups(const std::vector<StickFile>& files,
                                                        const std::vector<std::size_t>& eligible) {
        std::map<std::string, std::vector<std::size_t>> byPackId;
        for (const std::size_t index : eligible)
            byPackId[files[index].signature->fields.packId].push_back(index);
        for (auto& [packId, group] : byPackId)
            std::stable_sort(group.begin(), group.end(), [&](std::size_t left, std::size_t right) {
                return files[left].signature->fields.packVersion > files[right].signature->fields.packVersion;
            });
        std::vector<std::vector<std::size_t>> groups;
        if (installed_) {
            const auto update = byPackId.find(installed_->metadata.packId);
            if (update != byPackId.end()) {
                groups.push_back(update->second);
                for (const auto& [packId, group] : byPackId)
                    if (packId != installed_->metadata.packId)
                        for (const std::size_t index : group)
                            skipCandidate(
                                index, Reason::AnotherPackChosen,
                                "the stick also holds an update of the installed pack, which comes first");
                return groups;
            }
        }
        for (auto& [packId, group] : byPackId)
            groups.push_back(std::move(group));
        return groups;
    }

    void checkBeforeCopying(const StickFile& file, const signing::TrustStore& trust) const {
        const signing::PackSignature& signature = *file.signature;
        checkSignatureAndKey(signature, trust, file.displayName);
        if (signature.fields.fileSize != file.size)
            throw Refusal(Reason::SignatureHashMismatch,
                          file.displayName + " is " + std::to_string(file.size) +
                              " bytes but was signed at " + std::to_string(signature.fields.fileSize) +
                              " bytes (truncated or changed)");
        checkVersion(signature.fields.packId, signature.fields.packVersion, file.displayName);
    }

    void checkVersion(const std::string& packId, std::int64_t version, const std::string& name) const {
        if (request_.allowDowngrade)
            return;
        if (installed_ && installed_->metadata.packId == packId) {
            const std::int64_t installedVersion = installed_->metadata.packVersion;
            if (version == installedVersion)
                throw Refusal(Reason::PackAlreadyInstalled, name + ": version " + std::to_string(version) +
                                                                " of " + packId + " is already installed");
            if (version < installedVersion)
                throw Refusal(Reason::PackNotNewer, name + ": version " + std::to_string(version) + " of " +
                                                        packId + " is older than the installed version " +
                                                        std::to_string(installedVersion));
        }
        // Newer than what the kiosk shows, but the kiosk once had this version or a newer one
        // (it went back to last-known-good or to the built-in pack since): a replay.
        if (const std::optional<std::int64_t> highest = installedVersions_.highest(packId);
            highest && version <= *highest)
            throw Refusal(
                Reason::PackInstalledBefore,
                name + ": version " + std::to_string(version) + " of " + packId +
                    " is not newer than version " + std::to_string(*highest) +
                    ", which this kiosk installed before (the staff override can go back on purpose)");
    }

    void installCandidate(std::size_t index, const StickFile& file, const signing::TrustStore& trust) {
        const signing::SignedPackFields& signedFields = file.signature->fields;
        progress_.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = InstallStage::Copying;
            snapshot.progress = 0;
            snapshot.bytesDone = 0;
            snapshot.bytesTotal = file.size;
            PackDescription description;
            description.packId = signedFields.packId;
            description.packVersion = signedFields.packVersion;
            snapshot.pack = description;
            snapshot.candidates[index].outcome = CandidateOutcome::Copying;
        });
        StageStopwatch stopwatch(settings_.onStageTimed);
        // The copy goes to the disk while its hash is finished and while it is checked: both
        // read it from the page cache either way, and only the rename into place needs it durable.
        std::optional<os::BackgroundFsync> durability;
        const std::string stagedHash = copyToStaging(file, durability);
        stopwatch.lap("copy to staging + its hash");

        progress_.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = InstallStage::Verifying;
            snapshot.progress = 0;
            snapshot.candidates[index].outcome = CandidateOutcome::Verifying;
        });
        const pack::PackIndex verified =
            verifyStagedCopy(*file.signature, trust, file.displayName, stagedHash);
        stopwatch.lap("checks (all, wall time; the fsync of the copy runs beside them)");
        try {
            durability->wait();
        } catch (const os::NoSpaceError& error) {
            throw Refusal(Reason::DiskFull, error.what());
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError,
                          std::string("cannot write the copy to the disk: ") + error.what());
        }
        stopwatch.lap("waiting for the fsync of the copy");

        try {
            switchToStagedPack(data_, settings_.kioskVersion);
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError,
                          std::string("cannot put the pack in place: ") + error.what());
        }
        // Only now that the pack is in place: a record ahead of every pack the kiosk has would
        // refuse the very pack that failed to go in.
        const std::string recordProblem =
            recordInstalledVersion(signedFields.packId, signedFields.packVersion);
        stopwatch.lap("switch + version record");

        const auto pageIds = [](const pack::PackIndex& pack) {
            std::set<std::string> ids;
            for (const pack::PageSummary& page : pack.pages)
                ids.insert(page.id);
            return ids;
        };
        const std::set<std::string> newPages = pageIds(verified);
        const std::set<std::string> oldPages = installed_ ? pageIds(*installed_) : std::set<std::string>();
        int added = 0;
        int removed = 0;
        for (const std::string& id : newPages)
            added += oldPages.contains(id) ? 0 : 1;
        for (const std::string& id : oldPages)
            removed += newPages.contains(id) ? 0 : 1;
        progress_.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = InstallStage::Installed;
            snapshot.progress = 1;
            snapshot.pack = describePack(verified);
            snapshot.pagesAdded = added;
            snapshot.pagesRemoved = removed;
            snapshot.reason = Reason::None;
            snapshot.detail = file.displayName + ": installed " + signedFields.packId + " version " +
                              std::to_string(signedFields.packVersion) + recordProblem + logNote_;
            snapshot.installedFile = data_.currentPack();
            snapshot.candidates[index].outcome = CandidateOutcome::Installed;
        });
    }

    // Raises the installed-versions record; a failure does not undo the install (the pack is in
    // place), it is said in the detail for the log and the staff view.
    std::string recordInstalledVersion(const std::string& packId, std::int64_t version) {
        if (!installedVersions_.raise(packId, version))
            return {};
        try {
            installedVersions_.save(data_);
            return {};
        } catch (const std::exception& error) {
            return std::string(" (but the installed-versions record could not be written: ") + error.what() +
                   ")";
        }
    }

    // Copies the pack into staging/, starts `durability` on the copy, and returns the hash of
    // the copy (signing/ChunkedSha256.hpp).
    std::string copyToStaging(const StickFile& file, std::optional<os::BackgroundFsync>& durability) {
        try {
            os::createDirectoriesDurably(data_.stagingDirectory());
            os::removeFileDurably(data_.stagedPack());
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError,
                          std::string("cannot prepare the staging folder: ") + error.what());
        }
        const auto freeSpace = settings_.freeSpace ? settings_.freeSpace(data_.stagingDirectory())
                                                   : os::freeDiskBytes(data_.stagingDirectory());
        if (freeSpace && *freeSpace < file.size + settings_.reserveBytes)
            throw Refusal(Reason::DiskFull, "the pack needs " + describeBytes(file.size) + " plus " +
                                                describeBytes(settings_.reserveBytes) +
                                                " to spare; the data disk has " + describeBytes(*freeSpace) +
                                                " free");
        os::CopyRequest copy;
        copy.source = file.path;
        copy.destination = data_.stagedPack();
        copy.expectedBytes = file.size;
        copy.chunkBytes = settings_.copyChunkBytes;
        copy.fsyncWhenDone = false; // `durability` below, beside the hashing and the checks
        // The staged copy's own bytes are hashed, read back chunk by chunk on helper threads
        // right behind the copy (from the page cache), so the hash is ready soon after the copy.
        signing::ChunkedFileHasher hasher(data_.stagedPack(), file.size);
        copy.onProgress = [&](const os::CopyProgress& copied) {
            hasher.bytesWritten(copied.bytesDone);
            progress_.update([&](InstallSnapshot& snapshot) {
                snapshot.bytesDone = copied.bytesDone;
                snapshot.progress = copied.bytesTotal ? static_cast<double>(copied.bytesDone) /
                                                            static_cast<double>(copied.bytesTotal)
                                                      : 1.0;
            });
            if (settings_.afterCopyChunk)
                settings_.afterCopyChunk(copied.bytesDone);
            return !progress_.stopRequested();
        };
        try {
            os::copyFileDurably(copy);
        } catch (const os::SourceReadError& error) {
            throw Refusal(Reason::StickReadError, file.displayName + ": " + error.what());
        } catch (const os::NoSpaceError& error) {
            throw Refusal(Reason::DiskFull, error.what());
        } catch (const os::CopyCancelled& error) {
            throw Refusal(Reason::Cancelled, error.what());
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError, error.what());
        }
        durability.emplace(data_.stagedPack());
        try {
            return hasher.finishHex([&](std::uint64_t) { return !progress_.stopRequested(); });
        } catch (const os::CopyCancelled& error) {
            throw Refusal(Reason::Cancelled, error.what());
        } catch (const os::FileError& error) {
            throw Refusal(Reason::DataWriteError, std::string("cannot read the copy back: ") + error.what());
        }
    }

    pack::PackIndex verifyStagedCopy(const signing::PackSignature& signature,
                                     const signing::TrustStore& trust, const std::string& name,
                                     const std::string& stagedHash) {
        VerificationRequest verification;
        verification.packFile = data_.stagedPack();
        verification.hashOfWrittenFile = stagedHash;
        verification.onStageTimed = settings_.onStageTimed;
        verification.name = name;
        verification.kioskVersion = settings_.kioskVersion;
        verification.maximumPackBytes = settings_.maximumPackBytes;
        verification.glyphs = glyphs_ ? &*glyphs_ : nullptr;
        verification.onProgress = [&](double fraction) {
            progress_.update([&](InstallSnapshot& snapshot) { snapshot.progress = fraction; });
            return !progress_.stopRequested();
        };
        return verifySignedPack(verification, signature, trust);
    }

    void removeStagedCopy() {
        try {
            os::removeFileDurably(data_.stagedPack());
        } catch (const os::FileError&) {
            // Start-up empties staging/ anyway.
        }
    }

    void refuseCandidate(std::size_t index, const Refusal& refusal) {
        progress_.update([&](InstallSnapshot& snapshot) {
            CandidateReport& report = snapshot.candidates[index];
            report.outcome = CandidateOutcome::Refused;
            report.reason = refusal.reason();
            report.detail = refusal.what();
        });
    }

    void skipCandidate(std::size_t index, Reason reason, const std::string& detail) {
        progress_.update([&](InstallSnapshot& snapshot) {
            CandidateReport& report = snapshot.candidates[index];
            report.outcome = CandidateOutcome::Skipped;
            report.reason = reason;
            report.detail = snapshot.candidates[index].file + ": " + detail;
        });
    }

    // The refusal the screen shows: that of the first candidate tried, else of the first file.
    std::optional<CandidateReport> primaryRefusal(const std::vector<StickFile>& files) const {
        const InstallSnapshot snapshot = progress_.snapshot();
        for (const std::size_t index : reportOrder(files))
            if (snapshot.candidates[index].outcome == CandidateOutcome::Refused)
                return snapshot.candidates[index];
        if (!snapshot.candidates.empty())
            return snapshot.candidates.front();
        return std::nullopt;
    }

    // Files with a signature that names the installed pack id come first, newest first, then
    // the other signed files, then the rest in name order.
    std::vector<std::size_t> reportOrder(const std::vector<StickFile>& files) const {
        std::vector<std::size_t> order(files.size());
        for (std::size_t index = 0; index < files.size(); ++index)
            order[index] = index;
        const std::string installedId = installed_ ? installed_->metadata.packId : std::string();
        std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
            const auto rank = [&](std::size_t index) {
                const auto& signature = files[index].signature;
                return !signature ? 2 : signature->fields.packId == installedId ? 0 : 1;
            };
            if (rank(left) != rank(right))
                return rank(left) < rank(right);
            if (files[left].signature && files[right].signature)
                return files[left].signature->fields.packVersion > files[right].signature->fields.packVersion;
            return false;
        });
        return order;
    }

    void finish(InstallStage stage, Reason reason, const std::string& detail) {
        progress_.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = stage;
            snapshot.reason = reason;
            snapshot.detail = detail + logNote_;
            if (stage != InstallStage::Installed) {
                snapshot.progress = 0;
                snapshot.bytesDone = 0;
            }
        });
    }

    const InstallRequest& request_;
    const InstallSettings& settings_;
    InstallProgress& progress_;
    DataDirectory data_;
    std::optional<pack::PackIndex> installed_;
    InstalledVersions installedVersions_;
    std::string logNote_; // said with the outcome: a damaged installed-versions record
    std::optional<text::GlyphCoverage> glyphs_;
    std::optional<std::size_t> installedIndex_;
};

} // namespace

InstallSnapshot InstallProgress::snapshot() const {
    const std::lock_guard lock(mutex_);
    return snapshot_;
}

void InstallProgress::update(const std::function<void(InstallSnapshot&)>& change) {
    const std::lock_guard lock(mutex_);
    change(snapshot_);
    ++snapshot_.sequence;
}

InstallSnapshot runInstall(const InstallRequest& request, InstallProgress& progress) {
    const std::unique_lock lock(installMutex(), std::try_to_lock);
    auto fail = [&](Reason reason, const std::string& detail) {
        progress.update([&](InstallSnapshot& snapshot) {
            snapshot.stage = InstallStage::Refused;
            snapshot.reason = reason;
            snapshot.detail = detail;
        });
    };
    if (!lock.owns_lock()) {
        fail(Reason::InstallBusy, "another install is running");
        return progress.snapshot();
    }
    try {
        Installer(request, progress).run();
    } catch (const Refusal& refusal) {
        fail(refusal.reason(), refusal.what());
    } catch (const std::exception& error) {
        fail(Reason::InternalError, error.what());
    }
    return progress.snapshot();
}

InstallSnapshot runInstall(const InstallRequest& request) {
    InstallProgress progress;
    return runInstall(request, progress);
}

} // namespace kiosk::install
