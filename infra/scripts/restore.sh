#!/bin/sh
# Restores a dump written by backup.sh into the database named by PGDATABASE, replacing what
# is there, in one transaction: it applies whole or not at all. Stop what writes first:
#   docker compose -f infra/docker-compose.prod.yml stop backend worker beat
#   docker compose -f infra/docker-compose.prod.yml run --rm restore /backups/vitrin-....dump
#   docker compose -f infra/docker-compose.prod.yml up -d
set -eu

dump="${1:?usage: restore.sh /backups/<database>-<UTC time>.dump}"
database="${PGDATABASE:?set PGDATABASE (and PGHOST, PGUSER, PGPASSWORD)}"

if [ ! -f "$dump" ]; then
    echo "There is no dump at $dump." >&2
    exit 1
fi
pg_restore --list "$dump" > /dev/null  # refuses a file that is not a dump before touching anything

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
    --dbname="$database" "$dump"
echo "Restored $dump into $database."
