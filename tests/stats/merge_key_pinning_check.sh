#!/usr/bin/env bash
# The office's side of signed exports, as a programme officer meets it: a kiosk's first
# export pins its key; an export under the same kiosk id signed by another key (a forger, or
# the same kiosk on a new SD card) is refused with words naming --accept-new-key and exit
# status 3, and --accept-new-key then takes it.
#
#   merge_key_pinning_check.sh KIOSK_STATS WORK_FOLDER
# KIOSK_TOOL_EMULATOR (qemu-user in a cross build) runs KIOSK_STATS when it is set.
set -euo pipefail
tool=$1
work=$2
stats_tool() {
    # shellcheck disable=SC2086 # the emulator may be a command with arguments
    ${KIOSK_TOOL_EMULATOR:-} "$tool" "$@"
}
fail() { echo "$1"; shift; [ $# -eq 0 ] || cat "$@"; exit 1; }
rm -rf "$work" && mkdir -p "$work/real-data" "$work/other-data"

# `kiosk-stats export` writes what the kiosk writes when a stick goes in.
stats_tool export --data-dir "$work/real-data" --to "$work/stick1/kiosk" > /dev/null
[ "$(stat -c %a "$work/real-data/stats-export.key")" = 600 ] || fail "the export key is not private (0600)"
grep -q '"signature": "[0-9a-f]\{128\}"' "$work"/stick1/kiosk/stats/*/1.json || fail "the export is not signed"
stats_tool merge "$work/stick1" -o "$work/all.db" --quiet > "$work/first.out" 2>&1 || fail "first merge failed" "$work/first.out"
grep -q "1 exports imported" "$work/first.out" || fail "first export not imported" "$work/first.out"

# The same kiosk id with another key.
id=$(cat "$work/real-data/kiosk-id")
cp "$work/real-data/kiosk-id" "$work/other-data/"
stats_tool export --data-dir "$work/other-data" --to "$work/stick2/kiosk" > /dev/null
status=0
stats_tool merge "$work/stick2" -o "$work/all.db" --quiet > "$work/refused.out" 2>&1 || status=$?
[ "$status" = 3 ] || fail "a refused export gave exit status $status, not 3" "$work/refused.out"
grep -q "1 refused" "$work/refused.out" || fail "the summary does not count the refusal" "$work/refused.out"
grep -q "0 exports imported" "$work/refused.out" || fail "an export with another key was imported" "$work/refused.out"
grep -q "signed by a different key.*--accept-new-key $id" "$work/refused.out" ||
    fail "no words naming --accept-new-key" "$work/refused.out"

stats_tool merge "$work/stick2" -o "$work/all.db" --quiet --accept-new-key "$id" > "$work/accepted.out" 2>&1 ||
    fail "merge with --accept-new-key failed" "$work/accepted.out"
grep -q "1 exports imported" "$work/accepted.out" || fail "--accept-new-key did not take the export" "$work/accepted.out"

# Now the first key is the stranger.
stats_tool export --data-dir "$work/real-data" --to "$work/stick3/kiosk" > /dev/null
status=0
stats_tool merge "$work/stick3" -o "$work/all.db" --quiet > "$work/stale.out" 2>&1 || status=$?
[ "$status" = 3 ] || fail "the replaced key gave exit status $status, not 3" "$work/stale.out"
grep -q "signed by a different key" "$work/stale.out" || fail "the replaced key was still taken" "$work/stale.out"
echo "ok"
