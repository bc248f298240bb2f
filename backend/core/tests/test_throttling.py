"""The general rate limits (`anon`, `user`, `writes`): counted per client and per period of the
clock, refused with 429 and a Retry-After that is the time left in the period, whole again in
the next period. The suite runs these on the in-process cache and, in CI, on Redis.

The sliding windows of the sign-in limits are tested through those endpoints, in
users/tests/test_throttles.py; here, the bound on the memory their per-process logs take."""

from collections.abc import Iterator
from unittest import mock

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from conftest import client_for
from core.throttling import LocalSlidingWindows, WindowRateThrottle
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
