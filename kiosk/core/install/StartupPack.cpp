#include "install/StartupPack.hpp"

#include "os/FileStatus.hpp"

namespace kiosk::install {

namespace {

struct Attempt {
    std::unique_ptr<pack::PackReader> reader;
    bool present = false;
    std::string problem;
};

Attempt tryOpen(const std::filesystem::path& file, std::int64_t kioskVersion) {
    Attempt attempt;
    const std::optional<os::FileStatus> status = os::linkStatus(file);
    attempt.present = status.has_value();
    if (!attempt.present) {
        attempt.problem = file.filename().string() + " is not there";
        return attempt;
    }
    try {
        auto reader = std::make_unique<pack::PackReader>(pack::PackReader::openFile(file, kioskVersion));
        reader->validateAllPages();
        attempt.reader = std::move(reader);
    } catch (const std::exception& error) {
        attempt.problem = file.filename().string() + " cannot be shown: " + error.what();
    }
    return attempt;
}

StartupPack choose(const DataDirectory& data, std::span<const std::uint8_t> embeddedPack,
                   std::int64_t kioskVersion, bool safeStart) {
    StartupPack choice;
    Attempt current;
    if (safeStart) {
        current.present = os::linkStatus(data.currentPack()).has_value();
        current.problem = "the kiosk did not stay up on " + data.currentPack().filename().string() +
                          " for several starts in a row (a safe start)";
    } else {
        current = tryOpen(data.currentPack(), kioskVersion);
    }
    if (current.reader) {
        choice.reader = std::move(current.reader);
        choice.source = PackSource::Current;
        choice.file = data.currentPack();
        choice.reason = Reason::StartupCurrent;
        choice.detail = "the installed pack " + data.currentPack().string();
        return choice;
    }
    Attempt lastKnownGood = tryOpen(data.lastKnownGoodPack(), kioskVersion);
    if (lastKnownGood.reader) {
        choice.reader = std::move(lastKnownGood.reader);
        choice.source = PackSource::LastKnownGood;
        choice.file = data.lastKnownGoodPack();
        choice.reason = safeStart         ? Reason::StartupCurrentUnstable
                        : current.present ? Reason::StartupCurrentRefused
                                          : Reason::StartupCurrentMissing;
        choice.detail =
            "the previous pack " + data.lastKnownGoodPack().string() + ", because " + current.problem;
        return choice;
    }
    choice.reader =
        std::make_unique<pack::PackReader>(pack::PackReader::openMemory(embeddedPack, kioskVersion));
    choice.source = PackSource::EmbeddedDemo;
    const bool anyInstalled = current.present || lastKnownGood.present;
    choice.reason = safeStart && current.present ? Reason::StartupCurrentUnstable
                    : anyInstalled               ? Reason::StartupInstalledPacksRefused
                                                 : Reason::StartupNoPackInstalled;
    choice.detail = anyInstalled
                        ? "the built-in demo pack, because " + current.problem + "; " + lastKnownGood.problem
                        : "the built-in demo pack, because no pack is installed in " + data.root().string();
    return choice;
}

} // namespace

const char* packSourceName(PackSource source) {
    switch (source) {
    case PackSource::CommandLine:
        return "command line";
    case PackSource::Current:
        return "installed pack";
    case PackSource::LastKnownGood:
        return "last-known-good pack";
    case PackSource::EmbeddedDemo:
        return "built-in demo pack";
    }
    return "?";
}

StartupPack openStartupPack(const DataDirectory& data, std::span<const std::uint8_t> embeddedPack,
                            std::int64_t kioskVersion, bool safeStart) {
    std::vector<std::string> removed = removeInstallLeftovers(data);
    StartupPack choice = choose(data, embeddedPack, kioskVersion, safeStart);
    choice.removedLeftovers = std::move(removed);
    if (!choice.removedLeftovers.empty())
        choice.detail += " (removed " + std::to_string(choice.removedLeftovers.size()) +
                         " leftover file(s) of an interrupted install)";
    return choice;
}

std::optional<pack::PackIndex> installedPackIndex(const DataDirectory& data,
                                                  std::span<const std::uint8_t> embeddedPack,
                                                  std::int64_t kioskVersion) {
    try {
        if (embeddedPack.empty()) {
            for (const std::filesystem::path& file : {data.currentPack(), data.lastKnownGoodPack()}) {
                Attempt attempt = tryOpen(file, kioskVersion);
                if (attempt.reader)
                    return attempt.reader->index();
            }
            return std::nullopt;
        }
        return choose(data, embeddedPack, kioskVersion, false).reader->index();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace kiosk::install
