// kiosk-usb-copy OUTBOX_STATS STICK_KIOSK_FOLDER
//
// usb-export's copy (platform/raspberry-pi/bin/usb-export), run as commune-kiosk-export while
// root holds the stick read-write: see stats/OutboxCopy.hpp. Prints the number of files
// copied on standard output and each problem on standard error. Exit status: 0 when the copy
// ran (files it skipped are named on standard error, and the kiosk sees a count below what
// it wrote), 3 when something on the way was a link, FIFO or mount (nothing was written
// through it), 1 when a read or write failed, 2 for bad arguments.
#include "stats/OutboxCopy.hpp"

#include <iostream>

int main(int argumentCount, char** arguments) {
    if (argumentCount != 3) {
        std::cerr << "usage: kiosk-usb-copy OUTBOX_STATS STICK_KIOSK_FOLDER\n";
        return 2;
    }
    const kiosk::stats::OutboxCopyReport report = kiosk::stats::copyOutboxToStick(arguments[1], arguments[2]);
    for (const std::string& problem : report.problems)
        std::cerr << "kiosk-usb-copy: " << problem << "\n";
    std::cout << report.copied << "\n";
    if (report.refused)
        return 3;
    return report.failed ? 1 : 0;
}
