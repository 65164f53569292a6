// What an install is doing, as plain values a UI can copy every frame and draw.
#pragma once

#include "install/Reason.hpp"
#include "pack/PackModel.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::install {

enum class InstallStage {
    Scanning,        // looking at the stick
    Found,           // packs found; about to copy
    Copying,         // bytesDone/bytesTotal
    Verifying,       // checking the copy: progress is the fraction of checks done
    Installed,       // finished: `pack` is now the kiosk's pack
    Refused,         // finished: nothing changed; `reason` says why
    NothingForKiosk, // finished: no pack on the stick; the UI need not interrupt anyone
};

const char* installStageName(InstallStage stage);
bool isFinished(InstallStage stage);

enum class CandidateOutcome { Waiting, Copying, Verifying, Installed, Refused, Skipped };

const char* candidateOutcomeName(CandidateOutcome outcome);

// What the screen says about a pack. Before verification only the id and version (from its
// signature) are known; title, publisher and date come once the staged copy is checked.
struct PackDescription {
    std::string packId;
    std::int64_t packVersion = 0;
    std::string publisher;
    std::string created; // YYYY-MM-DD
    pack::LocalizedText title;
    pack::LanguageCode defaultLanguage;
};

PackDescription describePack(const pack::PackIndex& index);

// One *.kpack on the stick and what happened to it.
struct CandidateReport {
    std::string file;                  // relative to the stick: "kiosk/xa-an-phu.kpack"
    std::optional<std::string> packId; // from its signature, when it has one
    std::optional<std::int64_t> packVersion;
    CandidateOutcome outcome = CandidateOutcome::Waiting;
    Reason reason = Reason::None;
    std::string detail; // English, for staff and the log
};

struct InstallSnapshot {
    InstallStage stage = InstallStage::Scanning;
    double progress = 0;         // 0..1 within the current stage
    std::uint64_t bytesDone = 0; // while copying
    std::uint64_t bytesTotal = 0;
    std::optional<PackDescription> pack;     // the pack being installed, or installed
    std::optional<PackDescription> previous; // the pack the kiosk had before
    int pagesAdded = 0;                      // pages of `pack` that `previous` did not have
    int pagesRemoved = 0;                    // pages of `previous` that `pack` does not have
    Reason reason = Reason::None;            // why it was refused (Refused), or NothingForKiosk
    std::string detail;                      // English detail for staff and the log
    std::vector<CandidateReport> candidates;
    std::filesystem::path installedFile; // packs/current.kpack once Installed
    // Grows with every change, so a UI can tell a new snapshot from the last one it drew.
    std::uint64_t sequence = 0;
};

} // namespace kiosk::install
