#include "app/KioskOptions.hpp"

#include <charconv>

namespace kiosk::app {

namespace {

int parseWholeNumber(const std::string& text, const std::string& option, int minimum, int maximum) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < minimum ||
        value > maximum)
        throw UsageError(option + " takes a whole number from " + std::to_string(minimum) + " to " +
                         std::to_string(maximum) + ", not '" + text + "'");
    return value;
}

} // namespace

ScreenSize parseScreenSize(const std::string& text) {
    const std::size_t separator = text.find('x');
    if (separator == std::string::npos)
        throw UsageError("a screen size looks like 1280x800, not '" + text + "'");
    return ScreenSize{parseWholeNumber(text.substr(0, separator), "width", 320, 8192),
                      parseWholeNumber(text.substr(separator + 1), "height", 240, 8192)};
}

KioskOptions parseKioskOptions(const std::vector<std::string>& arguments) {
    KioskOptions options;
    for (std::size_t position = 0; position < arguments.size(); ++position) {
        const std::string& argument = arguments[position];
        auto value = [&]() -> const std::string& {
            if (position + 1 >= arguments.size())
                throw UsageError(argument + " needs a value");
            return arguments[++position];
        };
        if (argument == "--help" || argument == "-h")
            options.help = true;
        else if (argument == "--headless")
            options.headless = true;
        else if (argument == "--windowed")
            options.windowed = parseScreenSize(value());
        else if (argument == "--size")
            options.headlessSize = parseScreenSize(value());
        else if (argument == "--pack")
            options.pack = value();
        else if (argument == "--data-dir")
            options.dataDirectory = value();
        else if (argument == "--usb-root")
            options.usbRoots.emplace_back(value());
        else if (argument == "--usb-export-outbox")
            options.usbExportOutbox = value();
        else if (argument == "--usb-export-result")
            options.usbExportResult = value();
        else if (argument == "--script")
            options.script = value();
        else if (argument == "--shot-dir")
            options.shotDirectory = value();
        else if (argument == "--assets")
            options.assetDirectory = value();
        else if (argument == "--idle-seconds")
            options.idleSeconds = parseWholeNumber(value(), argument, 5, 86400);
        else if (argument == "--software-renderer")
            options.softwareRenderer = true;
        else if (argument == "--renderer") {
            const std::string& name = value();
            if (name == "software")
                options.softwareRenderer = true;
            else if (name == "opengles2" || name == "opengl")
                options.rendererDriver = name;
            else if (name != "auto")
                throw UsageError("--renderer is auto, software, opengles2 or opengl, not '" + name + "'");
        } else if (argument == "--sound-device")
            options.soundDevice = value();
        else if (argument == "--texture-budget-mb")
            options.textureBudgetMegabytes = parseWholeNumber(value(), argument, 8, 4096);
        else if (argument == "--max-texture-side")
            options.maximumTextureSide = parseWholeNumber(value(), argument, 256, 16384);
        else if (argument == "--set-staff-pin")
            options.setStaffPin = true;
        else
            throw UsageError("unknown option '" + argument + "'");
    }
    if (options.softwareRenderer && !options.rendererDriver.empty())
        throw UsageError("--renderer " + options.rendererDriver +
                         " and --software-renderer contradict each other");
    if (options.script && !options.headless)
        throw UsageError("--script needs --headless");
    // An outbox nobody answers from would only ever end in "not saved", and a result file
    // without an outbox would never be asked for.
    if (options.usbExportOutbox.has_value() != options.usbExportResult.has_value())
        throw UsageError("--usb-export-outbox and --usb-export-result go together");
    if ((options.usbExportOutbox && options.usbExportOutbox->empty()) ||
        (options.usbExportResult && options.usbExportResult->empty()))
        throw UsageError("--usb-export-outbox and --usb-export-result need a path");
    return options;
}

std::string kioskUsage() {
    return "usage: kiosk [options]\n"
           "  (no options)          full screen on the installed pack, else the built-in demo pack\n"
           "  --windowed WxH        a window instead of full screen (development)\n"
           "  --pack FILE           show this .kpack\n"
           "  --data-dir DIR        where installed packs and statistics live\n"
           "  --usb-root DIR        also treat every folder inside DIR as a USB stick (tests)\n"
           "  --usb-export-outbox DIR\n"
           "                        sticks are read-only (Raspberry Pi): write the statistics export\n"
           "                        into DIR; DIR/request asks a helper to copy it to the stick\n"
           "  --usb-export-result FILE\n"
           "                        the helper's one-line answer: ok STICK FILES TIME, no-stick TIME\n"
           "                        or failed STICK WHY TIME (both options or neither; neither: the\n"
           "                        statistics are written onto the stick directly)\n"
           "  --idle-seconds N      return home and start the attract loop after N idle seconds (90)\n"
           "  --assets DIR          fonts, icons and UI strings (default: next to the program)\n"
           "  --software-renderer   do not use the GPU (the same as --renderer software)\n"
           "  --renderer NAME       auto (the GPU's, else software), software, opengles2 or opengl;\n"
           "                        a named GPU renderer that cannot start is an error, not a fallback\n"
           "  --sound-device WORD   play on the output whose name holds WORD (HDMI, Headphones, USB);\n"
           "                        when none opens: the default, then any other (default: the default)\n"
           "  --texture-budget-mb N memory for pictures on the GPU, least recently shown go first (64)\n"
           "  --max-texture-side N  scale pictures to at most N pixels a side (default: the GPU's limit)\n"
           "  --set-staff-pin       read a new staff PIN (4-12 digits) from standard input and store its "
           "hash\n"
           "headless (tests, benchmarks):\n"
           "  --headless --size WxH --script FILE --shot-dir DIR\n"
           "  script commands: tap X Y | tap \"TEXT\" | drag X1 Y1 X2 Y2 MS | hold X Y MS | wait MS\n"
           "                   wait-for \"TEXT\" [MS]\n"
           "                   shot NAME.png\n"
           "                   expect \"TEXT\" | expect-not \"TEXT\" | expect-audio\n"
           "                   expect-playback idle|playing|paused|finished|failed\n";
}

} // namespace kiosk::app
