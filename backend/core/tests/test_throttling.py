"""The general rate limits (`anon`, `user`, `writes`): counted per client and per period of the
clock, refused with 429 and a Retry-After that is the time left in the period, whole again in
the next period. The suite runs these on the in-process cache and, in CI, on Redis.

The sliding windows of the sign-in limits are tested through those endpoints, in
users/tests/test_throttles.py; here, the bound on the memory their per-process logs take."""

import os
from collections.abc import Iterator
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from pytest_django.fixtures import Settings
from redis.client import Pipeline
from rest_framework.request import Request
from rest_framework.test import APIClient

from conftest import client_for
from core.throttling import (
    MAX_RESERVATION,
    AnonRateThrottle,
    LocalSlidingWindows,
    WindowRateThrottle,
    _Reservations,
    reservations,
)
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = 1_800_000_000.0  # the start of a minute and of an hour: 1_800_000_000 = 30_000_000 * 60


@pytest.fixture
def clock() -> Iterator[list[float]]:
    """The throttles' clock, moved by the test: `clock[0] = ...`."""
    now = [NOW + 10]
    with mock.patch.object(WindowRateThrottle, "timer", side_effect=lambda: now[0]):
        yield now


def test_signed_in_reads_are_limited_per_account_and_come_back_next_period(
    monkeypatch: pytest.MonkeyPatch, clock: list[float], user: User
) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "user", "3/min")
    client = client_for(user)

    statuses = [client.get("/api/auth/me/").status_code for _ in range(3)]
    refused = client.get("/api/auth/me/")
    refused_again = client.get("/api/auth/me/")
    clock[0] = NOW + 60  # the next minute
    next_minute = [client.get("/api/auth/me/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"  # 10 s into the minute
    assert refused.json()["detail"] == "Too many requests. Try again in 50 seconds."
    assert refused_again.status_code == 429
    assert next_minute == [200, 200, 200]


def test_one_account_spending_its_budget_leaves_another_account_theirs(
    monkeypatch: pytest.MonkeyPatch, clock: list[float], user: User
) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "user", "2/min")
    spender, other = client_for(user), client_for(UserFactory.create())

    spent = [spender.get("/api/auth/me/").status_code for _ in range(3)]

    assert spent == [200, 200, 429]
    assert other.get("/api/auth/me/").status_code == 200


def test_anonymous_requests_are_limited_per_client_address(monkeypatch: pytest.MonkeyPatch, clock: list[float]) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "anon", "2/min")
    first, second = APIClient(REMOTE_ADDR="203.0.113.5"), APIClient(REMOTE_ADDR="203.0.113.6")

    # Different words each time: an answer already in the shared cache is served before any limit.
    from_first = [first.get(f"/api/search/products/?q={word}").status_code for word in ("lamp", "desk", "chair")]

    assert from_first == [200, 200, 429]
    assert second.get("/api/search/products/?q=sofa").status_code == 200


def test_refused_requests_do_not_eat_into_the_budget(
    monkeypatch: pytest.MonkeyPatch, clock: list[float], user: User
) -> None:
    """Raising the rate mid-period lets the client on at once: its refused requests were not counted."""
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "user", "2/min")
    client = client_for(user)
    statuses = [client.get("/api/auth/me/").status_code for _ in range(5)]

    monkeypatch.setitem(django_settings.THROTTLE_RATES, "user", "3/min")

    assert statuses == [200, 200, 429, 429, 429]
    assert client.get("/api/auth/me/").status_code == 200
    assert client.get("/api/auth/me/").status_code == 429


def test_writes_have_their_own_budget_and_reads_do_not_spend_it(
    monkeypatch: pytest.MonkeyPatch, clock: list[float], user: User
) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "writes", "1/min")
    client = client_for(user)

    reads = [client.get("/api/auth/me/").status_code for _ in range(3)]
    first_write = client.patch("/api/auth/me/", {"bio": "Makes lamps."})
    second_write = client.patch("/api/auth/me/", {"bio": "Makes lamps and desks."})

    assert reads == [200, 200, 200]
    assert first_write.status_code == 200
    assert second_write.status_code == 429
    assert client.get("/api/auth/me/").json()["bio"] == "Makes lamps."


def test_the_per_process_sliding_windows_forget_the_least_recently_used_keys_first() -> None:
    """Keys are whatever clients type: the logs kept while Redis is unreachable stay bounded."""
    windows = LocalSlidingWindows(max_keys=2)

    answers = [
        windows.count("a", now=0, limit=1, period=60),
        windows.count("b", now=1, limit=1, period=60),
        windows.count("a", now=2, limit=1, period=60),  # refused, and "a" is the latest used
        windows.count("c", now=3, limit=1, period=60),  # "b" is forgotten to make room
        windows.count("a", now=4, limit=1, period=60),
        windows.count("b", now=5, limit=1, period=60),
    ]

    assert answers == [None, None, 58.0, None, 56.0, None]


@pytest.fixture
def redis_cache(settings: Settings) -> Iterator[None]:
    """The cache on the machine's real Redis (a database of its own), as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ.get("THROTTLE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": f"throttle-test-{os.getpid()}",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    cache.clear()
    reservations.forget()
    yield
    cache.clear()
    reservations.forget()


def _workers_share_one_counter(workers: int, requests: int, rate: str) -> list[bool]:
    """`requests` anonymous reads from one address spread over `workers` processes in turn, each
    process with its own reservations; whether each was allowed."""
    stores = [_Reservations() for _ in range(workers)]
    allowed = []
    request = APIClient(REMOTE_ADDR="203.0.113.9").get("/").wsgi_request
    with mock.patch.dict(django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], {"anon": rate}):
        for index in range(requests):
            with mock.patch("core.throttling.reservations", stores[index % workers]):
                throttle = AnonRateThrottle()
                allowed.append(throttle.allow_request(Request(request), None))  # type: ignore[arg-type]
    return allowed


@pytest.mark.usefixtures("redis_cache", "clock")
def test_a_large_budget_counted_in_advance_is_never_exceeded_by_one_worker() -> None:
    allowed = _workers_share_one_counter(workers=1, requests=1100, rate="1000/min")

    assert allowed == [True] * 1000 + [False] * 100


@pytest.mark.usefixtures("redis_cache", "clock")
def test_workers_counting_in_advance_never_let_more_than_the_budget_through() -> None:
    allowed = _workers_share_one_counter(workers=3, requests=1200, rate="1000/min")

    # Each number is handed out once, so at most the budget gets through; counts taken and not yet
    # used by the other two workers are the most that may be refused early (2 x 9).
    assert 1000 - 2 * (MAX_RESERVATION - 1) <= allowed.count(True) <= 1000
    assert allowed[-100:] == [False] * 100


@pytest.mark.usefixtures("redis_cache", "clock")
def test_a_large_budget_costs_one_redis_round_trip_per_reservation() -> None:
    with mock.patch("redis.client.Pipeline.execute", autospec=True, side_effect=Pipeline.execute) as execute:
        allowed = _workers_share_one_counter(workers=1, requests=50, rate="1000/min")

    assert allowed == [True] * 50
    assert execute.call_count == 5  # 10 counts taken at a time


@pytest.mark.usefixtures("redis_cache", "clock")
def test_a_small_budget_is_counted_one_by_one() -> None:
    allowed = _workers_share_one_counter(workers=3, requests=150, rate="120/min")

    assert allowed == [True] * 120 + [False] * 30
