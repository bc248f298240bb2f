"""Limits on signing in, signing up, password resets and changes: per client address and per
account, over any 60 seconds (or any hour), whatever spelling of the account is typed, and still
enforced, per process, while Redis is unreachable.

The limits run on the in-process cache here; the tests marked `redis` in their id run them on a
`redis-server` of their own as well, and CI runs the whole file on Redis and PostgreSQL."""

import re
import shutil
import socket
import subprocess
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from conftest import client_for
from core.tests.support import skip_unless_postgres
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD, UserFactory
from users.tests.support import FakeGoogleCerts, google_id_token

LOGIN = "/api/auth/login/"
RESET = "/api/auth/password/reset/"
REGISTER = "/api/auth/register/"
SetRates = Callable[..., None]
CaptureCallbacks = Callable[..., Any]

# Letters that look like others, written as escapes so that the reader sees which is which.
DOTLESS_I = "\u0131"  # a dotless i: UPPER() on PostgreSQL makes it I
LONG_S = "\u017f"  # a long s: folds to s
FULL_WIDTH_ALICE = "\uff41\uff4c\uff49\uff43\uff45"  # alice in full-width letters
FULL_WIDTH_AT = "\uff20"  # a full-width @
# 12:00:59 UTC: one second before a minute (and an hour) of the clock ends.
END_OF_A_MINUTE = datetime(2031, 3, 4, 12, 0, 59, tzinfo=UTC)


def assert_throttled(response: Any, *, period_seconds: int) -> None:
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= period_seconds
    detail = response.json()["detail"]
    assert re.fullmatch(r"Too many requests\. Try again in \d+ seconds?\.", detail), detail


def statuses(responses: list[Any]) -> list[int]:
    return [response.status_code for response in responses]


def wrong_login(client: APIClient, address: str = "198.51.100.1", **identifier: Any) -> Any:
    return client.post(LOGIN, {**identifier, "password": "not-the-password"}, format="json", REMOTE_ADDR=address)


# --- a Redis server of the test's own ----------------------------------------------------------
def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OwnRedis:
    """A `redis-server` started for one test, which the test may stop: Redis going away, without
    touching the server that others share."""

    def __init__(self) -> None:
        self.port = _unused_port()
        self.process = subprocess.Popen(  # noqa: S603 (a fixed command line of our own)
            [
                shutil.which("redis-server") or "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
                *("--daemonize", "no", "--loglevel", "notice"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        assert self.process.stdout is not None
        for line in self.process.stdout:  # the server says when it is ready; no polling
            if b"Ready to accept connections" in line:
                break
        else:
            raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def cache_settings(self) -> dict[str, Any]:
        """Vitrin's production cache settings (vitrin/settings.py) pointed at this server."""
        return {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{self.port}/0",
                "KEY_PREFIX": f"vitrin_throttles_{uuid.uuid4().hex[:8]}",
                "OPTIONS": {
                    "CLIENT_CLASS": "django_redis.client.DefaultClient",
                    "SOCKET_CONNECT_TIMEOUT": 0.5,
                    "SOCKET_TIMEOUT": 0.5,
                    "IGNORE_EXCEPTIONS": True,
                },
            }
        }


@pytest.fixture
def own_redis(settings: Settings) -> Iterator[OwnRedis]:
    """The cache on a Redis server of this test's own (see `OwnRedis`)."""
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server")
    server = OwnRedis()
    settings.CACHES = server.cache_settings()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["in-process cache", "redis"])
def limits_cache(request: pytest.FixtureRequest) -> str:
    """Runs the test with the limits counted in the in-process cache, then on a Redis server."""
    if request.param == "redis":
        request.getfixturevalue("own_redis")
    return str(request.param)


# --- login: per client address ----------------------------------------------------------------
@pytest.mark.django_db
def test_login_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="3/min", login_account="100/min")

    responses = [wrong_login(api_client, username=f"guess{n}") for n in range(3)]
    throttled = wrong_login(api_client, username="guess4")

    assert statuses(responses) == [401, 401, 401]
    assert_throttled(throttled, period_seconds=60)


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_reset_the_login_limit(
    api_client: APIClient, throttle_rates: SetRates
) -> None:
    throttle_rates(login_ip="3/min", login_account="100/min")

    responses = [
        api_client.post(LOGIN, {"username": f"guess{n}", "password": "x"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        for n in range(5)
    ]

    assert statuses(responses) == [401, 401, 401, 429, 429]


@pytest.mark.django_db
def test_another_client_address_has_its_own_login_limit(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="1/min", login_account="100/min")
    wrong_login(api_client, "198.51.100.1", username="guess")

    same_address = wrong_login(api_client, "198.51.100.1", username="guess")
    other_address = wrong_login(api_client, "198.51.100.2", username="guess")

    assert same_address.status_code == 429
    assert other_address.status_code == 401


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    api_client: APIClient, throttle_rates: SetRates, settings: Settings
) -> None:
    throttle_rates(login_ip="1/min", login_account="100/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    first = api_client.post(LOGIN, {"username": "a", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    same = api_client.post(LOGIN, {"username": "b", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    other = api_client.post(LOGIN, {"username": "c", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert [first.status_code, same.status_code, other.status_code] == [401, 429, 401]


# --- login: per account, whatever identifies it ---------------------------------------------
@pytest.mark.django_db
def test_login_is_limited_per_account_whatever_the_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="100/min", login_account="2/min")
    ada = UserFactory.create(username="Ada", email="ada@example.com")
    attempts = [
        ({"username": "ada", "password": "guess-1"}, "198.51.100.1"),
        ({"username": " ADA ", "password": "guess-2"}, "198.51.100.2"),
        ({"username": "Ada", "password": DEFAULT_PASSWORD}, "198.51.100.3"),
    ]

    responses = [api_client.post(LOGIN, body, REMOTE_ADDR=address) for body, address in attempts]
    someone_else = api_client.post(LOGIN, {"username": "grace", "password": "x"}, REMOTE_ADDR="198.51.100.3")

    assert statuses(responses[:2]) == [401, 401]
    assert_throttled(responses[2], period_seconds=60)
    assert someone_else.status_code == 401
    assert ada.outstandingtoken_set.count() == 0


@pytest.mark.django_db
def test_the_email_address_and_the_username_of_an_account_share_one_login_limit(
    api_client: APIClient, throttle_rates: SetRates
) -> None:
    throttle_rates(login_ip="100/min", login_account="2/min")
    ada = UserFactory.create(username="Ada", email="ada@example.com")

    by_email = wrong_login(api_client, "198.51.100.1", email="ada@example.com")
    by_username = wrong_login(api_client, "198.51.100.2", username="ada")
    right_password_by_email = api_client.post(
        LOGIN, {"email": "ADA@example.com", "password": DEFAULT_PASSWORD}, REMOTE_ADDR="198.51.100.3"
    )

    assert [by_email.status_code, by_username.status_code] == [401, 401]
    assert_throttled(right_password_by_email, period_seconds=60)
    assert ada.outstandingtoken_set.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spelling",
    [
        "Alice.Smith@Example.COM",
        f"alice.{LONG_S}mith@example.com",
        f"{FULL_WIDTH_ALICE}.smith@example.com",
        "  alice.smith@example.com\t",
    ],
)
def test_every_spelling_of_an_email_address_shares_its_accounts_login_limit(
    api_client: APIClient, throttle_rates: SetRates, spelling: str
) -> None:
    throttle_rates(login_ip="100/min", login_account="2/min")
    alice = UserFactory.create(username="alice", email="alice.smith@example.com")
    [wrong_login(api_client, email="alice.smith@example.com") for _ in range(2)]

    right_password = api_client.post(LOGIN, {"email": spelling, "password": DEFAULT_PASSWORD}, format="json")

    assert_throttled(right_password, period_seconds=60)
    assert alice.outstandingtoken_set.count() == 0


@pytest.mark.django_db
@pytest.mark.postgres
def test_spellings_that_postgresql_folds_together_do_not_escape_the_login_limit(api_client: APIClient) -> None:
    """Reported: `__iexact` compares UPPER() on PostgreSQL, which turns a dotless i and a long s
    into I and S. 11 wrong passwords for the real address met 429; the address spelt with either
    got fresh attempts, and the right password with one of them signed in."""
    skip_unless_postgres()
    alice = UserFactory.create(username="alice", email="alice.smith@example.com")
    real = [wrong_login(api_client, email="alice.smith@example.com") for _ in range(11)]

    dotless_i = api_client.post(LOGIN, {"email": f"al{DOTLESS_I}ce.smith@example.com", "password": DEFAULT_PASSWORD})
    long_s = api_client.post(LOGIN, {"email": f"alice.{LONG_S}mith@example.com", "password": DEFAULT_PASSWORD})

    assert statuses(real) == [401] * 10 + [429]
    # Another address altogether: it matches no account (and signs nobody in).
    assert dotless_i.status_code == 401
    # The same address, folded: the same account, whose limit is spent.
    assert_throttled(long_s, period_seconds=60)
    assert alice.outstandingtoken_set.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"username": 31337007}, {"username": ["Enter this as text (a JSON string), not a number."]}),
        ({"email": 31337007}, {"email": ["Enter this as text (a JSON string), not a number."]}),
        ({"email": 1.5}, {"email": ["Enter this as text (a JSON string), not a number."]}),
        ({"username": True}, {"username": ["Enter this as text (a JSON string), not true or false."]}),
        ({"username": ["31337007"]}, {"username": ["Enter this as text (a JSON string), not a list."]}),
        ({"email": {"address": "a@example.com"}}, {"email": ["Enter this as text (a JSON string), not an object."]}),
        ({"username": None}, {"username": ["This field may not be null."]}),
    ],
)
def test_login_refuses_an_identifier_that_is_not_text(
    api_client: APIClient, throttle_rates: SetRates, body: dict[str, Any], errors: dict[str, Any]
) -> None:
    """Reported: `{"username": 31337007}` was read as "31337007" and had a budget of its own."""
    throttle_rates(login_ip="100/min", login_account="100/min")
    UserFactory.create(username="31337007")

    response = api_client.post(LOGIN, {**body, "password": DEFAULT_PASSWORD}, format="json")

    assert response.status_code == 400
    assert response.json() == errors
    assert not OutstandingToken.objects.exists()


NUL = "Null characters are not allowed."
NOT_AN_ADDRESS = "Enter a valid email address."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "body", "errors"),
    [
        (LOGIN, '{"email": "ada\\u0000@example.com", "password": "x"}', {"email": [NUL]}),
        (LOGIN, '{"username": "ada\\u0000", "password": "x"}', {"username": [NUL]}),
        (
            LOGIN,
            '{"email": "\\ud800@example.com", "password": "x"}',
            {"email": ["Surrogate characters are not allowed: U+D800."]},
        ),
        (
            LOGIN,
            '{"email": "' + "a" * 300 + '@example.com", "password": "x"}',
            {"email": ["Ensure this field has no more than 254 characters."]},
        ),
        (RESET, '{"email": "ada\\u0000@example.com"}', {"email": [NUL, NOT_AN_ADDRESS]}),
        (
            RESET,
            '{"email": "\\ud800@example.com"}',
            {"email": ["Surrogate characters are not allowed: U+D800.", NOT_AN_ADDRESS]},
        ),
    ],
)
def test_identifiers_no_account_can_have_are_refused_without_an_error(
    api_client: APIClient, path: str, body: str, errors: dict[str, list[str]]
) -> None:
    """The per-account limits look the account up before the body is validated: a NUL (which
    PostgreSQL refuses), a lone surrogate (which cannot be encoded) or a very long text must not
    reach the database, nor end in a 500. Run on PostgreSQL too."""
    UserFactory.create(username="ada", email="ada@example.com")

    response = api_client.post(path, data=body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.django_db
def test_login_by_email_is_limited_per_email_of_no_account(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="100/min", login_account="1/min")
    wrong_login(api_client, "198.51.100.1", email="nobody@example.com")

    response = wrong_login(api_client, "198.51.100.2", email="Nobody@Example.com")

    assert response.status_code == 429


@pytest.mark.django_db
def test_google_sign_in_shares_the_login_limit_per_address(
    api_client: APIClient, throttle_rates: SetRates, google_certs: FakeGoogleCerts
) -> None:
    throttle_rates(login_ip="1/min")
    api_client.post(LOGIN, {"username": "guess", "password": "x"})

    response = api_client.post("/api/auth/google/", {"id_token": google_id_token()})

    assert response.status_code == 429


# --- login: over any 60 seconds -------------------------------------------------------------
@pytest.mark.django_db
def test_the_login_limit_holds_across_the_end_of_a_minute(api_client: APIClient, limits_cache: str) -> None:
    """Reported: counted per minute of the clock, 12 wrong passwords straddling a minute were
    all answered 401 with the default limit of 10 a minute."""
    UserFactory.create(username="ada")

    with time_machine.travel(END_OF_A_MINUTE, tick=False) as clock:
        before = [wrong_login(api_client, username="ada") for _ in range(6)]
        clock.shift(timedelta(seconds=1))
        after = [wrong_login(api_client, username="ada") for _ in range(6)]

    assert statuses(before + after) == [401] * 10 + [429, 429]
    # The first six attempts leave the window 60 s after 12:00:59, that is 59 s from now.
    assert after[-1]["Retry-After"] == "59"
    assert after[-1].json() == {"detail": "Too many requests. Try again in 59 seconds."}


@pytest.mark.django_db
def test_retry_after_says_when_the_oldest_attempt_leaves_the_window(
    api_client: APIClient, throttle_rates: SetRates, limits_cache: str
) -> None:
    throttle_rates(login_ip="100/min", login_account="2/min")
    UserFactory.create(username="ada")

    with time_machine.travel(END_OF_A_MINUTE, tick=False) as clock:
        first = wrong_login(api_client, username="ada")
        clock.shift(timedelta(seconds=20))
        second = wrong_login(api_client, username="ada")
        clock.shift(timedelta(seconds=10))
        refused = wrong_login(api_client, username="ada")
        clock.shift(timedelta(seconds=30))  # the first attempt is 60 s old: out of the window
        after_the_first_left = wrong_login(api_client, username="ada")
        clock.shift(timedelta(seconds=1))
        refused_again = wrong_login(api_client, username="ada")

    assert statuses([first, second, after_the_first_left]) == [401, 401, 401]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert refused.json() == {"detail": "Too many requests. Try again in 30 seconds."}
    assert refused_again.status_code == 429
    assert refused_again["Retry-After"] == "19"  # the second attempt leaves at 80 s
    assert refused_again.json() == {"detail": "Too many requests. Try again in 19 seconds."}


@pytest.mark.django_db
def test_refused_attempts_do_not_eat_into_the_login_budget(
    api_client: APIClient, throttle_rates: SetRates, limits_cache: str
) -> None:
    """Raising the limit lets the account on at once: its refused attempts were not counted."""
    throttle_rates(login_ip="100/min", login_account="2/min")
    UserFactory.create(username="ada")

    with time_machine.travel(END_OF_A_MINUTE, tick=False):
        spent = [wrong_login(api_client, username="ada") for _ in range(5)]
        throttle_rates(login_ip="100/min", login_account="3/min")
        one_more = wrong_login(api_client, username="ada")
        then_refused = wrong_login(api_client, username="ada")

    assert statuses(spent) == [401, 401, 429, 429, 429]
    assert one_more.status_code == 401
    assert then_refused.status_code == 429


# --- with Redis unreachable -----------------------------------------------------------------
@pytest.mark.django_db
def test_with_redis_stopped_the_login_limit_per_address_still_holds(api_client: APIClient, own_redis: OwnRedis) -> None:
    """Reported: with Redis unreachable, 30 wrong sign-ins from one address were all answered
    401. Each process now keeps the sign-in limits itself until Redis is back."""
    cache.set("reachable", "yes")
    assert cache.get("reachable") == "yes"  # the cache is this Redis server, and it answers

    own_redis.stop()
    responses = [wrong_login(api_client, "198.51.100.7", username=f"guess{n}") for n in range(30)]

    assert cache.get("reachable") is None  # Redis is really gone
    assert statuses(responses) == [401] * 20 + [429] * 10  # the default: 20 a minute per address
    assert_throttled(responses[20], period_seconds=60)


@pytest.mark.django_db
def test_with_redis_stopped_the_login_limit_per_account_still_holds(api_client: APIClient, own_redis: OwnRedis) -> None:
    alice = UserFactory.create(username="alice", email="alice.smith@example.com")
    own_redis.stop()

    wrong = [wrong_login(api_client, f"198.51.100.{n}", email="alice.smith@example.com") for n in range(10)]
    right_password = api_client.post(
        LOGIN, {"username": "Alice", "password": DEFAULT_PASSWORD}, REMOTE_ADDR="198.51.100.99"
    )

    assert statuses(wrong) == [401] * 10
    assert_throttled(right_password, period_seconds=60)
    assert alice.outstandingtoken_set.count() == 0


@pytest.mark.django_db
def test_with_redis_stopped_the_general_limits_let_requests_through(
    api_client: APIClient, own_redis: OwnRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the authentication limits are kept per process; the others wait for Redis."""
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "anon", "2/min")
    own_redis.stop()

    answers = [api_client.get(f"/api/search/products/?q=word{n}").status_code for n in range(4)]

    assert answers == [200, 200, 200, 200]


# --- registration ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_registration_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(register="2/hour")

    responses = [
        api_client.post(
            REGISTER,
            {"username": f"maker{n}", "email": f"maker{n}@example.com", "password": "a-long-passphrase-1"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
        for n in range(3)
    ]

    assert statuses(responses[:2]) == [201, 201]
    assert_throttled(responses[2], period_seconds=3600)
    assert User.objects.count() == 2


@pytest.mark.django_db
def test_the_registration_limit_holds_across_the_end_of_an_hour(
    api_client: APIClient, throttle_rates: SetRates
) -> None:
    throttle_rates(register="2/hour")

    def register(n: int) -> Any:
        body = {"username": f"maker{n}", "email": f"maker{n}@example.com", "password": "a-long-passphrase-1"}
        return api_client.post(REGISTER, body)

    with time_machine.travel(END_OF_A_MINUTE + timedelta(minutes=59), tick=False) as clock:  # 12:59:59
        before = [register(n) for n in range(2)]
        clock.shift(timedelta(seconds=1))  # 13:00:00
        after = register(2)

    assert statuses(before) == [201, 201]
    assert after.status_code == 429
    assert after["Retry-After"] == "3599"
    assert User.objects.count() == 2


# --- password reset -------------------------------------------------------------------------
@pytest.mark.django_db
def test_password_reset_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(password_reset_ip="2/hour", password_reset_account="100/hour")

    responses = [api_client.post(RESET, {"email": f"someone{n}@example.com"}) for n in range(3)]

    assert statuses(responses) == [204, 204, 429]


@pytest.mark.django_db
def test_password_reset_is_limited_per_email_known_or_not(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(password_reset_ip="100/hour", password_reset_account="1/hour")
    UserFactory.create(email="ada@example.com")

    known = [
        api_client.post(RESET, {"email": email}, REMOTE_ADDR=address).status_code
        for email, address in [("ada@example.com", "198.51.100.1"), ("ADA@example.com", "198.51.100.2")]
    ]
    unknown = [
        api_client.post(RESET, {"email": "nobody@example.com"}, REMOTE_ADDR=address).status_code
        for address in ["198.51.100.1", "198.51.100.2"]
    ]

    assert known == [204, 429]
    assert unknown == [204, 429]


@pytest.mark.django_db
def test_reset_emails_are_capped_per_account_whatever_the_spelling(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    """Reported: each spelling PostgreSQL matched (with a long s, ...) had a budget of its own,
    and every request mailed the account another link. The default: 3 an hour per account."""
    UserFactory.create(username="alice", email="alice.smith@example.com")
    spellings = [
        "alice.smith@example.com",
        "ALICE.SMITH@EXAMPLE.COM",
        f"alice.{LONG_S}mith@example.com",
        f"{FULL_WIDTH_ALICE}.smith@example.com",
        f"alice.smith{FULL_WIDTH_AT}example.com",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            api_client.post(RESET, {"email": email}, REMOTE_ADDR=f"198.51.100.{n}") for n, email in enumerate(spellings)
        ]

    assert statuses(responses) == [204, 204, 204, 429, 429]
    assert [message.to for message in mail.outbox] == [["alice.smith@example.com"]] * 3


# --- password change ------------------------------------------------------------------------
@pytest.mark.django_db
def test_password_change_is_limited_like_login(user: User, throttle_rates: SetRates) -> None:
    throttle_rates(login_account="2/min")
    client = client_for(user)

    responses = [
        client.post("/api/auth/password/change/", {"old_password": f"guess{n}", "new_password": "x"}) for n in range(3)
    ]

    assert statuses(responses) == [400, 400, 429]
