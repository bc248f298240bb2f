"""Counts gathered in the cache and written to the database later, in batches: a page that
hundreds of people read each second would otherwise update one row hundreds of times a second.

`BufferedCounts(name)` counts one for an item, at most once per viewer and window
(`add_once`), and hands over everything gathered so far, emptying the buffer in the same
atomic step (`take`), so a count added while the taker writes what it took waits for the next
take: none is lost, none is written twice. A taker whose write failed gives the counts back
(`give_back`).

On Redis (django-redis) `add_once` is one round trip — a script that sets the viewer's marker
with NX and an expiry and, only when it was not there, increments the item's field of one hash —
and `take` is one MULTI/EXEC of HGETALL and DEL. On any other cache (the in-process cache of
development and tests) the markers are cache keys (`cache.add`) and the counts live in this
process's memory: only this process can write them (VIEW_FLUSH_INLINE in vitrin/settings/base.py).

The cache is never a dependency: unreachable, it counts nothing and hands over nothing.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sets the viewer's marker unless it is there, and counts only then: one round trip, and no
# count without its marker even when two requests of one viewer arrive together.
_ADD_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
return 0
"""


def _redis() -> Any | None:
    """The raw client of a django-redis cache (and the backend's key maker), or None."""
    client = getattr(cache, "client", None)
    return client if hasattr(client, "get_client") else None


class BufferedCounts:
    def __init__(self, name: str) -> None:
        self.name = name
        self._pending: Counter[int] = Counter()  # on a cache other than Redis
        self._lock = threading.Lock()

    def _seen_key(self, item_id: int, viewer: str) -> str:
        digest = hashlib.blake2b(viewer.encode(), digest_size=12).hexdigest()
        return f"{self.name}:seen:{item_id}:{digest}"

    def add_once(self, *, item_id: int, viewer: str, seconds: int) -> bool:
        """Counts one for `item_id` unless `viewer` was counted for it in the last `seconds`;
        says whether it counted."""
        client = _redis()
        if client is None:
            if not cache.add(self._seen_key(item_id, viewer), 1, seconds):
                return False
            with self._lock:
                self._pending[item_id] += 1
            return True
        keys = [client.make_key(self._seen_key(item_id, viewer)), client.make_key(f"{self.name}:pending")]
        try:
            return bool(client.get_client(write=True).eval(_ADD_ONCE, 2, *keys, seconds, item_id))
        except RedisError:
            logger.warning("%s not counted: the cache is unreachable", self.name, exc_info=True)
            return False

    def take(self) -> dict[int, int]:
        """Everything counted so far, by item; the buffer is emptied in the same atomic step."""
        client = _redis()
        if client is None:
            with self._lock:
                taken, self._pending = self._pending, Counter()
            return dict(taken)
        pipe = client.get_client(write=True).pipeline(transaction=True)
        pending = client.make_key(f"{self.name}:pending")
        pipe.hgetall(pending)
        pipe.delete(pending)
        try:
            counts, _ = pipe.execute()
        except RedisError:
            logger.warning("%s not taken: the cache is unreachable", self.name, exc_info=True)
            return {}
        return {int(item_id): int(count) for item_id, count in counts.items()}

    def give_back(self, counts: Mapping[int, int]) -> None:
        """Puts taken counts back, for the next take (their write failed)."""
        client = _redis()
        if client is None:
            with self._lock:
                self._pending.update(counts)
            return
        pipe = client.get_client(write=True).pipeline(transaction=False)
        pending = client.make_key(f"{self.name}:pending")
        for item_id, count in counts.items():
            pipe.hincrby(pending, item_id, count)
        try:
            pipe.execute()
        except RedisError:
            logger.error("%s lost: %s could not be given back to the cache", self.name, dict(counts))
