#include "install/InstallStatus.hpp"

namespace kiosk::install {

const char* installStageName(InstallStage stage) {
    switch (stage) {
    case InstallStage::Scanning:
        return "scanning";
    case InstallStage::Found:
        return "found";
    case InstallStage::Copying:
        return "copying";
    case InstallStage::Verifying:
        return "verifying";
    case InstallStage::Installed:
        return "installed";
    case InstallStage::Refused:
        return "refused";
    case InstallStage::NothingForKiosk:
        return "nothing-for-kiosk";
    }
    return "?";
}

bool isFinished(InstallStage stage) {
    return stage == InstallStage::Installed || stage == InstallStage::Refused ||
           stage == InstallStage::NothingForKiosk;
}

const char* candidateOutcomeName(CandidateOutcome outcome) {
    switch (outcome) {
    case CandidateOutcome::Waiting:
        return "waiting";
    case CandidateOutcome::Copying:
        return "copying";
    case CandidateOutcome::Verifying:
        return "verifying";
    case CandidateOutcome::Installed:
        return "installed";
    case CandidateOutcome::Refused:
        return "refused";
    case CandidateOutcome::Skipped:
        return "skipped";
    }
    return "?";
}

PackDescription describePack(const pack::PackIndex& index) {
    PackDescription description;
    description.packId = index.metadata.packId;
    description.packVersion = index.metadata.packVersion;
    description.publisher = index.metadata.publisher;
    description.created = index.metadata.created;
    description.defaultLanguage = index.metadata.defaultLanguage;
    for (const pack::Language& language : index.languages)
        description.title.byLanguage[language.code] = language.packTitle;
    return description;
}

} // namespace kiosk::install
