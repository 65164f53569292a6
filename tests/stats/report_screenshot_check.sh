#!/usr/bin/env bash
# The statistics report as a programme officer sees it: generated exports are merged, a
# report is made and Debian's headless Chromium screenshots it; the PNG must show a
# rendered page. Exits 77 (ctest: skipped) only when Chromium is not installed.
#
#   report_screenshot_check.sh KIOSK_STATS PNG_CHECK WORK_DIR
set -euo pipefail
stats_tool=$1
png_check=$2
work=$3

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (platform/debian-packages.txt lists it): skipping"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
"$stats_tool" sample "$work/stick/kiosk" --kiosks 6 --days 150 --seed 7
"$stats_tool" merge "$work/stick" -o "$work/all.db"
"$stats_tool" report "$work/all.db" -o "$work/report.html" --csv "$work/report.csv"

# Small communes produce small cells: the report must have suppressed some.
grep -q ',<5$' "$work/report.csv" || { echo "FAIL: no suppressed cell in the report CSV"; exit 1; }
grep -q '&lt;5' "$work/report.html" || { echo "FAIL: no suppressed cell in the HTML"; exit 1; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --screenshot="$work/report.png" --window-size=1280,2000 \
    "file://$work/report.html" >"$work/chromium.log" 2>&1; then
  cat "$work/chromium.log"
  echo "FAIL: chromium did not finish"
  exit 1
fi
"$png_check" "$work/report.png" 1280 2000
echo "report and screenshot kept in $work"
