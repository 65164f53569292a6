#include "stats/Merger.hpp"

#include "os/FileSystem.hpp"
#include "stats/ExportFormat.hpp"
#include "stats/ExportSigning.hpp"
#include "stats/MergedDatabase.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <set>

namespace kiosk::stats {

namespace {

constexpr std::uint64_t maximumHeaderBytes = 8ull << 20;
constexpr std::uint64_t maximumCountsBytes = 2ull << 30;

struct Candidate {
    ExportHeader header;
    std::filesystem::path headerPath;
    std::filesystem::path countsPath;
    HeaderSignature signature = HeaderSignature::Unsigned;
};

// An export's counts read and checksummed off the main thread, while the main thread
// inserts the previous export: reading and hashing are a third of a merge.
struct LoadedCounts {
    std::string text;
    std::string sha256;
    std::string error; // empty when read
};

LoadedCounts loadCounts(const std::filesystem::path& path) {
    LoadedCounts loaded;
    try {
        loaded.text = os::readTextFile(path, maximumCountsBytes);
        loaded.sha256 = sha256Hex(loaded.text);
    } catch (const std::exception& error) {
        loaded.error = error.what();
    }
    return loaded;
}

bool isHidden(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

class InputScan {
  public:
    explicit InputScan(const MergeOptions& options, MergeSummary& summary)
        : options_(options), summary_(summary) {}

    void add(const std::filesystem::path& input) {
        std::error_code error;
        const auto status = std::filesystem::symlink_status(input, error);
        if (error || !std::filesystem::exists(status)) {
            problem(input, "does not exist");
        } else if (std::filesystem::is_directory(status)) {
            addFolder(input);
        } else if (std::filesystem::is_regular_file(status)) {
            addFile(input, true);
        } else {
            problem(input, "not a file or folder (symbolic links are not followed)");
        }
    }

    // CSVs whose header was not among the inputs: most likely a copy cut short.
    void reportOrphanCounts() {
        for (const auto& counts : countsFiles_) {
            std::filesystem::path header = counts;
            header.replace_extension(".json");
            if (!headersSeen_.contains(header.lexically_normal()))
                problem(counts, "counts file without its .json header (copy incomplete?), skipped");
        }
    }

    std::vector<Candidate>& candidates() { return candidates_; }

  private:
    void problem(const std::filesystem::path& path, const std::string& what) {
        ++summary_.skipped;
        if (options_.onProblem)
            options_.onProblem(path.string() + ": " + what);
    }

    void addFolder(const std::filesystem::path& folder) {
        std::error_code error;
        std::vector<std::filesystem::path> files;
        for (std::filesystem::recursive_directory_iterator entry(folder, error), end; !error && entry != end;
             entry.increment(error)) {
            if (isHidden(entry->path())) {
                if (entry->is_directory(error))
                    entry.disable_recursion_pending();
                continue; // .Trashes, ._12.json from macOS, and the like
            }
            if (entry->is_symlink(error))
                continue;
            if (entry->is_regular_file(error))
                files.push_back(entry->path());
        }
        if (error)
            problem(folder, "cannot read the folder completely: " + error.message());
        std::sort(files.begin(), files.end());
        for (const auto& file : files)
            addFile(file, false);
    }

    void addFile(const std::filesystem::path& file, bool named) {
        const std::string extension = file.extension().string();
        if (extension == ".csv") {
            countsFiles_.push_back(file.lexically_normal());
            return;
        }
        if (extension != ".json") {
            if (named || !isHidden(file))
                problem(file, "not a statistics export, skipped");
            return;
        }
        try {
            bool isForeign = false;
            const std::string text = os::readTextFile(file, maximumHeaderBytes);
            ExportHeader header = parseHeaderJson(text, isForeign);
            const HeaderSignature signature = checkHeaderSignature(text, header);
            if (file.filename() != std::to_string(header.sequence) + ".json") {
                problem(file, "header name does not match its sequence " + std::to_string(header.sequence) +
                                  ", skipped");
                return;
            }
            headersSeen_.insert(file.lexically_normal());
            ++summary_.exportsFound;
            std::filesystem::path countsPath = file.parent_path() / header.countsFile;
            candidates_.push_back({std::move(header), file, std::move(countsPath), signature});
        } catch (const ExportFormatError& error) {
            problem(file, std::string(error.what()) + ", skipped");
        } catch (const std::exception& error) {
            problem(file, std::string("cannot read: ") + error.what());
        }
    }

    const MergeOptions& options_;
    MergeSummary& summary_;
    std::vector<Candidate> candidates_;
    std::vector<std::filesystem::path> countsFiles_;
    std::set<std::filesystem::path> headersSeen_;
};

// What --accept-new-key means for one kiosk in this merge, decided before anything is
// imported so that the order of the inputs cannot matter: the key pinned when the merge
// started, and the one new key its exports here are signed with.
struct KeyReplacement {
    std::string keyAtStart;
    std::set<std::string> newKeys; // more than one: which card is the real one is a question for people
};

std::map<std::string, KeyReplacement> keyReplacements(const std::vector<Candidate>& candidates,
                                                      const MergedDatabase& merged,
                                                      const MergeOptions& options) {
    std::map<std::string, KeyReplacement> replacements;
    for (const std::string& kioskId : options.acceptNewKeyFor)
        if (const std::optional<PinnedKey> pinned = merged.pinnedKey(kioskId))
            replacements[kioskId].keyAtStart = pinned->publicKey;
    for (const Candidate& candidate : candidates) {
        const auto replacement = replacements.find(candidate.header.kioskId);
        if (replacement != replacements.end() && candidate.signature == HeaderSignature::Valid &&
            candidate.header.kioskPublicKey != replacement->second.keyAtStart)
            replacement->second.newKeys.insert(candidate.header.kioskPublicKey);
    }
    return replacements;
}

enum class KeyPinning { Keep, Replace };

struct SignatureDecision {
    std::string refusal; // empty when the export may be imported
    KeyPinning pinning = KeyPinning::Keep;
    // Signed by the key already pinned for this kiosk: the kiosk itself wrote it.
    bool byPinnedKey = false;
};

// Whether this export may be imported, with the reason in words for the office when not.
SignatureDecision signatureDecision(const Candidate& candidate, const MergedDatabase& merged,
                                    const std::map<std::string, KeyReplacement>& replacements) {
    const ExportHeader& header = candidate.header;
    if (candidate.signature == HeaderSignature::Invalid)
        return {"its signature does not match its contents: altered after the kiosk wrote it, or forged; "
                "refused"};
    const std::optional<PinnedKey> pinned = merged.pinnedKey(header.kioskId);
    if (!pinned)
        return {}; // trust on first use; unsigned exports of kiosks that never signed stay welcome
    if (candidate.signature == HeaderSignature::Unsigned)
        return {"unsigned, but kiosk " + header.kioskId + " signs its exports (key first merged from " +
                pinned->pinnedFrom + "): refused as a likely forgery"};
    if (header.kioskPublicKey == pinned->publicKey)
        return {{}, KeyPinning::Keep, candidate.signature == HeaderSignature::Valid};
    const auto replacement = replacements.find(header.kioskId);
    if (replacement != replacements.end()) {
        const KeyReplacement& keys = replacement->second;
        if (header.kioskPublicKey == keys.keyAtStart)
            return {}; // the old card's last exports, given with the new card's: counted, not re-pinned
        if (keys.newKeys.size() > 1)
            return {"kiosk " + header.kioskId + "'s exports here are signed by " +
                    std::to_string(keys.newKeys.size()) +
                    " different new keys, and --accept-new-key can take only one: refused. Merge the "
                    "exports of the kiosk's new SD card on their own with --accept-new-key " +
                    header.kioskId};
        return {{}, KeyPinning::Replace};
    }
    return {"signed by a different key than kiosk " + header.kioskId + "'s (first merged from " +
            pinned->pinnedFrom +
            "): refused. If that kiosk's SD card was replaced or its key lost, merge again with "
            "--accept-new-key " +
            header.kioskId};
}

} // namespace

MergeSummary mergeExports(const std::vector<std::filesystem::path>& inputs,
                          const std::filesystem::path& mergedDatabasePath, const MergeOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    MergeSummary summary;
    auto problem = [&](const std::filesystem::path& path, const std::string& what) {
        ++summary.skipped;
        if (options.onProblem)
            options.onProblem(path.string() + ": " + what);
    };
    auto refuse = [&](const std::filesystem::path& path, const std::string& why) {
        ++summary.refused;
        if (options.onProblem)
            options.onProblem(path.string() + ": " + why);
    };

    InputScan scan(options, summary);
    for (const auto& input : inputs)
        scan.add(input);
    scan.reportOrphanCounts();

    // Newest first within each (kiosk, counting database); the same export found twice
    // (two copies of one stick) is one candidate.
    std::map<std::pair<std::string, std::string>, std::vector<Candidate*>> byDatabase;
    for (Candidate& candidate : scan.candidates())
        byDatabase[{candidate.header.kioskId, candidate.header.databaseId}].push_back(&candidate);
    for (auto& [key, list] : byDatabase)
        std::stable_sort(list.begin(), list.end(), [](const Candidate* left, const Candidate* right) {
            return left->header.sequence > right->header.sequence;
        });

    MergedDatabase merged = MergedDatabase::open(mergedDatabasePath);
    const std::map<std::string, KeyReplacement> replacements =
        keyReplacements(scan.candidates(), merged, options);
    MergeProgress progress;
    progress.exportsToImport = byDatabase.size();
    auto lastReport = std::chrono::steady_clock::now();

    // The newest export of the next database, if all.db does not have it yet, is loaded ahead.
    struct Prefetch {
        const Candidate* candidate = nullptr;
        std::future<LoadedCounts> counts;
    };
    auto prefetchFor = [&](auto group) {
        Prefetch prefetch;
        if (group == byDatabase.end())
            return prefetch;
        const Candidate* newest = group->second.front();
        const auto stored = merged.storedExport(group->first.first, group->first.second);
        if (stored && newest->header.sequence <= stored->sequence)
            return prefetch;
        prefetch.candidate = newest;
        prefetch.counts = std::async(std::launch::async, loadCounts, newest->countsPath);
        return prefetch;
    };
    auto prefetched = prefetchFor(byDatabase.begin());

    for (auto group = byDatabase.begin(); group != byDatabase.end(); ++group) {
        auto& [key, list] = *group;
        auto current = std::move(prefetched);
        prefetched = prefetchFor(std::next(group));
        const auto stored = merged.storedExport(key.first, key.second);
        bool done = false;
        std::int64_t lastTriedSequence = -1;
        for (const Candidate* candidate : list) {
            const ExportHeader& header = candidate->header;
            if (header.sequence == lastTriedSequence) {
                ++summary.superseded; // a second copy of the one just handled
                continue;
            }
            lastTriedSequence = header.sequence;
            if (done) {
                ++summary.superseded;
                continue;
            }
            if (stored && header.sequence <= stored->sequence) {
                if (header.sequence == stored->sequence && header.countsSha256 != stored->countsSha256)
                    problem(candidate->headerPath,
                            "differs from the export with the same sequence already merged; "
                            "kept the merged one");
                else
                    ++summary.unchanged;
                done = true;
                continue;
            }
            const SignatureDecision signature = signatureDecision(*candidate, merged, replacements);
            if (!signature.refusal.empty()) {
                refuse(candidate->headerPath, signature.refusal);
                continue;
            }
            // Before a kiosk's key is pinned (or for kiosks from before signing), a forged
            // export claiming a huge sequence for a real kiosk would make every real export
            // after it look old, freezing that kiosk's counts. Once pinned, an export its key
            // signed is the kiosk's own, however many exports went to sticks nobody brought.
            if (const std::int64_t known = merged.highestSequenceOf(header.kioskId);
                !signature.byPinnedKey && header.sequence > known + kMaximumExportSequenceStep) {
                refuse(candidate->headerPath,
                       "sequence " + std::to_string(header.sequence) + " is more than " +
                           std::to_string(kMaximumExportSequenceStep) + " beyond kiosk " + header.kioskId +
                           "'s last merged export (" + std::to_string(known) +
                           "): refused, as a kiosk never skips ahead so far (a forged or damaged export?)");
                continue;
            }
            const LoadedCounts counts =
                current.candidate == candidate ? current.counts.get() : loadCounts(candidate->countsPath);
            try {
                if (!counts.error.empty())
                    throw ExportFormatError(counts.error);
                if (counts.sha256 != header.countsSha256)
                    throw ExportFormatError(
                        "counts file does not match its header's checksum (damaged or cut short)");
                const std::int64_t rows =
                    merged.importExport(header, counts.text, candidate->headerPath.string(),
                                        signature.pinning == KeyPinning::Replace);
                summary.rowsImported += rows;
                ++summary.imported;
                done = true;
            } catch (const ExportFormatError& error) {
                problem(candidate->countsPath, std::string(error.what()) + ", skipped");
            }
            // On failure the next older export of the same database gets its chance.
        }
        ++progress.exportsDone;
        progress.rowsImported = summary.rowsImported;
        if (options.onProgress && std::chrono::steady_clock::now() - lastReport >= std::chrono::seconds(1)) {
            lastReport = std::chrono::steady_clock::now();
            progress.elapsedSeconds = elapsed();
            options.onProgress(progress);
        }
    }

    auto kiosks = merged.database().prepare("SELECT count(DISTINCT kiosk_id) FROM exports");
    kiosks.step();
    summary.kiosksInDatabase = static_cast<std::size_t>(kiosks.integer(0));
    summary.elapsedSeconds = elapsed();
    return summary;
}

} // namespace kiosk::stats
