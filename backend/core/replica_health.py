"""Whether the read replica can serve reads now: reachable, and no further behind the primary
than REPLICA_MAX_LAG_SECONDS. Asked by core.db_router before a request reads from it.

Each process probes at most once per REPLICA_CHECK_SECONDS while the replica is up, and once per
REPLICA_RETRY_SECONDS after it was found down (a down replica may take the whole connect timeout
to say so). The probe runs on the calling thread's own replica connection, which a request then
reads with, so a connection that broke is found here first.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger("vitrin.db")

REPLICA = "replica"

# How far behind the replica is, in seconds. Replay timestamps age on an idle primary although
# nothing is behind, so a replica that is streaming and has replayed all it received counts as
# current. "All": its receive position may also be behind its replay position, for a replica
# restarted while the primary was idle (the receiver starts at the segment's beginning and moves
# only when new WAL comes). A replica that is not receiving (cut off from the primary) is as old
# as its last replayed transaction. A server that is not in recovery is a primary (or promoted).
_LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver)
         AND pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""


@dataclass(frozen=True)
class ReplicaState:
    usable: bool
    # Why reads go where they go: "fresh", "replica_down" or "replica_lagging".
    reason: str
    lag_seconds: float | None = None


_UNCHECKED = ReplicaState(usable=False, reason="replica_down")


class ReplicaHealth:
    """The replica's state as last probed by this process (shared by its threads)."""

    def __init__(self) -> None:
        self._state: ReplicaState | None = None
        self._valid_until = 0.0
        self._probing = threading.Lock()

    def state(self) -> ReplicaState:
        if self._state is not None and time.monotonic() < self._valid_until:
            return self._state
        # One thread probes; the others go on with what was known (the primary if nothing was).
        if not self._probing.acquire(blocking=False):
            return self._state or _UNCHECKED
        try:
            state = self._probe()
            self._remember(state)
            return state
        finally:
            self._probing.release()

    def mark_down(self) -> None:
        """The replica failed a request: no read goes there until the next probe is due."""
        self._remember(_UNCHECKED)

    def forget(self) -> None:
        """Probes again at the next read (after the replica alias was changed)."""
        self._state = None
        self._valid_until = 0.0

    def _remember(self, state: ReplicaState) -> None:
        if self._state is None or state.reason != self._state.reason:
            log = logger.info if state.usable else logger.warning
            log("replica %s", state.reason, extra={"lag_seconds": state.lag_seconds})
        self._state = state
        seconds = settings.REPLICA_CHECK_SECONDS if state.reason != "replica_down" else settings.REPLICA_RETRY_SECONDS
        self._valid_until = time.monotonic() + seconds

    def _probe(self) -> ReplicaState:
        connection = connections[REPLICA]
        try:
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute(_LAG_SQL)
                    row = cursor.fetchone()
                    lag = None if row is None or row[0] is None else float(row[0])
                else:
                    cursor.execute("SELECT 1")
                    lag = 0.0
        except DatabaseError:
            logger.warning("replica probe failed", exc_info=True)
            close_quietly(REPLICA)
            return _UNCHECKED
        # No replayed transaction yet: nothing tells how old the replica is.
        if lag is None or lag > settings.REPLICA_MAX_LAG_SECONDS:
            return ReplicaState(usable=False, reason="replica_lagging", lag_seconds=lag)
        return ReplicaState(usable=True, reason="fresh", lag_seconds=lag)


def close_quietly(alias: str) -> None:
    """Drops the connection of `alias`, which may already be broken."""
    with suppress(DatabaseError):
        connections[alias].close()


replica_health = ReplicaHealth()
