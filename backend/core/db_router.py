"""Which database a query goes to when a read replica is configured (DATABASE_REPLICA_URL).

Writes, migrations and every read outside a web request (Celery tasks, management commands)
go to the primary, `default`. Inside a request (core.read_your_writes sets its routing) the
reads of a safe request (GET, HEAD, OPTIONS) go to the replica, `replica`, unless one of these
sends them to the primary, named in the metric `vitrin_db_reads_total{database, reason}`:

- unsafe_method: the request writes (POST, PUT, PATCH, DELETE); what it reads, it may write.
- transaction: the read is inside a transaction of the primary, whose snapshot it belongs to.
- wrote_in_request: the request has written already; from then on it reads what it wrote.
- pinned: the client wrote within REPLICA_PIN_SECONDS (read-your-writes, across requests).
- pin_unknown: whether the client wrote lately cannot be told (the cache is unreachable).
- replica_down, replica_lagging: the replica is unreachable, or further behind than
  REPLICA_MAX_LAG_SECONDS (core.replica_health).
- replica_failed: the replica failed during this request, which was answered again from the
  primary.
- outside_request: no web request (a task, a command, the shell); tasks often read what the
  request that queued them has just written.

Tasks keep reading the primary on purpose: a task queued on commit would otherwise look for a
row that the replica has not replayed yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import connections
from prometheus_client import Counter

from core.replica_health import REPLICA, replica_health

PRIMARY = "default"

READS = Counter(
    "vitrin_db_reads_total",
    "Database reads routed, by the database they went to and why.",
    ["database", "reason"],
)


@dataclass
class RequestRouting:
    """How the reads of one web request are routed; made by core.read_your_writes."""

    safe_method: bool
    # Whether the client wrote within the pin window: True, False, or None when that cannot be
    # told. Asked at most once, and only when the replica could otherwise serve the request.
    client_is_pinned: Callable[[], bool | None]
    # Once set, every later read of the request goes to the primary for this reason.
    primary_reason: str | None = None
    read_from_replica: bool = False
    wrote: bool = False

    def read_database(self) -> tuple[str, str]:
        """The database of the next read, and the reason (the metric's labels)."""
        if self.primary_reason is None:
            self.primary_reason = self._first_reason_for_primary()
        if self.primary_reason:
            return PRIMARY, self.primary_reason
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY, "transaction"
        self.read_from_replica = True
        return REPLICA, "fresh"

    def _first_reason_for_primary(self) -> str:
        """Why the request reads from the primary; empty when the replica serves it."""
        if not self.safe_method:
            return "unsafe_method"
        if REPLICA not in connections.settings:
            return "replica_down"
        state = replica_health.state()
        if not state.usable:
            return state.reason
        pinned = self.client_is_pinned()
        if pinned is None:
            return "pin_unknown"
        return "pinned" if pinned else ""

    def written(self) -> None:
        self.wrote = True
        if not self.primary_reason:
            self.primary_reason = "wrote_in_request"

    def replica_failed(self) -> None:
        self.primary_reason = "replica_failed"


_routing: ContextVar[RequestRouting | None] = ContextVar("vitrin_request_routing", default=None)


def current_routing() -> RequestRouting | None:
    return _routing.get()


@contextmanager
def routing_for_request(routing: RequestRouting) -> Iterator[RequestRouting]:
    """Routes the reads made inside the block as `routing` says."""
    token = _routing.set(routing)
    try:
        yield routing
    finally:
        _routing.reset(token)


class PrimaryReplicaRouter:
    """Django's database router (DATABASE_ROUTERS) for a primary and its streaming replica."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        routing = _routing.get()
        database, reason = routing.read_database() if routing is not None else (PRIMARY, "outside_request")
        READS.labels(database=database, reason=reason).inc()
        return database

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        routing = _routing.get()
        if routing is not None:
            routing.written()
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the primary's rows: a row read from one may point at one from the other.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        # The replica replays the primary's schema changes; it cannot run its own.
        return db == PRIMARY
