#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into a NEW database, leaving the old one alone, so a
# restore can be checked before anything is switched over to it.
#
#   scripts/restore.sh <dump-file> <new-database-url>
#
# The database named in the URL must not exist yet; it is created on the same server. Afterwards,
# point DATABASE_URL at it and start the API (it checks the schema is current at start-up; run
# `npm run db:migrate` first if the dump came from an older release).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: scripts/restore.sh <dump-file> <new-database-url>" >&2
  exit 64
fi
dump="$1"
target_url="$2"

if [ ! -r "$dump" ]; then
  echo "cannot read the dump file $dump" >&2
  exit 66
fi
pg_restore --list "$dump" > /dev/null

# The database name is the URL's path; the server's maintenance database creates it.
without_query="${target_url%%\?*}"
database="${without_query##*/}"
server_url="${without_query%/*}/postgres"
if ! [[ "$database" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "the new database's name must be letters, digits and underscores (got \"$database\")" >&2
  exit 64
fi
exists=$(psql --dbname="$server_url" --no-psqlrc --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ -n "$exists" ]; then
  echo "the database $database already exists: restore into a new one, then switch DATABASE_URL" >&2
  exit 73
fi

psql --dbname="$server_url" --no-psqlrc --quiet --command="CREATE DATABASE \"$database\""
# One transaction: either the whole dump is restored, or the new database is left empty.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$target_url" "$dump"

echo "restored $dump into $database"
