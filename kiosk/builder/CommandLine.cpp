#include "CommandLine.hpp"

#include "PackBuilder.hpp"
#include "PackInfo.hpp"
#include "SigningCommands.hpp"
#include "SpokenStrings.hpp"
#include "os/FileSystem.hpp"
#include "pack/PackReader.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <sstream>

namespace kiosk::builder {

namespace {

constexpr const char* kUsage =
    "usage: kiosk-pack build SOURCE_FOLDER -o OUTPUT.kpack [--font FONT.ttf]... [--narrate-missing]\n"
    "       kiosk-pack info PACK.kpack\n"
    "       kiosk-pack speak-strings UI.tsv --keys KEYS.txt -o FOLDER\n"
    "       kiosk-pack keygen -o NAME\n"
    "       kiosk-pack sign PACK.kpack --key NAME.key [-o PACK.kpack.sig]\n"
    "       kiosk-pack verify PACK.kpack (--pubkey NAME.pub ... | --keys KEYS_FOLDER) [--sig FILE]\n"
    "       kiosk-pack --help\n"
    "\n"
    "build  reads a pack source folder (see content-packs/README.md) and writes a content pack.\n"
    "       Every problem is listed as file:line: message; then nothing is written and the\n"
    "       exit code is 1. The same source always gives a byte-identical pack.\n"
    "       --font  a font the kiosk draws text with; every character of the pack must be in\n"
    "               every font given. Repeat for several fonts. Default: Noto Sans Regular\n"
    "               and Bold from the kiosk's font folder.\n"
    "       --narrate-missing  synthesise a narration (espeak-ng, oggenc) for every page and\n"
    "               language without a recording, where espeak-ng has a voice; as if pack.txt\n"
    "               said 'narrate-missing: yes'.\n"
    "speak-strings  writes FOLDER/KEY.LANG.ogg: each key of KEYS.txt (one a line) in each\n"
    "       language of UI.tsv that espeak-ng speaks, levelled to -20 dBFS. The build makes\n"
    "       the kiosk's spoken words (assets/speech) this way.\n"
    "info   checks a pack the way the kiosk does and prints what it holds; exit code 1 when\n"
    "       the kiosk would refuse it.\n"
    "keygen writes a signing key pair: NAME.key (secret, mode 0600; sealed with a passphrase\n"
    "       when KIOSK_KEY_PASSPHRASE is set) and NAME.pub (copy it to each kiosk's keys/ folder).\n"
    "       Never overwrites a key.\n"
    "sign   checks the pack like a kiosk would, then writes PACK.kpack.sig: key id, pack id,\n"
    "       version, size and hash (SHA-256 of its 1 MiB chunks) of the file, signed with\n"
    "       Ed25519. A sealed key needs KIOSK_KEY_PASSPHRASE.\n"
    "verify checks a pack and its .sig exactly as a kiosk does before installing it (except\n"
    "       the version comparison): prints OK, or REFUSED with the reason code; exit code 1\n"
    "       when refused. --keys reads a kiosk's keys folder, revoked.txt included.\n"
    "       --font (sign, verify) as for build.\n"
    "       See content-packs/SIGNING.md.\n"
    "\n"
    "exit codes: 0 success, 1 problems in the source or pack, 2 wrong command line\n";

int usageError(std::ostream& errors, const std::string& problem) {
    errors << "kiosk-pack: " << problem << "\n\n" << kUsage;
    return kExitUsageError;
}

// Pack messages quote texts from the file, which may hold line breaks; keep it to one line.
std::string oneLine(std::string text) {
    for (char& character : text)
        if (character == '\n' || character == '\r')
            character = ' ';
    return text;
}

int runBuild(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    BuildOptions options;
    std::optional<std::filesystem::path> source;
    std::optional<std::filesystem::path> output;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        const std::string& argument = arguments[index];
        const bool takesValue = argument == "-o" || argument == "--output" || argument == "--font";
        if (takesValue) {
            if (index + 1 == arguments.size())
                return usageError(errors, argument + " needs a value");
            const std::string& value = arguments[++index];
            if (argument == "--font")
                options.fontFiles.emplace_back(value);
            else if (output)
                return usageError(errors, "only one output file, please");
            else
                output = value;
        } else if (argument == "--narrate-missing") {
            options.narrateMissing = true;
        } else if (argument.starts_with("-") && argument != "-") {
            return usageError(errors, "unknown option '" + argument + "'");
        } else if (source) {
            return usageError(errors, "only one source folder, please");
        } else {
            source = argument;
        }
    }
    if (!source)
        return usageError(errors, "build needs a source folder");
    if (!output)
        return usageError(errors, "build needs an output file: -o OUTPUT.kpack");
    options.sourceFolder = *source;
    options.output = *output;
    if (options.fontFiles.empty())
        options.fontFiles = defaultFontFiles();

    const auto started = std::chrono::steady_clock::now();
    const BuildResult result = buildPack(options);
    if (!result.succeeded) {
        for (const std::string& problem : result.problems)
            errors << problem << '\n';
        errors << "kiosk-pack: " << result.problems.size() << " problem(s); nothing was written\n";
        return kExitFailure;
    }
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    out << "wrote " << options.output.string() << ": " << result.pageCount << " pages, " << result.imageCount
        << " pictures, " << result.recordingCount << " recordings (" << result.synthesisedCount
        << " synthesised), " << result.packBytes << " bytes in " << elapsed.count() << " ms\n";
    return kExitSuccess;
}

int runInfo(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    if (arguments.size() != 1 || arguments.front().starts_with("-"))
        return usageError(errors, "info needs exactly one pack file");
    const std::filesystem::path path = arguments.front();
    // Print nothing unless the whole pack reads: half a listing would look like a good pack.
    std::ostringstream description;
    try {
        // Any minimum kiosk version is accepted here; describePack reports it.
        const pack::PackReader reader =
            pack::PackReader::openFile(path, std::numeric_limits<std::int64_t>::max());
        description << "file:              " << path.string() << " (" << std::filesystem::file_size(path)
                    << " bytes)\n";
        describePack(reader, description);
    } catch (const std::exception& error) {
        errors << "kiosk-pack: " << path.string() << ": " << oneLine(error.what()) << '\n';
        return kExitFailure;
    }
    out << description.str();
    return kExitSuccess;
}

int runSpeakStrings(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    std::optional<std::filesystem::path> strings, keys, output;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        const std::string& argument = arguments[index];
        if (argument == "--keys" || argument == "-o") {
            if (index + 1 == arguments.size())
                return usageError(errors, argument + " needs a value");
            (argument == "--keys" ? keys : output) = arguments[++index];
        } else if (argument.starts_with("-")) {
            return usageError(errors, "unknown option '" + argument + "'");
        } else if (strings) {
            return usageError(errors, "only one strings file, please");
        } else {
            strings = argument;
        }
    }
    if (!strings || !keys || !output)
        return usageError(errors, "speak-strings needs UI.tsv, --keys KEYS.txt and -o FOLDER");
    try {
        const text::UiStrings parsed =
            text::UiStrings::parse(os::readTextFile(*strings, 1 << 20), strings->string());
        const SpokenStringsResult result =
            speakUiStrings(parsed, parseSpokenKeys(os::readTextFile(*keys, 1 << 20)), *output);
        for (const std::string& problem : result.problems)
            errors << "kiosk-pack: " << problem << "\n";
        if (!result.problems.empty())
            return kExitFailure;
        out << "spoke " << result.written << " new recording(s) into " << output->string() << "\n";
        return kExitSuccess;
    } catch (const std::exception& error) {
        errors << "kiosk-pack: " << oneLine(error.what()) << "\n";
        return kExitFailure;
    }
}

} // namespace

int runCommandLine(std::span<const std::string> arguments, std::ostream& out, std::ostream& errors) {
    if (arguments.empty())
        return usageError(errors, "no command given");
    const std::string& command = arguments.front();
    const bool wantsHelp = std::any_of(arguments.begin(), arguments.end(), [](const std::string& argument) {
        return argument == "--help" || argument == "-h";
    });
    if (wantsHelp || command == "help") {
        out << kUsage;
        return kExitSuccess;
    }
    if (command == "build")
        return runBuild(arguments.subspan(1), out, errors);
    if (command == "info")
        return runInfo(arguments.subspan(1), out, errors);
    if (command == "speak-strings")
        return runSpeakStrings(arguments.subspan(1), out, errors);
    if (command == "keygen")
        return runKeygen(arguments.subspan(1), out, errors);
    if (command == "sign")
        return runSign(arguments.subspan(1), out, errors);
    if (command == "verify")
        return runVerify(arguments.subspan(1), out, errors);
    return usageError(errors, "unknown command '" + command + "'");
}

} // namespace kiosk::builder
