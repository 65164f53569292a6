#!/usr/bin/env bash
# Loads generated exports into a throw-away local PostgreSQL with the documented schema
# and COPY commands (kiosk/stats/README.md), twice: the second load must change nothing
# and the totals must equal the CSVs'. Exits 77 (ctest: skipped) when PostgreSQL's server
# binaries, psql or jq are not installed.
#
#   postgres_load_check.sh KIOSK_STATS SCHEMA_SQL WORK_DIR
set -euo pipefail
stats_tool=$1
schema=$2
work=$3

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || ! command -v psql >/dev/null || ! command -v jq >/dev/null; then
  echo "PostgreSQL server, psql or jq not installed: skipping"
  exit 77
fi
# The server refuses to run as root: run it as the postgres user when we are root.
as_server_user=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "running as root without a postgres user: skipping"; exit 77; }
  as_server_user=(runuser -u postgres --)
fi

rm -rf "$work"
mkdir -p "$work"
"$stats_tool" sample "$work/stick/kiosk" --kiosks 5 --days 60 --seed 3 >/dev/null

cluster=$(mktemp -d)
chmod 755 "$cluster"
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
stop_server() { "${as_server_user[@]}" "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$cluster"; }
trap stop_server EXIT
"${as_server_user[@]}" "$bin/initdb" -D "$cluster/data" -A trust -U postgres >"$work/initdb.log" 2>&1
"${as_server_user[@]}" "$bin/pg_ctl" -D "$cluster/data" -w -l "$cluster/server.log" \
  -o "-k $cluster -p 54391 -c listen_addresses=''" start >/dev/null
export PGHOST=$cluster PGPORT=54391 PGUSER=postgres
psql -q -d postgres -c "CREATE DATABASE stats"
psql -q -d stats -v ON_ERROR_STOP=1 -f "$schema"

load_all() {
  for header in "$work"/stick/kiosk/stats/*/*.json; do
    csv="${header%.json}.csv"
    [ "$(sha256sum <"$csv" | cut -d' ' -f1)" = "$(jq -r .counts_sha256 "$header")" ] || { echo "skip $csv"; continue; }
    psql -d stats -q -v ON_ERROR_STOP=1 -v header="$(cat "$header")" <<SQL
BEGIN;
\copy kiosk_count_staging FROM '$csv' WITH (FORMAT csv, HEADER true)
CALL kiosk_load_export(:'header'::jsonb);
COMMIT;
SQL
  done
}

expected=$(for csv in "$work"/stick/kiosk/stats/*/*.csv; do tail -n +2 "$csv"; done | awk -F, '{ rows++; sum += $NF } END { print rows "|" sum }')
load_all 2>"$work/first-load.log"
first=$(psql -d stats -At -c "SELECT count(*) || '|' || sum(count) FROM kiosk_count")
load_all 2>"$work/second-load.log"
second=$(psql -d stats -At -c "SELECT count(*) || '|' || sum(count) FROM kiosk_count")
kiosks=$(psql -d stats -At -c "SELECT count(*) FROM kiosk_export")
titles=$(psql -d stats -At -c "SELECT count(*) FROM kiosk_page WHERE kind = 'programme'")
echo "CSV rows|sum: $expected; after first load: $first; after second load: $second; $kiosks kiosks; $titles programme pages"
[ "$first" = "$expected" ] || { echo "FAIL: PostgreSQL totals differ from the CSVs"; exit 1; }
[ "$second" = "$first" ] || { echo "FAIL: loading the same exports again changed the totals"; exit 1; }
[ "$kiosks" = 5 ] || { echo "FAIL: expected 5 kiosks"; exit 1; }
grep -q "not newer than the one loaded" "$work/second-load.log" || { echo "FAIL: second load did not report unchanged"; exit 1; }
[ "$titles" -gt 0 ] || { echo "FAIL: no programme pages in the catalog view"; exit 1; }
echo "PostgreSQL load is idempotent and exact"
