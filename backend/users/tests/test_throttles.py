import re
from collections.abc import Callable
from typing import Any

import pytest
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from conftest import client_for
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD, UserFactory
from users.tests.support import FakeGoogleCerts, google_id_token

LOGIN = "/api/auth/login/"
SetRates = Callable[..., None]


def assert_throttled(response: Any, *, period_seconds: int) -> None:
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= period_seconds
    detail = response.json()["detail"]
    assert re.fullmatch(r"Too many requests\. Try again in \d+ seconds?\.", detail), detail


# --- login ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_login_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="3/min", login_account="100/min")

    statuses = [api_client.post(LOGIN, {"username": f"guess{n}", "password": "x"}).status_code for n in range(3)]
    throttled = api_client.post(LOGIN, {"username": "guess4", "password": "x"})

    assert statuses == [401, 401, 401]
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

    assert [response.status_code for response in responses] == [401, 401, 401, 429, 429]


@pytest.mark.django_db
def test_another_client_address_has_its_own_login_limit(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="1/min", login_account="100/min")
    api_client.post(LOGIN, {"username": "guess", "password": "x"}, REMOTE_ADDR="198.51.100.1")

    same_address = api_client.post(LOGIN, {"username": "guess", "password": "x"}, REMOTE_ADDR="198.51.100.1")
    other_address = api_client.post(LOGIN, {"username": "guess", "password": "x"}, REMOTE_ADDR="198.51.100.2")

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

    assert [response.status_code for response in responses[:2]] == [401, 401]
    assert_throttled(responses[2], period_seconds=60)
    assert someone_else.status_code == 401
    assert ada.outstandingtoken_set.count() == 0


@pytest.mark.django_db
def test_login_by_email_is_limited_per_email(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(login_ip="100/min", login_account="1/min")
    api_client.post(LOGIN, {"email": "ada@example.com", "password": "x"}, REMOTE_ADDR="198.51.100.1")

    response = api_client.post(LOGIN, {"email": "Ada@Example.com", "password": "x"}, REMOTE_ADDR="198.51.100.2")

    assert response.status_code == 429


@pytest.mark.django_db
def test_google_sign_in_shares_the_login_limit_per_address(
    api_client: APIClient, throttle_rates: SetRates, google_certs: FakeGoogleCerts
) -> None:
    throttle_rates(login_ip="1/min")
    api_client.post(LOGIN, {"username": "guess", "password": "x"})

    response = api_client.post("/api/auth/google/", {"id_token": google_id_token()})

    assert response.status_code == 429


# --- registration ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_registration_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(register="2/hour")

    responses = [
        api_client.post(
            "/api/auth/register/",
            {"username": f"maker{n}", "email": f"maker{n}@example.com", "password": "a-long-passphrase-1"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
        for n in range(3)
    ]

    assert [response.status_code for response in responses[:2]] == [201, 201]
    assert_throttled(responses[2], period_seconds=3600)
    assert User.objects.count() == 2


# --- password reset -------------------------------------------------------------------------
@pytest.mark.django_db
def test_password_reset_is_limited_per_client_address(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(password_reset_ip="2/hour", password_reset_account="100/hour")

    statuses = [
        api_client.post("/api/auth/password/reset/", {"email": f"someone{n}@example.com"}).status_code for n in range(3)
    ]

    assert statuses == [204, 204, 429]


@pytest.mark.django_db
def test_password_reset_is_limited_per_email_known_or_not(api_client: APIClient, throttle_rates: SetRates) -> None:
    throttle_rates(password_reset_ip="100/hour", password_reset_account="1/hour")
    UserFactory.create(email="ada@example.com")

    known = [
        api_client.post("/api/auth/password/reset/", {"email": email}, REMOTE_ADDR=address).status_code
        for email, address in [("ada@example.com", "198.51.100.1"), ("ADA@example.com", "198.51.100.2")]
    ]
    unknown = [
        api_client.post("/api/auth/password/reset/", {"email": "nobody@example.com"}, REMOTE_ADDR=address).status_code
        for address in ["198.51.100.1", "198.51.100.2"]
    ]

    assert known == [204, 429]
    assert unknown == [204, 429]


# --- password change ------------------------------------------------------------------------
@pytest.mark.django_db
def test_password_change_is_limited_like_login(user: User, throttle_rates: SetRates) -> None:
    throttle_rates(login_account="2/min")
    client = client_for(user)

    statuses = [
        client.post("/api/auth/password/change/", {"old_password": f"guess{n}", "new_password": "x"}).status_code
        for n in range(3)
    ]

    assert statuses == [400, 400, 429]
