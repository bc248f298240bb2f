#!/bin/sh
# A consistent dump of Vitrin's PostgreSQL database (pg_dump's custom format: compressed,
# restorable table by table), named by its UTC time; dumps older than BACKUP_KEEP_DAYS are
# deleted. Connection from the standard libpq variables (PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD). In production:  docker compose -f infra/docker-compose.prod.yml run --rm backup
set -eu

backup_dir="${BACKUP_DIR:-/backups}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
database="${PGDATABASE:?set PGDATABASE (and PGHOST, PGUSER, PGPASSWORD)}"

mkdir -p "$backup_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$backup_dir/$database-$stamp.dump"

# Written under a temporary name first, so a dump cut short is never taken for a good one.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$target.partial" "$database"
mv "$target.partial" "$target"
echo "Backup written: $target ($(du -h "$target" | cut -f1))"

find "$backup_dir" -name "$database-*.dump" -type f -mtime +"$keep_days" -print -delete \
    | sed 's/^/Deleted old backup: /'
