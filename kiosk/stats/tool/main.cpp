// kiosk-stats: the office side of the kiosk's statistics.
//
//   kiosk-stats merge EXPORTS_OR_FOLDERS... -o all.db [--accept-new-key KIOSK_ID]...
//   kiosk-stats report all.db -o report.html [--k 5] [--csv out.csv] [--title TEXT]
//   kiosk-stats sample STICK_KIOSK_FOLDER [--kiosks 12] [--days 182] [--seed 1] [--end YYYY-MM-DD]
//   kiosk-stats export --data-dir DIR --to STICK_KIOSK_FOLDER
#include "os/FileSystem.hpp"
#include "stats/Calendar.hpp"
#include "stats/HtmlReport.hpp"
#include "stats/Merger.hpp"
#include "stats/ReportModel.hpp"
#include "stats/SampleExports.hpp"
#include "stats/UsageRecorder.hpp"
#include "time/Clock.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace kiosk;

constexpr int exitUsage = 2;
// merge imported what it could but refused exports that may be forged: a script that copies
// all.db onwards must not take that for a clean merge.
constexpr int exitRefusedExports = 3;

const char* usageText =
    "usage:\n"
    "  kiosk-stats merge EXPORTS_OR_FOLDERS... -o all.db [--accept-new-key KIOSK_ID]...\n"
    "      Imports the newest export of every kiosk. Safe to repeat: the same or an older export\n"
    "      changes nothing. Bad or foreign files are reported and skipped; with no export among\n"
    "      the inputs at all, it says so and exits with 1. A kiosk's exports must be signed by\n"
    "      the key of its first merged export; --accept-new-key takes a new key for that kiosk\n"
    "      (a replaced SD card). Exports refused as possible forgeries (another key, a broken\n"
    "      signature, a sequence far ahead) are named on stderr and make the exit status 3.\n"
    "  kiosk-stats report all.db -o report.html [--k 5] [--csv out.csv] [--title TEXT]\n"
    "      One self-contained HTML file with charts; counts from 1 to k-1 are shown as <k.\n"
    "  kiosk-stats sample STICK_KIOSK_FOLDER [--kiosks 12] [--days 182] [--seed 1] [--end YYYY-MM-DD]\n"
    "      Writes made-up exports, for trying the report out.\n"
    "  kiosk-stats export --data-dir DIR --to STICK_KIOSK_FOLDER\n"
    "      Writes a kiosk's export from its data dir, as the kiosk does when a stick is inserted.\n";

class Arguments {
  public:
    Arguments(int count, char** values) : values_(values + 2, values + count) {}

    // Removes and returns the value after `name`, if present.
    std::optional<std::string> option(const std::string& name) {
        for (std::size_t index = 0; index < values_.size(); ++index) {
            if (values_[index] != name)
                continue;
            if (index + 1 >= values_.size())
                throw std::invalid_argument(name + " needs a value");
            std::string value = values_[index + 1];
            values_.erase(values_.begin() + static_cast<std::ptrdiff_t>(index),
                          values_.begin() + static_cast<std::ptrdiff_t>(index) + 2);
            return value;
        }
        return std::nullopt;
    }

    bool flag(const std::string& name) {
        for (std::size_t index = 0; index < values_.size(); ++index)
            if (values_[index] == name) {
                values_.erase(values_.begin() + static_cast<std::ptrdiff_t>(index));
                return true;
            }
        return false;
    }

    // What is left once options are taken: positional arguments. Unknown options are errors.
    std::vector<std::string> positional() const {
        for (const std::string& value : values_)
            if (value.size() > 1 && value[0] == '-')
                throw std::invalid_argument("unknown option " + value);
        return values_;
    }

  private:
    std::vector<std::string> values_;
};

std::int64_t integerOption(Arguments& arguments, const std::string& name, std::int64_t fallback,
                           std::int64_t minimum) {
    const auto text = arguments.option(name);
    if (!text)
        return fallback;
    std::int64_t value = 0;
    const auto result = std::from_chars(text->data(), text->data() + text->size(), value);
    if (result.ec != std::errc() || result.ptr != text->data() + text->size() || value < minimum)
        throw std::invalid_argument(name + " needs a whole number of at least " + std::to_string(minimum));
    return value;
}

int merge(Arguments& arguments) {
    const auto output = arguments.option("-o");
    const bool quiet = arguments.flag("--quiet");
    stats::MergeOptions options;
    while (const auto kioskId = arguments.option("--accept-new-key"))
        options.acceptNewKeyFor.insert(*kioskId);
    const auto inputs = arguments.positional();
    if (!output || inputs.empty())
        throw std::invalid_argument("merge needs inputs and -o all.db");
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    options.onProblem = [](const std::string& problem) { std::cerr << "kiosk-stats: " << problem << "\n"; };
    if (!quiet)
        options.onProgress = [](const stats::MergeProgress& progress) {
            std::fprintf(stderr, "kiosk-stats: %zu of %zu kiosk databases, %lld counts imported, %.0f s\n",
                         progress.exportsDone, progress.exportsToImport,
                         static_cast<long long>(progress.rowsImported), progress.elapsedSeconds);
        };
    const stats::MergeSummary summary = stats::mergeExports(paths, *output, options);
    std::printf(
        "merged into %s: %zu exports imported (%lld counts), %zu unchanged, %zu older copies ignored, "
        "%zu files skipped, %zu refused; %zu kiosks in the database (%.1f s)\n",
        output->c_str(), summary.imported, static_cast<long long>(summary.rowsImported), summary.unchanged,
        summary.superseded, summary.skipped, summary.refused, summary.kiosksInDatabase,
        summary.elapsedSeconds);
    if (summary.exportsFound == 0) {
        // Every input was unreadable or foreign: most likely the wrong folder or stick, which a
        // script calling this must not take for success.
        std::cerr << "kiosk-stats: none of the inputs holds a kiosk statistics export\n";
        return 1;
    }
    if (summary.refused > 0) {
        std::cerr << "kiosk-stats: " << summary.refused
                  << " exports refused as possible forgeries (see above); the rest is merged\n";
        return exitRefusedExports;
    }
    return 0;
}

int report(Arguments& arguments) {
    const auto output = arguments.option("-o");
    const auto csv = arguments.option("--csv");
    stats::ReportOptions options;
    options.k = integerOption(arguments, "--k", 5, 1);
    if (const auto title = arguments.option("--title"))
        options.title = *title;
    const auto inputs = arguments.positional();
    if (!output || inputs.size() != 1)
        throw std::invalid_argument("report needs one all.db and -o report.html");
    const time::SystemClock clock;
    const std::int64_t today = stats::localDayNumber(clock.wallSeconds(), 7 * 60);
    options.generatedOn = stats::formatDay(today);
    const stats::MergedDatabase merged = stats::MergedDatabase::openExisting(inputs[0]);
    const stats::ReportModel model = stats::buildReportModel(merged, today);
    os::writeFileAtomically(*output, stats::renderHtmlReport(model, options));
    if (csv)
        os::writeFileAtomically(*csv, stats::renderCsvReport(model, options));
    std::printf("wrote %s%s: %zu kiosks, %zu pages, %zu weeks, k = %lld\n", output->c_str(),
                csv ? (" and " + *csv).c_str() : "", model.kiosks.size(), model.pages.size(),
                model.weeks.size(), static_cast<long long>(options.k));
    return 0;
}

int sample(Arguments& arguments) {
    stats::SampleOptions options;
    options.kiosks = static_cast<std::size_t>(integerOption(arguments, "--kiosks", 12, 1));
    options.days = static_cast<int>(integerOption(arguments, "--days", 182, 1));
    options.seed = static_cast<std::uint64_t>(integerOption(arguments, "--seed", 1, 0));
    if (const auto end = arguments.option("--end")) {
        const auto day = stats::parseDay(*end);
        if (!day)
            throw std::invalid_argument("--end needs a date YYYY-MM-DD");
        options.lastDayNumber = *day;
    }
    const auto inputs = arguments.positional();
    if (inputs.size() != 1)
        throw std::invalid_argument("sample needs one output folder");
    const stats::SampleSummary summary = stats::writeSampleExports(inputs[0], options);
    std::printf("wrote %zu sample exports (%lld counts) under %s/stats\n", summary.exports,
                static_cast<long long>(summary.rows), inputs[0].c_str());
    return 0;
}

int exportFromDataDirectory(Arguments& arguments) {
    const auto dataDirectory = arguments.option("--data-dir");
    const auto target = arguments.option("--to");
    if (!dataDirectory || !target || !arguments.positional().empty())
        throw std::invalid_argument("export needs --data-dir DIR and --to STICK_KIOSK_FOLDER");
    const time::SystemClock clock;
    stats::RecorderOptions options;
    options.dataDirectory = *dataDirectory;
    stats::UsageRecorder recorder(clock, options);
    const stats::ExportResult result = recorder.exportTo(*target);
    if (!result.saved) {
        std::cerr << "kiosk-stats: " << result.error << "\n";
        return 1;
    }
    std::printf("statistics saved: %s (%lld counts)\n", result.countsFile.c_str(),
                static_cast<long long>(result.rows));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::fputs(usageText, argc < 2 ? stderr : stdout);
        return argc < 2 ? exitUsage : 0;
    }
    const std::string command = argv[1];
    Arguments arguments(argc, argv);
    try {
        if (command == "merge")
            return merge(arguments);
        if (command == "report")
            return report(arguments);
        if (command == "sample")
            return sample(arguments);
        if (command == "export")
            return exportFromDataDirectory(arguments);
        std::cerr << "kiosk-stats: unknown command '" << command << "'\n" << usageText;
        return exitUsage;
    } catch (const std::invalid_argument& error) {
        std::cerr << "kiosk-stats: " << error.what() << "\n" << usageText;
        return exitUsage;
    } catch (const std::exception& error) {
        std::cerr << "kiosk-stats: " << error.what() << "\n";
        return 1;
    }
}
