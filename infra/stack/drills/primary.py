"""Drill 3: the PostgreSQL primary restarts under a write load (upvotes by several signed-in
people): the service is back within 10 s, and no acknowledged write is lost: every upvote
answered 200 is a row afterwards, and every product's counter equals a recount of its rows."""

from __future__ import annotations

import random
import threading
import time

import requests
from common import (
    BASE_URL,
    Load,
    describe_failures,
    failures,
    p99,
    poll,
    published_product_ids,
    query,
    register,
    require,
    stack,
)

VOTERS = 12
# The app allows 120 writes a minute per account ("writes" rate): one every 0.6 s stays under it.
PACE = 0.6
MAX_DOWN_SECONDS = 10.0
STEADY_SECONDS = 2.0


def run(env: dict[str, str]) -> str:
    primary = env["DATABASE_PRIMARY_DIRECT_URL"]
    products = published_product_ids()
    voters = [register() for _ in range(VOTERS)]
    queues = [random.sample(products, len(products)) for _ in voters]
    acknowledged: set[tuple[int, int]] = set()
    lock = threading.Lock()

    def upvote(client: requests.Session, n: int) -> tuple[int, bool, str, str]:
        index, attempt = divmod(n, 1_000_000)
        voter, product = voters[index], queues[index][attempt % len(products)]
        response = client.post(f"{BASE_URL}/api/products/{product}/upvote/", timeout=15)
        if response.status_code == 200:
            with lock:
                acknowledged.add((voter.id, product))
        return response.status_code, response.status_code == 200, "POST upvote", response.text[:120]

    load = Load(upvote, sessions=[voter.session() for voter in voters], pace=PACE).start()
    try:
        poll(lambda: load.count() >= 2 * VOTERS, deadline=20, what="upvotes before the restart")
        booted = query(primary, "SELECT pg_postmaster_start_time()")[0][0]
        restart_at = time.monotonic()
        restart_seconds = stack("restart", "pg-primary")
        rebooted = query(primary, "SELECT pg_postmaster_start_time()")[0][0]
        require(rebooted > booted, f"the primary still runs since {booted}: it was not restarted")
        returned_at = time.monotonic()

        def steady() -> bool:
            # Writes answered for STEADY_SECONDS on end, all of them started after the restart.
            now = time.monotonic()
            recent = load.since(returned_at)
            return (
                bool(recent)
                and now - returned_at >= STEADY_SECONDS
                and all(s.ok for s in recent if s.started >= now - STEADY_SECONDS - 1)
                and any(s.ok and s.started >= now - STEADY_SECONDS for s in recent)
            )

        poll(steady, deadline=30, what="upvotes answered again after the restart")
    finally:
        load.stop()
    samples = load.samples
    during = [s for s in samples if s.started >= restart_at]
    failed = failures(during)
    if failed:
        last_failure = max(s.started for s in failed)
        first_after = min(s.started + s.seconds for s in during if s.ok and s.started > last_failure)
        down_seconds = first_after - restart_at
    else:
        down_seconds = max((s.seconds for s in during), default=0.0)

    written = {
        (user, product)
        for user, product in query(
            primary,
            "SELECT user_id, product_id FROM products_upvote WHERE user_id = ANY(%s)",
            ([voter.id for voter in voters],),
        )
    }
    lost = acknowledged - written
    unacknowledged = written - acknowledged
    drifted = query(
        primary,
        "SELECT p.id, p.upvote_count, (SELECT count(*) FROM products_upvote u WHERE u.product_id = p.id) "
        "FROM products_product p WHERE p.upvote_count <> "
        "(SELECT count(*) FROM products_upvote u WHERE u.product_id = p.id)",
    )
    line = (
        f"{len(samples)} upvotes by {VOTERS} accounts, {len(acknowledged)} acknowledged, "
        f"{describe_failures(samples)}, p99 {p99(samples):.3f} s; primary restarted in {restart_seconds:.1f} s, "
        f"writes back {down_seconds:.1f} s after the restart began; acknowledged but missing: {len(lost)}; "
        f"written without an answer: {len(unacknowledged)}; products whose counter differs from a recount: "
        f"{len(drifted)}"
    )
    require(down_seconds <= MAX_DOWN_SECONDS, line + f" (more than {MAX_DOWN_SECONDS:.0f} s)")
    require(not lost, line + f" (lost: {sorted(lost)[:5]})")
    require(not drifted, line + f" (id, counter, rows: {drifted[:5]})")
    return line
