"""Rate limits counted in one cache round trip.

DRF's `SimpleRateThrottle` keeps, per client, the list of its request times: every request reads
the whole list from the cache and writes it back. At a few hundred requests per second that is
two Redis round trips and a list to (un)pickle on every request, whatever the view does.

`WindowRateThrottle` (the general limits: `anon`, `user`, `writes`) counts instead: one counter
per client and period of the clock (this minute, this hour), and a request is allowed while its
period's count is within the rate, the way GitHub's API counts. On Redis that is one round trip
(INCR and EXPIRE in one pipeline), and `Retry-After` is exactly the time left in the period. The
price: a client may spend one budget at the end of a period and the next at the start of the
following one. With the cache down every request is allowed (the cache is an accelerator, never
a dependency).

A large budget (`anon` 600/min, `user` 1,200/min) is checked on every read, the shared cache's
included, where the round trip would be a third of the request's cost. So a worker takes up to
`MAX_RESERVATION` counts of such a counter at once (INCRBY) and hands the numbers out itself
(`_Reservations`): every request still gets a number of its own, and one is allowed while its
number is within the rate, so the limit is never exceeded. The price is on the other side: counts
a worker took and did not use before the period ended are lost, so a client spread over several
workers may be refused up to (workers - 1) x (MAX_RESERVATION - 1) requests early (at most 1.6%
of 600 with 3 workers). Budgets under 200 are counted one by one, exactly.

`SlidingWindowRateThrottle` (the limits on guessing passwords and sending e-mails: signing in,
signing up, password resets and changes) cannot pay that price: twice the budget in two seconds
is twice the guesses. It logs the time of each counted request and allows one while fewer than
the rate were counted in the period before it, so the rate holds over ANY minute (or hour). On
Redis the log is a sorted set, trimmed, added to and counted in one MULTI transaction. These
requests are rare, so the extra work is not felt. With Redis unreachable (or with the in-process
cache of development) each process keeps the logs itself (`LocalSlidingWindows`): every worker
still enforces the limit, so an outage multiplies the budget by the number of workers at most
instead of lifting it.

Under both, a refused request is not counted, so a client that waits gets its budget back.
"""

from __future__ import annotations

import contextlib
import logging
import math
import secrets
import threading
from collections import OrderedDict, deque
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


def _counts(throttle: SimpleRateThrottle, request: Request, view: APIView) -> bool:
    """Whether `throttle` counts this request (it has a rate and a key for it); if so, sets the
    throttle's `key` and `now`, as DRF's own throttles do."""
    if throttle.rate is None:
        return False
    throttle.key = throttle.get_cache_key(request, view)
    if throttle.key is None:
        return False
    throttle.now = throttle.timer()
    return True


# The most counts a worker takes of a shared counter at once; never more than a hundredth of the
# budget, so small budgets are counted exactly.
MAX_RESERVATION = 10


class _Reservations:
    """Numbers of shared counters that this process took in advance and has not handed out yet,
    per counter key: the next one and the last one. Thread-safe; bounded (the keys name a period
    of the clock, so old ones are simply dropped)."""

    max_keys = 10_000

    def __init__(self) -> None:
        self._held: dict[str, list[int]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> int | None:
        with self._lock:
            held = self._held.get(key)
            if held is None:
                return None
            number, last = held
            if number >= last:
                del self._held[key]
            else:
                held[0] = number + 1
            return number

    def keep(self, key: str, *, first: int, last: int) -> None:
        if first > last:
            return
        with self._lock:
            if len(self._held) >= self.max_keys:
                self._held.clear()
            self._held[key] = [first, last]

    def forget(self) -> None:
        with self._lock:
            self._held.clear()


reservations = _Reservations()


class WindowRateThrottle(SimpleRateThrottle):
    """A fixed-window counter with DRF's throttle interface (`rate`, `scope`, `get_cache_key`)."""

    num_requests: int
    duration: int  # seconds; both set by SimpleRateThrottle.__init__ from the rate
    elapsed: float = 0.0
    reserved: int = 1  # counts taken from the shared counter at once (see the module's docstring)

    def allow_request(self, request: Request, view: APIView) -> bool:
        if not _counts(self, request, view):
            return True
        window = math.floor(self.now / self.duration)
        self.elapsed = self.now - window * self.duration
        window_key = f"{self.key}:w{window}"
        self.reserved = max(1, min(MAX_RESERVATION, self.num_requests // 100))
        count = self._count(window_key)
        if count is None or count <= self.num_requests:
            return True  # within the rate, or the cache is down and nothing is limited
        if self.reserved == 1:
            # Counted one by one, a refusal can be given back. (A number handed out from a
            # reservation cannot: another request may hold the next one.)
            self._uncount(window_key)
        return False

    def wait(self) -> float | None:
        """Seconds until the period ends and the budget is whole again."""
        return max(self.duration - self.elapsed, 0.0)

    def _count(self, window_key: str) -> int | None:
        """Counts this request in its period and returns its number there: the period's count
        when counted one by one (None: not counted)."""
        client = _redis_client(self.cache)
        if client is not None:
            key = client.make_key(window_key)  # type: ignore[attr-defined]
            if self.reserved > 1 and (number := reservations.take(key)) is not None:
                return number
            try:
                pipe = client.get_client(write=True).pipeline(transaction=False)  # type: ignore[attr-defined]
                pipe.incrby(key, self.reserved)
                pipe.expire(key, self.duration + 1)
                count, _ = pipe.execute()
            except RedisError:
                logger.warning("rate limit not counted: the cache is unreachable", exc_info=True)
                return None
            first = int(count) - self.reserved + 1
            if self.reserved > 1:
                reservations.keep(key, first=first + 1, last=int(count))
            return first
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


class LocalSlidingWindows:
    """Sliding-window logs kept in this process: per key, the times of the counted requests,
    oldest first. Thread-safe. At most `max_keys` keys are kept; past that the least recently
    used go first (a log untouched for a whole period is empty anyway)."""

    def __init__(self, *, max_keys: int = 50_000) -> None:
        self.max_keys = max_keys
        self._logs: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, key: str, *, now: float, limit: int, period: float) -> float | None:
        """Counts a request made at `now` unless `limit` requests were counted in the `period`
        seconds up to it; returns None when counted (allowed), else the seconds until the oldest
        counted request leaves the window."""
        with self._lock:
            log = self._logs.get(key)
            if log is None:
                log = self._logs[key] = deque()
                while len(self._logs) > self.max_keys:
                    self._logs.popitem(last=False)
            else:
                self._logs.move_to_end(key)
            while log and log[0] <= now - period:
                log.popleft()
            if len(log) < limit:
                log.append(now)
                return None
            return log[0] + period - now if log else period


local_sliding_windows = LocalSlidingWindows()

# Marks the in-process cache the local logs stand in for (see SlidingWindowRateThrottle._local_key).
_LOCAL_GENERATION_KEY = "throttle:local-generation"


class SlidingWindowRateThrottle(SimpleRateThrottle):
    """A sliding-window log with DRF's throttle interface (`rate`, `scope`, `get_cache_key`):
    at most `num_requests` counted requests in any `duration` seconds."""

    num_requests: int
    duration: int  # seconds; both set by SimpleRateThrottle.__init__ from the rate
    _wait: float = 0.0

    def allow_request(self, request: Request, view: APIView) -> bool:
        if not _counts(self, request, view):
            return True
        client = _redis_client(self.cache)
        wait: float | None
        if client is not None:
            try:
                wait = self._count_on_redis(client)
            except RedisError:
                logger.warning("rate limit counted in this process only: the cache is unreachable", exc_info=True)
                wait = self._count_locally(f"outage:{client.make_key(self.key)}")  # type: ignore[attr-defined]
        else:
            wait = self._count_locally(self._local_key())
        if wait is None:
            return True
        self._wait = max(wait, 0.0)
        return False

    def wait(self) -> float | None:
        """Seconds until the oldest counted request leaves the window and one may be counted."""
        return self._wait

    def _count_on_redis(self, client: object) -> float | None:
        """The log is a sorted set of request ids scored by their time. Returns None when this
        request was counted, else the wait (and then it is taken out of the log again)."""
        key = client.make_key(self.key)  # type: ignore[attr-defined]
        member = f"{self.now!r}:{secrets.token_hex(6)}"  # unique even when two requests share a time
        redis = client.get_client(write=True)  # type: ignore[attr-defined]
        pipe = redis.pipeline(transaction=True)
        pipe.zremrangebyscore(key, "-inf", self.now - self.duration)
        pipe.zadd(key, {member: self.now})
        pipe.zcard(key)
        pipe.zrange(key, 0, 0, withscores=True)
        pipe.expire(key, self.duration + 1)
        _, _, count, oldest, _ = pipe.execute()
        if int(count) <= self.num_requests:
            return None
        with contextlib.suppress(RedisError):  # else the refusal stands, counted until it leaves the window
            redis.zrem(key, member)
        oldest_time = float(oldest[0][1]) if oldest else self.now
        return oldest_time + self.duration - self.now

    def _count_locally(self, key: str) -> float | None:
        return local_sliding_windows.count(key, now=self.now, limit=self.num_requests, period=self.duration)

    def _local_key(self) -> str:
        """The key of the local log when the cache is the in-process one. The logs belong to that
        cache: when it is cleared (as the test suite does between tests) a new generation starts
        and the old logs are never read again, as if they had been kept in it."""
        generation = self.cache.get(_LOCAL_GENERATION_KEY)
        if generation is None:
            self.cache.add(_LOCAL_GENERATION_KEY, secrets.token_hex(8), None)
            generation = self.cache.get(_LOCAL_GENERATION_KEY, "")  # "": a cache that keeps nothing
        return f"{generation}:{self.key}"


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
