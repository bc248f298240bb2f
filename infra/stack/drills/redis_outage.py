"""Drill 4: Redis stops. Reads go on without a single 5xx; the sign-in limits still hold (each
process keeps the attempts itself, so the budget is at most multiplied by the number of
processes); started again, Redis fills up with cached answers again."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import redis
from common import (
    BASE_URL,
    Load,
    addresses,
    describe_failures,
    p99,
    poll,
    port_open,
    published_product_ids,
    register,
    require,
    session,
    stack,
)
from reads import public_reads

# THROTTLE_LOGIN_ACCOUNT in backend/vitrin/settings/base.py: wrong passwords per account a minute.
ACCOUNT_LIMIT = 10


def _wrong_passwords(username: str, attempts: int) -> list[tuple[int, bool]]:
    """Signs in with a wrong password until refused (429) or `attempts` are made; each answer's
    status and whether it is the app's own (JSON, with Retry-After when 429). Each attempt comes
    from another address, as a guesser spreading over many would: the limit per account must
    hold anyway (and nginx's per-address limit stays out of the way)."""
    answers: list[tuple[int, bool]] = []
    for _ in range(attempts):
        response = session().post(
            f"{BASE_URL}/api/auth/login/", json={"username": username, "password": "not-the-password"}, timeout=15
        )
        own = response.headers.get("Content-Type", "").startswith("application/json") and (
            response.status_code != 429 or "Retry-After" in response.headers
        )
        answers.append((response.status_code, own))
        if response.status_code == 429:
            break
    return answers


def _first_refusal(answers: list[tuple[int, bool]]) -> int | None:
    return next((index + 1 for index, (status, _) in enumerate(answers) if status == 429), None)


def run(env: dict[str, str]) -> str:
    processes = int(env.get("STACK_APP_SERVERS", "2")) * int(env.get("GUNICORN_WORKERS", "2"))
    location = urlsplit(env["REDIS_URL"])
    port = location.port or 6379
    cache = redis.Redis(
        host=location.hostname or "127.0.0.1", port=port, db=int(location.path.lstrip("/") or 0), socket_timeout=2
    )
    products = published_product_ids()
    source = addresses.take()
    first, second = register(source), register(source)

    # With Redis up the limit is exact.
    shared = _wrong_passwords(first.username, ACCOUNT_LIMIT + 1)
    require(
        [status for status, _ in shared] == [401] * ACCOUNT_LIMIT + [429] and all(own for _, own in shared),
        f"with Redis up, wrong passwords were answered {[status for status, _ in shared]}: "
        f"expected {ACCOUNT_LIMIT} x 401 then the app's 429",
    )

    # Past nginx's micro-cache: the app servers answer every read, without their shared cache.
    load = Load(public_reads(products, past_nginx=True), threads=6)
    try:
        stack("stop", "redis")
        poll(lambda: not port_open(port), deadline=15, what="Redis stops")
        # Guesses first (each costs a password hash, which a read load would slow down), then reads.
        local = _wrong_passwords(second.username, ACCOUNT_LIMIT * processes + 1)
        stopped_at = time.monotonic()
        load.start()
        poll(lambda: len(load.since(stopped_at)) >= 500, deadline=30, what="500 reads with Redis down")
        load.stop()
        reads_down = load.since(stopped_at)
        errors_5xx = [s for s in reads_down if s.status >= 500 or s.status == 0]

        start_seconds = stack("start", "redis")
        poll(lambda: port_open(port), deadline=15, what="Redis answers again")
        keys_before = cache.dbsize()
        refill = Load(public_reads(products, past_nginx=True), threads=4).start()
        try:

            def refilled() -> tuple[int, int] | None:
                # New entries, and hits (INFO counts them since Redis started).
                size, found = int(cache.dbsize()), int(cache.info("stats")["keyspace_hits"])
                return (size, found) if size >= keys_before + 20 and found >= 50 else None

            (keys, hits), refill_seconds = poll(
                refilled,
                deadline=20,
                what="Redis holds 20 new cached entries and answers 50 hits",
            )
        finally:
            refill.stop()
    finally:
        load.stop()
        if not port_open(port):
            stack("start", "redis")
    statuses = [status for status, _ in local]
    refused_at = _first_refusal(local)
    line = (
        f"Redis down: {len(reads_down)} reads, {len(errors_5xx)} x 5xx/no answer "
        f"({describe_failures(reads_down)}), p99 {p99(reads_down):.3f} s; wrong passwords: Redis up -> "
        f"429 at attempt {_first_refusal(shared)}, Redis down -> 429 at attempt {refused_at} "
        f"(bound {ACCOUNT_LIMIT} x {processes} processes + 1); Redis back: {keys_before} -> {keys} keys "
        f"and {hits} cache hits {refill_seconds:.1f} s into reads (start took {start_seconds:.1f} s)"
    )
    require(not errors_5xx, line)
    require(
        refused_at is not None
        and ACCOUNT_LIMIT < refused_at <= ACCOUNT_LIMIT * processes + 1
        and all(status == 401 for status in statuses[: refused_at - 1])
        and all(own for _, own in local),
        line + f" (answers: {statuses})",
    )
    return line
