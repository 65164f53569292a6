#!/usr/bin/env bash
# kiosk-stats merge given only files that are not statistics exports (the wrong folder, a
# stick of photos) says so and exits non-zero; given one real export among them, it succeeds.
#
#   merge_without_exports_check.sh KIOSK_STATS WORK_FOLDER
# KIOSK_TOOL_EMULATOR (qemu-user in a cross build) runs KIOSK_STATS when it is set.
set -euo pipefail
tool=$1
work=$2
stats_tool() {
    # shellcheck disable=SC2086 # the emulator may be a command with arguments
    ${KIOSK_TOOL_EMULATOR:-} "$tool" "$@"
}
rm -rf "$work" && mkdir -p "$work/wrong" "$work/mixed"
printf 'not an export\n' > "$work/wrong/notes.csv"
head -c 3000 /dev/urandom > "$work/wrong/photo.json"

if stats_tool merge "$work/wrong" -o "$work/all.db" 2> "$work/wrong.err"; then
    echo "merge of no exports exited 0"; exit 1
fi
grep -q "none of the inputs holds a kiosk statistics export" "$work/wrong.err" ||
    { echo "no plain message:"; cat "$work/wrong.err"; exit 1; }

stats_tool sample "$work/mixed" --kiosks 1 > /dev/null
cp "$work/wrong/notes.csv" "$work/mixed/"
stats_tool merge "$work/mixed" -o "$work/mixed.db" --quiet > /dev/null 2> "$work/mixed.err" ||
    { echo "merge with one real export failed:"; cat "$work/mixed.err"; exit 1; }
echo "ok"
