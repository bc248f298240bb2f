"""Helpers that the tests of every app use, in one place: the JSON the API is expected to
answer (for exact comparisons), walking paginated lists, and running requests at the same
moment for the concurrency tests. After them, the helpers of core's own tests: a relay in
front of Redis that can be cut, and the Hypothesis strategies of the malformed-input tests.

Each app keeps its own helpers in its `tests/support.py` and its factories in
`tests/factories.py`; fixtures shared by every app are in backend/conftest.py."""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, timedelta, timezone
from typing import Any, TypeVar

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection, connections
from django_redis.cache import RedisCache
from hypothesis import strategies as st
from rest_framework.test import APIClient

from categories.models import Category
from uploads.models import Upload
from uploads.selectors import image_variants_output
from users.models import User

T = TypeVar("T")


# --- the JSON of the contract -----------------------------------------------------------------
def iso(value: Any) -> str | None:
    """A datetime as the API writes it (ISO 8601, `Z` for UTC)."""
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def category_json(category: Category) -> dict[str, Any]:
    return {
        "id": category.pk,
        "name": category.name,
        "slug": category.slug,
        "description": category.description,
        "icon": category.icon,
        "color": category.color,
        "products_count": category.products_count,
    }


def variants_json(url: str) -> dict[str, Any] | None:
    """The `image_variants` / `avatar_variants` the API shows for the image at `url`."""
    stored = Upload.objects.filter(url=url).values_list("variants", flat=True).first() if url else None
    return None if stored is None else image_variants_output(stored)


def user_json(user: User, *, is_following: bool = False) -> dict[str, Any]:
    """The public User object of the contract, as `user` holds it (refresh it first if the
    database may have changed since it was read)."""
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "avatar": user.avatar,
        "avatar_variants": variants_json(user.avatar),
        "bio": user.bio,
        "website": user.website,
        "created_at": iso(user.created_at),
        "products_count": user.products_count,
        "followers_count": user.followers_count,
        "following_count": user.following_count,
        "is_following": is_following,
    }


def me_json(user: User) -> dict[str, Any]:
    """The Me object of the contract as the database holds `user` now: the public User and the
    caller's own e-mail fields."""
    user.refresh_from_db()
    return {**user_json(user), "email": user.email, "email_verified": user.email_verified}


# --- lists ------------------------------------------------------------------------------------
def collect_pages(client: APIClient, url: str) -> list[dict[str, Any]]:
    """Every item of a paginated list, following `next` from `url` to the last page."""
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, response.json()
        items.extend(response.json()["results"])
        next_url = response.json()["next"]
    return items


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


# --- concurrency ------------------------------------------------------------------------------
def skip_unless_postgres() -> None:
    """For the `postgres` tests: their races are real only with PostgreSQL's row locks (SQLite
    lets one writer in at a time, so there is no race to lose)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def run_at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Runs the calls in threads released together, each on its own database connection;
    returns their results in the order of `calls`."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = calls[index]()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


# --- time passing for the cache -----------------------------------------------------------------
@contextmanager
def cache_time_passes(seconds: float) -> Iterator[None]:
    """The cache as it will be `seconds` from now: every entry stored for at most that long has
    expired, the others are still there. The in-process cache reads the clock, so the clock
    moves (time-machine); Redis keeps its own, which a test cannot move, so the entries whose
    remaining lifetime Redis reports as at most `seconds` are removed."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        for key in backend.keys("*"):
            remaining_ms = backend.pttl(key)
            if remaining_ms is not None and remaining_ms <= seconds * 1000:
                backend.delete(key)
        yield
    else:
        with time_machine.travel(time.time() + seconds, tick=False):
            yield


# --- core: Redis going away and coming back -------------------------------------------------
class TcpRelay:
    """A TCP relay in front of Redis that a test can stop and start again on the same port:
    Redis going away and coming back, without touching the Redis server that others share."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Refuses new connections and cuts the open ones, as a stopped Redis would."""
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.extend([client, upstream])
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, destination: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                destination.shutdown(socket.SHUT_WR)


# --- core: Hypothesis strategies for malformed input (JSON, page links, ids) ------------------
# Text as a caller may send it: any code point, NUL and lone surrogates (which JSON's `\ud800`
# escapes can carry) included.
any_text = st.text(st.characters(exclude_categories=()) | st.characters(categories=["Cs"]), max_size=12)

# Timestamps shaped like the ones page links hold, naive or at any UTC offset, to the edges of
# the calendar (where converting to UTC overflows).
_offsets = st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59))
timestamps = st.one_of(
    st.datetimes().map(str),
    st.builds(lambda moment, offset: str(moment.replace(tzinfo=timezone(offset))), st.datetimes(), _offsets),
    st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    timestamps,
)

json_values: st.SearchStrategy[Any] = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=10,
)

# Mostly a well-formed `{"p": [...], "r": ...}` whose position has the right length (two keys:
# a sort value and the id), so the values reach the database; sometimes anything at all.
cursor_payloads = st.one_of(
    st.fixed_dictionaries({"p": st.lists(json_scalars, min_size=2, max_size=2)}, optional={"r": json_values}),
    st.fixed_dictionaries({"p": st.lists(json_values, max_size=3)}, optional={"r": json_values}),
    json_values,
)

# Ids of every size a path can spell: negative, zero, 64-bit and far beyond.
id_numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=-3, max_value=3),
    st.integers(min_value=2**63 - 3, max_value=2**63 + 3),
)


def cursor_from_text(text: str) -> str:
    """A page link's `cursor` parameter as Vitrin writes it: the JSON text in base64url, unpadded."""
    return base64.urlsafe_b64encode(text.encode("utf-8", "surrogatepass")).decode().rstrip("=")


def encode_cursor(payload: Any) -> str:
    """`payload` as a `cursor`; `NaN` and `Infinity` are written as Python's `json` writes them,
    since a caller may do the same."""
    return cursor_from_text(json.dumps(payload, separators=(",", ":")))


# --- Celery with a broker -----------------------------------------------------------------------
def closed_port() -> int:
    """A loopback port nothing listens on (the kernel just handed it out and it was let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def celery_broker(url: str) -> Iterator[None]:
    """Celery publishes to `url` (instead of running tasks inline) inside the block."""
    from vitrin.celery import app

    def forget_connections() -> None:
        # Celery keeps its connection and producer pools once made; no public call drops them.
        app._pool = None  # type: ignore[attr-defined]
        app.amqp._producer_pool = None  # type: ignore[attr-defined]

    saved = (app.conf.broker_url, app.conf.task_always_eager)
    forget_connections()
    app.conf.update(broker_url=url, task_always_eager=False)
    try:
        yield
    finally:
        forget_connections()
        app.conf.update(broker_url=saved[0], task_always_eager=saved[1])
