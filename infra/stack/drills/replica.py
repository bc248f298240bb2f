"""Drill 2: the read replica stops under a read load of signed-in people: no request fails,
reads are answered by the primary; started again, reads go back to it.

Where reads went is read on each cluster itself, from its cumulative statistics: the scans of the
products table (pg_stat_user_tables: a standby counts the scans it runs), which only the reads
make (the writes of the drill's time, view counts flushed every 10 s, are a scan or two), and the
transactions of the app's database (pg_stat_database, printed). The app's own count
(vitrin_db_reads_total on the app servers' metrics ports) is printed beside them."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from common import (
    Load,
    describe_failures,
    failures,
    p99,
    poll,
    port_open,
    query,
    register,
    require,
    stack,
)
from reads import database_reads

WINDOW = 4.0  # seconds of load per measurement
READERS = 8
READER_PACE = 0.05  # seconds between one reader's requests: at most 20 a second, under the app's limit


def _transactions(url: str, database: str) -> int:
    # Read from the `postgres` database so that the reading is not counted in the app's.
    rows = query(
        url,
        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
        (database,),
        dbname="postgres",
    )
    return int(rows[0][0])


def _routed_reads(metrics_ports: list[int]) -> dict[str, float]:
    """The app's count of reads by database (vitrin_db_reads_total), summed over the app servers."""
    found: dict[str, float] = {}
    for port in metrics_ports:
        try:
            text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        except requests.RequestException:
            continue
        for line in text.splitlines():
            if line.startswith("vitrin_db_reads_total{"):
                labels, value = line[len("vitrin_db_reads_total{") :].rsplit("} ", 1)
                database = labels.split('database="', 1)[1].split('"', 1)[0] if 'database="' in labels else "?"
                found[database] = found.get(database, 0.0) + float(value)
    return found


def _product_scans(url: str) -> int:
    rows = query(
        url,
        "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = %s",
        ("products_product",),
    )
    return int(rows[0][0])


@dataclass
class Window:
    answered: int  # requests answered 200 during the window
    primary_reads: int  # scans of the products table on each cluster during the window
    replica_reads: int
    primary_xacts: int  # transactions of the app's database on each cluster during the window
    replica_xacts: int
    routed: dict[str, float]  # the app's own count of reads by database

    def per_request(self, count: int) -> float:
        return count / self.answered if self.answered else 0.0

    def __str__(self) -> str:
        routed = ", ".join(f"{name} {count:.0f}" for name, count in sorted(self.routed.items()) if count)
        return (
            f"{self.answered} requests -> products table scanned {self.replica_reads} times on the replica, "
            f"{self.primary_reads} on the primary (xacts {self.replica_xacts} / {self.primary_xacts}"
            + (f"; app's count: {routed})" if routed else ")")
        )


class _Clusters:
    def __init__(self, env: dict[str, str]) -> None:
        self.primary = env["DATABASE_PRIMARY_DIRECT_URL"]
        self.replica = env["DATABASE_REPLICA_URL"]
        self.database = urlsplit(self.primary).path.lstrip("/")
        servers = int(env.get("STACK_APP_SERVERS", "2"))
        self.metrics_ports = [9100 + n for n in range(1, servers + 1)]

    def window(self, load: Load, *, replica_up: bool) -> Window:
        """What WINDOW seconds of load did on each cluster."""
        started = time.monotonic()
        routed0 = _routed_reads(self.metrics_ports)
        primary0 = _transactions(self.primary, self.database), _product_scans(self.primary)
        replica0 = (_transactions(self.replica, self.database), _product_scans(self.replica)) if replica_up else (0, 0)
        poll(lambda: time.monotonic() - started >= WINDOW, deadline=WINDOW + 5, what="measurement", interval=0.1)
        primary1 = _transactions(self.primary, self.database), _product_scans(self.primary)
        replica1 = (_transactions(self.replica, self.database), _product_scans(self.replica)) if replica_up else (0, 0)
        routed1 = _routed_reads(self.metrics_ports)
        answered = len([s for s in load.since(started) if s.ok])
        routed = {name: routed1[name] - routed0.get(name, 0.0) for name in routed1}
        return Window(
            answered,
            primary_reads=primary1[1] - primary0[1],
            replica_reads=replica1[1] - replica0[1],
            primary_xacts=primary1[0] - primary0[0],
            replica_xacts=replica1[0] - replica0[0],
            routed=routed,
        )

    def reads_on_replica(self, load: Load) -> Window | None:
        """A window's figures when the replica ran the product reads (at least 20 scans, more than
        three times as many as the primary), else None."""
        measured = self.window(load, replica_up=True)
        on_replica = measured.replica_reads >= 20 and measured.replica_reads > 3 * measured.primary_reads
        return measured if on_replica else None


def run(env: dict[str, str]) -> str:
    clusters = _Clusters(env)
    replica_port = urlsplit(clusters.replica).port or 5443
    # Signed-in readers: their answers are never shared, so their reads reach the database (an
    # anonymous one mostly comes from the app's cache).
    readers = [register() for _ in range(READERS)]
    load = Load(database_reads(), sessions=[reader.session() for reader in readers], pace=READER_PACE).start()
    try:
        poll(lambda: load.count() >= 20, deadline=20, what="20 requests of read load")
        # 1. Replica up: it runs the reads (once the readers' own sign-up no longer pins their
        # reads to the primary: REPLICA_PIN_SECONDS).
        up, _ = poll(
            lambda: clusters.reads_on_replica(load),
            deadline=float(env.get("REPLICA_PIN_SECONDS", "5")) + 3 * WINDOW,
            what="the replica runs the product reads",
            interval=0,
        )
        # 2. Replica stopped: no failure; the primary runs the reads instead.
        stopped_at = time.monotonic()
        stack("stop", "pg-replica")
        poll(lambda: not port_open(replica_port), deadline=15, what="the replica stops")
        down = clusters.window(load, replica_up=False)
        require(
            down.answered > 0 and down.per_request(down.primary_reads) >= 0.5 * up.per_request(up.replica_reads),
            f"with the replica down the primary ran too few product reads. Up: {up}. Down: {down}",
        )
        # 3. Replica started: reads go back to it.
        started_at = time.monotonic()
        stack("start", "pg-replica")
        poll(
            lambda: query(clusters.replica, "SELECT pg_is_in_recovery()", dbname="postgres")[0][0],
            deadline=30,
            what="the replica accepts connections in recovery",
        )
        down_samples = [s for s in load.since(stopped_at) if s.started < started_at]
        back, _ = poll(
            lambda: clusters.reads_on_replica(load), deadline=30, what="reads return to the replica", interval=0
        )
        back_after = time.monotonic() - started_at
    finally:
        load.stop()
        if not port_open(replica_port):
            stack("start", "pg-replica")
    samples = load.samples
    line = (
        f"{len(samples)} requests by {READERS} signed-in readers, {describe_failures(samples)}, p99 "
        f"{p99(samples):.3f} s; replica up: {up}; replica stopped: {len(down_samples)} requests, "
        f"{len(failures(down_samples))} failed, p99 {p99(down_samples):.3f} s, {down}; replica started: reads "
        f"back on it within {back_after:.1f} s: {back}"
    )
    require(not failures(samples), line)
    return line
