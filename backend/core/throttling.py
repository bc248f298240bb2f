"""Rate limits counted in one cache round trip.

DRF's `SimpleRateThrottle` keeps, per client, the list of its request times: every request reads
the whole list from the cache and writes it back. At a few hundred requests per second that is
two Redis round trips and a list to (un)pickle on every request, whatever the view does.

`WindowRateThrottle` counts instead: one counter per client and period of the clock (this
minute, this hour), and a request is allowed while its period's count is within the rate, the
way GitHub's API counts. On Redis that is one round trip (INCR and EXPIRE in one pipeline), and
`Retry-After` is exactly the time left in the period. The price: a client may spend one budget
at the end of a period and the next at the start of the following one. A refused request is not
counted, so a client that waits gets its budget back. With the cache down every request is
allowed (the cache is an accelerator, never a dependency).
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING

from django.core.cache import BaseCache
from redis.exceptions import RedisError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import AnonRateThrottle as DrfAnonRateThrottle
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.throttling import UserRateThrottle as DrfUserRateThrottle

if TYPE_CHECKING:  # rest_framework.views imports the throttles named in the settings
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)


def _redis_client(cache: BaseCache) -> object | None:
    """The client of a django-redis cache (raw connection and key prefixing), or None for any
    other backend."""
    client = getattr(cache, "client", None)
    return client if hasattr(client, "get_client") else None


class WindowRateThrottle(SimpleRateThrottle):
    """A fixed-window counter with DRF's throttle interface (`rate`, `scope`, `get_cache_key`)."""

    num_requests: int
    duration: int  # seconds; both set by SimpleRateThrottle.__init__ from the rate
    elapsed: float = 0.0

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = math.floor(self.now / self.duration)
        self.elapsed = self.now - window * self.duration
        window_key = f"{self.key}:w{window}"
        count = self._count(window_key)
        if count is None or count <= self.num_requests:
            return True  # within the rate, or the cache is down and nothing is limited
        self._uncount(window_key)
        return False

    def wait(self) -> float | None:
        """Seconds until the period ends and the budget is whole again."""
        return max(self.duration - self.elapsed, 0.0)

    def _count(self, window_key: str) -> int | None:
        """Counts this request in its period and returns the period's count (None: not counted)."""
        client = _redis_client(self.cache)
        if client is not None:
            key = client.make_key(window_key)  # type: ignore[attr-defined]
            try:
                pipe = client.get_client(write=True).pipeline(transaction=False)  # type: ignore[attr-defined]
                pipe.incr(key)
                pipe.expire(key, self.duration + 1)
                count, _ = pipe.execute()
            except RedisError:
                logger.warning("rate limit not counted: the cache is unreachable", exc_info=True)
                return None
            return int(count)
        # Any other cache (the in-process default, the dummy cache): two steps, atomic per process.
        self.cache.add(window_key, 0, self.duration + 1)
        try:
            return int(self.cache.incr(window_key))
        except ValueError:  # a cache that keeps nothing
            return None

    def _uncount(self, window_key: str) -> None:
        client = _redis_client(self.cache)
        try:
            if client is not None:
                client.get_client(write=True).decr(client.make_key(window_key))  # type: ignore[attr-defined]
            else:
                self.cache.decr(window_key)
        except (RedisError, ValueError):
            pass  # the refusal stands; at worst this request counted


class AnonRateThrottle(WindowRateThrottle, DrfAnonRateThrottle):
    """Requests per client address, for anonymous callers (`anon` rate)."""


class UserRateThrottle(WindowRateThrottle, DrfUserRateThrottle):
    """Requests per account, or per client address when anonymous (`user` rate)."""


class WriteRateThrottle(WindowRateThrottle):
    """Limits what one signed-in user may write (POST, PATCH, PUT, DELETE) per period."""

    scope = "writes"

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None  # anonymous writes are refused by permissions before they cost anything
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
