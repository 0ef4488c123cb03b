#!/usr/bin/env bash
# Dumps Commonplan's PostgreSQL database in pg_dump's custom format (compressed, restorable with
# scripts/restore.sh or pg_restore, table by table if need be).
#
#   DATABASE_URL=postgres://... scripts/backup.sh [output-file]
#
# The file defaults to backups/commonplan-<UTC timestamp>.dump. Section text lives entirely in
# PostgreSQL (snapshots and the update log), so this one file is the whole of the data; Redis holds
# only queues and counters that are rebuilt or expire.
set -euo pipefail

database_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/commonplan}"
output="${1:-backups/commonplan-$(date -u +%Y%m%dT%H%M%SZ).dump}"

mkdir -p "$(dirname "$output")"
partial="${output}.partial"
trap 'rm -f "$partial"' EXIT

# A consistent snapshot of the whole database, taken without blocking writers.
pg_dump --format=custom --compress=6 --no-owner --no-privileges \
  --dbname="$database_url" --file="$partial"
# Refuse to call it a backup unless pg_restore can read its table of contents.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$output"
trap - EXIT

echo "backup written to $output ($(du -h "$output" | cut -f1))"
