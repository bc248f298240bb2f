"""`make bench`: Vitrin's read paths under load, next to a ceiling and a naive baseline.

    make bench                       # 100,000 products, 20,000 users, 1,000,000 upvotes, 300,000 comments
    make bench BENCH_SCALE=small     # the same scenarios on a few thousand products, in a few minutes
    make bench BENCH_SCALE=ci        # a tiny run for CI: fails on errors and wrong counts, never on speed

DATABASE_URL and REDIS_URL choose the PostgreSQL database and the Redis database (defaults below;
without DATABASE_URL the small and ci scales use vitrin_bench_small and vitrin_bench_ci).
The run generates the data set when the database does not hold it at this scale yet, serves
Vitrin the production way (gunicorn, sync workers, DJANGO_ENV=production) and drives it with wrk
over loopback; one scenario goes through nginx with the micro-cache of production
(infra/nginx/microcache.conf), skipped when nginx is not installed. It prints a table and writes
bench/results/latest.json; see docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend"
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
LUA_SCRIPT = BENCH / "wrk" / "scenario.lua"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vitrin_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
# Production settings insist on a broker; the run starts no worker, so what is queued just waits.
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/4"

sys.path[:0] = [str(BACKEND), str(BENCH), str(REPO / "infra" / "nginx")]

from microcache_front import INSTALL_HINT, microcached, nginx_binary  # noqa: E402
from scenarios import Fixtures, Scenario, deep_page_name, scenarios_for  # noqa: E402


@dataclass(frozen=True)
class Scale:
    name: str
    users: int
    products: int
    upvotes: int
    comments: int
    seconds: int  # measured per scenario
    warmup_seconds: int
    max_requests: int  # per wrk thread
    signed_in_users: int


SCALES = {
    "full": Scale("full", 20_000, 100_000, 1_000_000, 300_000, 10, 2, 200_000, 200),
    "small": Scale("small", 2_000, 5_000, 50_000, 15_000, 5, 1, 100_000, 100),
    "ci": Scale("ci", 300, 1_500, 6_000, 2_000, 1, 0, 5_000, 20),
}
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    ratio_vs_ceiling: float | None
    ratio_vs_naive: float | None
    requests: int
    connections: int
    paced_at: int | None
    server: str
    load: float  # the machine's 1-minute load average when the scenario started
    detail: dict[str, int] = field(default_factory=dict)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- environment ---------------------------------------------------------------------------------
def bench_environment(scale: Scale) -> dict[str, str]:
    """The environment of every process of the run: production settings, the bench's URLs,
    throttles raised out of the way (they still run), tokens that outlive the run. Without a
    DATABASE_URL, each scale has its own database, so a quick run never replaces the full set."""
    default_database = DEFAULT_DATABASE_URL if scale.name == "full" else f"{DEFAULT_DATABASE_URL}_{scale.name}"
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": os.environ.get("DATABASE_URL") or default_database,
            "REDIS_URL": os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
            "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX") or "vitrin_bench",
            "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL") or DEFAULT_BROKER_URL,
            "DJANGO_SETTINGS_MODULE": "benchsite.settings",
            "PYTHONPATH": os.pathsep.join([str(BACKEND), str(BENCH)]),
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "THROTTLE_ANON": "100000000/min",
            "THROTTLE_USER": "100000000/min",
            "THROTTLE_WRITES": "100000000/min",
            "JWT_ACCESS_TOKEN_MINUTES": "600",
            "JWT_SESSION_MAX_DAYS": "30",
        }
    )
    env.pop("DJANGO_DEBUG", None)
    return env


def ensure_database(database_url: str) -> None:
    """Creates the PostgreSQL database named in the URL when it does not exist yet."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(database_url)
    if "postgresql" not in config["ENGINE"]:
        raise SystemExit("The benchmark runs on PostgreSQL: give DATABASE_URL=postgres://...")
    connection = psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            log(f"creating database {config['NAME']}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=BACKEND, env=env, check=True)  # noqa: S603


def ensure_dataset(env: dict[str, str], scale: Scale) -> dict[str, Any]:
    """Migrates, then generates the data set unless the database holds it at this scale."""
    from benchdata.generation import GENERATED_EMAIL_DOMAIN

    from comments.models import Comment
    from products.models import Product
    from users.models import User

    manage(env, "migrate", "--no-input", "-v", "0")
    domain = f"@{GENERATED_EMAIL_DOMAIN}"
    present = {
        "users": User.objects.filter(email__endswith=domain).count(),
        "products": Product.objects.filter(author__email__endswith=domain).count(),
        "comments": Comment.objects.filter(product__author__email__endswith=domain).count(),
    }
    wanted = {"users": scale.users, "products": scale.products, "comments": scale.comments}
    if present == wanted:
        log(f"data set already at scale {scale.name}: {present}")
        return {"generated": False, "seconds": 0.0}
    log(f"generating the {scale.name} data set (found {present})")
    started = time.perf_counter()
    # generate_data refuses production settings (it writes makers who share a published
    # password): the data set is written as development would, into the benchmark's database.
    manage(
        dict(env, DJANGO_ENV="development", DJANGO_DEBUG="false"),
        "generate_data",
        "--clear",
        f"--users={scale.users}",
        f"--products={scale.products}",
        f"--upvotes={scale.upvotes}",
        f"--comments={scale.comments}",
    )
    seconds = time.perf_counter() - started
    log(f"generated in {seconds:.0f} s; vacuuming")
    vacuum_started = time.perf_counter()
    vacuum()
    return {
        "generated": True,
        "seconds": round(seconds, 1),
        "vacuum_seconds": round(time.perf_counter() - vacuum_started, 1),
    }


def vacuum() -> None:
    """VACUUM ANALYZE of the bulk-loaded tables, as autovacuum would do a while after a load:
    fresh statistics, and visibility maps that let index-only scans skip the table."""
    from django.db import connection

    tables = [
        "products_product",
        "products_upvote",
        "products_producttag",
        "comments_comment",
        "users_user",
        "users_follow",
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM (ANALYZE) {table}")


# --- the server ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(env: dict[str, str], *, cache: bool, log_dir: Path) -> Iterator[str]:
    """Vitrin (with the bench's URLs) under gunicorn, sync workers, until the block ends."""
    port = free_port()
    server_env = dict(env, BENCH_CACHE="on" if cache else "off")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log_file = (log_dir / f"gunicorn-{'cached' if cache else 'uncached'}.log").open("ab")
    command = [
        str(gunicorn),
        "benchsite.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={WORKERS}",
        "--worker-class=sync",
        "--backlog=2048",
        "--timeout=120",
    ]
    process = subprocess.Popen(command, cwd=BACKEND, env=server_env, stdout=log_file, stderr=log_file)  # noqa: S603
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/api/health/", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start; see {log_file.name}")
            time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log_file.close()


# --- load ----------------------------------------------------------------------------------------
def run_wrk(base_url: str, scenario: Scenario, *, seconds: float, max_requests: int, work_dir: Path) -> dict[str, int]:
    requests_file = work_dir / "requests.tsv"
    requests_file.write_text("".join(f"{r.method}\t{r.path}\t{r.authorization}\n" for r in scenario.requests))
    env = dict(
        os.environ,
        BENCH_REQUESTS=str(requests_file),
        BENCH_RATE=str(scenario.rate or 0),
        BENCH_THREADS=str(scenario.threads),
        BENCH_MAX=str(max_requests),
    )
    command = [
        "wrk",
        f"-t{scenario.threads}",
        f"-c{scenario.connections}",
        f"-d{max(seconds, 1):.0f}s",
        "--timeout=10s",
        f"-s{LUA_SCRIPT}",
        base_url,
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 120, check=True)  # noqa: S603
    for line in output.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return dict(json.loads(line.removeprefix("BENCH_RESULT ")))
    raise SystemExit(f"wrk gave no result for {scenario.name}:\n{output.stdout}\n{output.stderr}")


def warm_up(base_url: str, scenario: Scenario, *, seconds: float, work_dir: Path) -> None:
    if seconds > 0:
        run_wrk(base_url, scenario, seconds=seconds, max_requests=0, work_dir=work_dir)
        return
    for request in scenario.requests[:3]:  # the CI run: a few requests fill the caches
        headers = {"Authorization": request.authorization} if request.authorization else {}
        if request.method == "GET":
            try:
                with urllib.request.urlopen(urllib.request.Request(base_url + request.path, headers=headers)):  # noqa: S310
                    pass
            except OSError:
                pass


def settle(base_url: str) -> None:
    """Waits until the server is idle: requests of the previous scenario (a naive page takes
    seconds) may still hold the workers after wrk stopped waiting for them."""
    deadline = time.monotonic() + 120
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"{base_url}/api/health/", timeout=30):  # noqa: S310
                pass
        except OSError:
            pass
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0


def measure(base_url: str, scenario: Scenario, scale: Scale, server: str, work_dir: Path) -> Result:
    settle(base_url)
    warm_up(base_url, scenario, seconds=scale.warmup_seconds, work_dir=work_dir)
    load = os.getloadavg()[0]
    raw = run_wrk(base_url, scenario, seconds=scale.seconds, max_requests=scale.max_requests, work_dir=work_dir)
    seconds = raw["duration_us"] / 1e6
    errors = raw["status_errors"] + raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"]
    result = Result(
        name=scenario.name,
        rps=round(raw["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=round(raw["p50_us"] / 1000, 2),
        p95_ms=round(raw["p95_us"] / 1000, 2),
        p99_ms=round(raw["p99_us"] / 1000, 2),
        errors=errors,
        ratio_vs_ceiling=None,
        ratio_vs_naive=None,
        requests=raw["requests"],
        connections=scenario.connections,
        paced_at=scenario.rate,
        server=server,
        load=round(load, 2),
        detail={key: value for key, value in raw.items() if key.endswith("errors") or key == "timeouts"},
    )
    log(f"{result.name}: {result.rps} req/s, p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, {result.errors} errors")
    return result


def measure_via_microcache(base_url: str, scenario: Scenario, scale: Scale, work_dir: Path) -> Result | None:
    """`measure` through nginx with the micro-cache in front of the server; None (and a line in
    the log) when nginx is not installed, which skips the scenario without failing the run."""
    if nginx_binary() is None:
        log(f"{scenario.name}: skipped, nginx is not installed ({INSTALL_HINT})")
        return None
    with microcached(base_url, work_dir=work_dir / "nginx") as front_url:
        return measure(front_url, scenario, scale, "cached, behind nginx's micro-cache", work_dir)


# --- checks --------------------------------------------------------------------------------------
def upvote_counts_check() -> dict[str, Any]:
    """Every product's stored upvote_count against a recount of its Upvote rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*), coalesce(sum(abs(p.upvote_count - coalesce(u.votes, 0))), 0)
            FROM products_product p
            LEFT JOIN (SELECT product_id, count(*) AS votes FROM products_upvote GROUP BY product_id) u
                ON u.product_id = p.id
            WHERE p.upvote_count <> coalesce(u.votes, 0)
            """
        )
        mismatched, difference = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM products_product")
        (products,) = cursor.fetchone()
    return {"products_checked": products, "mismatched_products": mismatched, "total_difference": int(difference)}


def targets(results: dict[str, Result], counts: dict[str, Any], *, deep_page: int) -> list[dict[str, Any]]:
    """The issue's targets, each with the figure measured and whether it is met."""

    def get(name: str) -> Result | None:
        return results.get(name)

    rows: list[dict[str, Any]] = []

    def add(target: str, measured: str, met: bool | None) -> None:
        rows.append({"target": target, "measured": measured, "met": met})

    def versus_naive(name: str, times: int) -> None:
        mine, naive = get(name), get(f"naive: {name}")
        if mine and naive and naive.requests:
            ratio = mine.rps / naive.rps
            add(f"{name} >= {times}x naive", f"{ratio:.0f}x", ratio >= times)
        elif mine and naive:
            add(f"{name} >= {times}x naive", "no naive request finished in the time given", None)

    home, ceiling = get("home, anonymous"), get("ceiling")
    if home and ceiling:
        add("anonymous home >= 50% of the ceiling", f"{home.rps / ceiling.rps:.0%}", home.rps >= 0.5 * ceiling.rps)
    versus_naive("home, anonymous", 30)
    for name in ("home, signed in", "product page, signed in"):
        versus_naive(name, 10)
        paced = get(f"{name} @ 300 req/s")
        if paced:
            add(f"{name}: p99 <= 25 ms at 300 req/s", f"{paced.p99_ms} ms at {paced.rps:.0f} req/s", paced.p99_ms <= 25)
    deep_name = deep_page_name(deep_page)
    for first, deep in (("home, anonymous", f"{deep_name}, anonymous"), ("uncached: home", f"uncached: {deep_name}")):
        one, far = get(first), get(deep)
        if one and far:
            add(
                f"{deep}: p99 within 1.5x of page 1", f"{far.p99_ms} vs {one.p99_ms} ms", far.p99_ms <= 1.5 * one.p99_ms
            )
    for name in ("search: common word", "search: rare word", "search: typo"):
        result = get(name)
        if result:
            add(f"{name}: p95 <= 30 ms (uncached, 1 client)", f"{result.p95_ms} ms", result.p95_ms <= 30)
    suggest = get("suggestions")
    if suggest:
        add("suggestions: p95 <= 10 ms (uncached, 1 client)", f"{suggest.p95_ms} ms", suggest.p95_ms <= 10)
    mix = get("mix: 90% reads, 10% upvotes")
    if mix:
        exact = counts.get("mismatched_products") == 0
        add("mix: zero errors, counts exact", f"{mix.errors} errors, {counts.get('mismatched_products')} wrong counts",
            mix.errors == 0 and exact)  # fmt: skip
    return rows


# --- output --------------------------------------------------------------------------------------
def table(results: list[Result]) -> str:
    columns = ("scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "x ceiling", "x naive", "load")
    widths = (42, 9, 8, 8, 8, 6, 9, 8, 5)

    def row(cells: tuple[str, ...]) -> str:
        return " ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        )

    lines = [row(columns), "-" * (sum(widths) + len(widths) - 1)]
    for r in results:
        lines.append(
            row(
                (
                    r.name,
                    f"{r.rps:.1f}",
                    f"{r.p50_ms:.2f}",
                    f"{r.p95_ms:.2f}",
                    f"{r.p99_ms:.2f}",
                    str(r.errors),
                    f"{r.ratio_vs_ceiling:.2f}" if r.ratio_vs_ceiling is not None else "-",
                    f"{r.ratio_vs_naive:.1f}" if r.ratio_vs_naive is not None else "-",
                    f"{r.load:.1f}",
                )
            )
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--only", help="Run only the scenarios whose names contain one of these comma-separated words.")
    args = parser.parse_args()
    scale = SCALES[args.scale]
    if shutil.which("wrk") is None:
        raise SystemExit("The benchmark drives the server with wrk: install it (Debian: apt-get install wrk).")

    env = bench_environment(scale)
    os.environ.update(env)
    ensure_database(env["DATABASE_URL"])

    import django

    django.setup()
    from django.db import connection

    from core.cache import CATEGORIES, PRODUCTS, VOTES, bump_cache_version

    started = time.time()
    load_before = os.getloadavg()
    dataset = ensure_dataset(env, scale)
    bump_cache_version(PRODUCTS, VOTES, CATEGORIES)  # nothing cached before the data set was (re)written
    fixtures = Fixtures.prepare(scale_name=scale.name, signed_in_users=scale.signed_in_users)
    connection.close()
    chosen = scenarios_for(fixtures, workers=WORKERS)
    if args.only:
        words = [word.strip() for word in args.only.split(",") if word.strip()]
        chosen = [s for s in chosen if any(word in s.name for word in words)]

    results: dict[str, Result] = {}
    skipped: dict[str, str] = {}
    RESULTS.mkdir(exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="vitrin-bench-"))
    for cached in (True, False):
        group = [s for s in chosen if s.cached == cached]
        if not group:
            continue
        with served(env, cache=cached, log_dir=work_dir) as base_url:
            for scenario in group:
                if not scenario.via_microcache:
                    server = "cached" if cached else "uncached (dummy cache)"
                    results[scenario.name] = measure(base_url, scenario, scale, server, work_dir)
                elif result := measure_via_microcache(base_url, scenario, scale, work_dir):
                    results[scenario.name] = result
                else:
                    skipped[scenario.name] = f"nginx is not installed ({INSTALL_HINT})"

    counts = upvote_counts_check()
    connection.close()
    ceiling = results.get("ceiling")
    chosen = [s for s in chosen if s.name not in skipped]
    for scenario in chosen:
        result = results[scenario.name]
        if ceiling and ceiling.rps and scenario.name != "ceiling":
            result.ratio_vs_ceiling = round(result.rps / ceiling.rps, 3)
        naive = results.get(scenario.baseline) if scenario.baseline else None
        if naive and naive.requests:
            result.ratio_vs_naive = round(result.rps / naive.rps, 1)

    ordered = [results[s.name] for s in chosen]
    goals = targets(results, counts, deep_page=fixtures.deep_page)
    report: dict[str, Any] = {
        "scale": scale.name,
        "cores": os.cpu_count(),
        "workers": WORKERS,
        "machine": {"system": platform.platform(), "processor": platform.processor() or platform.machine()},
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": f"make bench BENCH_SCALE={scale.name}",
        "data": {
            "users": scale.users,
            "products": scale.products,
            "upvotes": scale.upvotes,
            "comments": scale.comments,
        },
        "dataset": dataset,
        "fixtures": fixtures.describe(),
        "seconds_per_scenario": scale.seconds,
        "elapsed_seconds": round(time.time() - started, 1),
        # The machine's load (1, 5, 15 minutes) before and after: other work on it skews every figure.
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "scenarios": [
            {
                "name": r.name,
                "rps": r.rps,
                "p50_ms": r.p50_ms,
                "p95_ms": r.p95_ms,
                "p99_ms": r.p99_ms,
                "errors": r.errors,
                "ratio_vs_ceiling": r.ratio_vs_ceiling,
                "ratio_vs_naive": r.ratio_vs_naive,
                "requests": r.requests,
                "connections": r.connections,
                "paced_at": r.paced_at,
                "server": r.server,
                "load_average": r.load,
                "error_detail": r.detail,
            }
            for r in ordered
        ],
        "skipped": [{"name": name, "reason": reason} for name, reason in skipped.items()],
        "checks": {"upvote_counts": counts},
        "targets": goals,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")

    print(f"\nVitrin benchmark — scale {scale.name}: {scale.products:,} products, {scale.users:,} users, "
          f"{scale.upvotes:,} upvotes, {scale.comments:,} comments; {os.cpu_count()} cores, "
          f"{WORKERS} gunicorn sync workers; {scale.seconds} s per scenario; load average "
          f"{report['load_average']['before'][0]} before, {report['load_average']['after'][0]} after\n")  # fmt: skip
    print(table(ordered))
    for name, reason in skipped.items():
        print(f"  skipped: {name}: {reason}")
    print()
    for goal in goals:
        mark = {True: "met", False: "MISSED", None: "-"}[goal["met"]]
        print(f"  [{mark:>6}] {goal['target']}: {goal['measured']}")
    print(
        f"\n  upvote counts: {counts['mismatched_products']} of {counts['products_checked']} products differ "
        f"from a recount of their upvotes"
    )
    print(f"  results written to {RESULTS / 'latest.json'}")

    errors = sum(r.errors for r in ordered)
    if errors or counts["mismatched_products"]:
        print(
            f"\nFAILED: {errors} request errors, {counts['mismatched_products']} wrong upvote counts. "
            f"The servers' logs are in {work_dir}.",
            file=sys.stderr,
        )
        return 1
    shutil.rmtree(work_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
