"""Drill 8: a backup restores. `infra/scripts/backup.sh` dumps the live primary (the site up,
no load); `infra/scripts/restore.sh` loads the dump into a scratch database of the same server;
the restored database holds, table by table, as many rows as the primary, its full-text search
finds what the primary's finds, and Django's migration record is the same. The scratch database
and the dump are removed afterwards."""

from __future__ import annotations

import os
import subprocess
import time
from urllib.parse import urlsplit

import psycopg
from common import ROOT, DrillFailed, dsn, query, require

SCRATCH = "vitrin_restore_drill"
# The tables whose rows a restore must bring back, and the migrations that describe them.
TABLES = (
    "users_user",
    "users_follow",
    "categories_category",
    "products_product",
    "products_producttag",
    "products_upvote",
    "comments_comment",
    "notifications_notification",
    "uploads_upload",
    "django_migrations",
)
SEARCH = "SELECT count(*) FROM products_product WHERE search_document @@ plainto_tsquery('english', 'app')"


def _libpq_env(env: dict[str, str], url: str, dbname: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {
        **os.environ,
        **env,
        "PGHOST": parts.hostname or "127.0.0.1",
        "PGPORT": str(parts.port or 5432),
        "PGUSER": parts.username or "postgres",
        "PGDATABASE": dbname,
    }


def _execute(url: str, sql: str) -> None:
    """A statement that returns no rows, as the server's superuser on its maintenance database."""
    superuser = urlsplit(url)._replace(netloc=f"postgres@{urlsplit(url).hostname}:{urlsplit(url).port}").geturl()
    with psycopg.connect(dsn(superuser, dbname="postgres"), autocommit=True) as connection:
        connection.execute(sql)


def _counts(url: str, dbname: str | None = None) -> dict[str, int]:
    return {table: int(query(url, f"SELECT count(*) FROM {table}", dbname=dbname)[0][0]) for table in TABLES}  # noqa: S608 - names above


def run(env: dict[str, str]) -> str:
    primary = env["DATABASE_PRIMARY_DIRECT_URL"]
    source = primary.rsplit("/", 1)[1]
    backups = ROOT / ".stack" / "backups"
    for old in backups.glob(f"{source}-*.dump"):
        old.unlink()
    _execute(primary, f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
    _execute(primary, f"CREATE DATABASE {SCRATCH} OWNER {urlsplit(primary).username}")
    try:
        # The counts the dump must hold: nothing writes during the drill but the periodic tasks,
        # which change counters, not rows.
        before = _counts(primary)
        before_search = int(query(primary, SEARCH)[0][0])

        started = time.monotonic()
        dumped = subprocess.run(  # noqa: S603 - the repository's own script
            ["/bin/sh", str(ROOT / "infra" / "scripts" / "backup.sh")],
            env={**_libpq_env(env, primary, source), "BACKUP_DIR": str(backups)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        dump_seconds = time.monotonic() - started
        if dumped.returncode != 0:
            raise DrillFailed(f"backup.sh failed: {dumped.stderr.strip()[-500:]}")
        dumps = sorted(backups.glob(f"{source}-*.dump"))
        require(len(dumps) == 1 and not list(backups.glob("*.partial")), f"one complete dump expected, found {dumps}")
        dump = dumps[0]

        started = time.monotonic()
        restored = subprocess.run(  # noqa: S603 - the repository's own script
            ["/bin/sh", str(ROOT / "infra" / "scripts" / "restore.sh"), str(dump)],
            env=_libpq_env(env, primary, SCRATCH),
            capture_output=True,
            text=True,
            timeout=600,
        )
        restore_seconds = time.monotonic() - started
        if restored.returncode != 0:
            raise DrillFailed(f"restore.sh failed: {restored.stderr.strip()[-500:]}")

        after = _counts(primary, SCRATCH)
        after_search = int(query(primary, SEARCH, dbname=SCRATCH)[0][0])
        differing = {table: (before[table], after[table]) for table in TABLES if before[table] != after[table]}
        require(not differing, f"tables restored with other row counts (primary, restored): {differing}")
        require(
            after_search == before_search,
            f"the restored search finds {after_search} products, the primary's {before_search}",
        )
        require(before["products_product"] > 0, "the primary holds no product: nothing was really restored")
        size_kib = dump.stat().st_size / 1024
        dump.unlink()
    finally:
        _execute(primary, f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
    rows = sum(before.values())
    return (
        f"dump {size_kib:.0f} KiB in {dump_seconds:.1f} s; restored into {SCRATCH} in {restore_seconds:.1f} s; "
        f"{rows} rows in {len(TABLES)} tables equal, search finds {after_search} on both; scratch database dropped"
    )
