"""No cache (the browser's, a proxy's, a CDN's) may keep an answer that is somebody's own: any
answer to a request with `Authorization` or the refresh cookie, and any answer that sets or
clears a cookie (every answer carrying tokens does)."""

import pytest
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from conftest import client_for
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD
from users.tests.support import (
    GOOGLE_CERTS_URL,
    GOOGLE_CLIENT_ID,
    FakeGoogleCerts,
    google_id_token,
    public_jwk,
    rsa_key,
)

NEVER_STORED = "private, no-store"
STRONG_PASSWORD = "an-unusual-passphrase-42"

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(user: User) -> APIClient:
    """A signed-in web app: it holds the refresh cookie and an access token."""
    client = APIClient()
    client.post("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD})
    access = client.post("/api/auth/refresh/", {}).json()["access"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


# --- answers carrying tokens ----------------------------------------------------------------
def test_register_is_never_stored(api_client: APIClient) -> None:
    response = api_client.post(
        "/api/auth/register/", {"username": "ada", "email": "ada@example.com", "password": STRONG_PASSWORD}
    )

    assert response.status_code == 201
    assert response["Cache-Control"] == NEVER_STORED


def test_login_is_never_stored(api_client: APIClient, user: User) -> None:
    response = api_client.post("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER_STORED


def test_google_sign_in_is_never_stored(
    api_client: APIClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.GOOGLE_OAUTH_CLIENT_ID = GOOGLE_CLIENT_ID
    settings.GOOGLE_CERTS_URL = GOOGLE_CERTS_URL
    monkeypatch.setattr(
        "users.google.requests.get", FakeGoogleCerts(keys=[public_jwk("google-key-1", rsa_key("google"))]).get
    )

    response = api_client.post("/api/auth/google/", {"id_token": google_id_token()})

    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER_STORED


def test_refresh_is_never_stored(api_client: APIClient, user: User) -> None:
    credentials = {"username": user.username, "password": DEFAULT_PASSWORD}
    refresh = APIClient().post("/api/auth/login/", credentials).json()["refresh"]
    api_client.post("/api/auth/login/", credentials)  # another sign-in, kept in the cookie

    from_body = APIClient().post("/api/auth/refresh/", {"refresh": refresh})
    from_cookie = api_client.post("/api/auth/refresh/", {})

    assert (from_body.status_code, from_cookie.status_code) == (200, 200)
    assert from_body["Cache-Control"] == NEVER_STORED
    assert from_cookie["Cache-Control"] == NEVER_STORED


def test_a_refused_refresh_with_the_cookie_is_never_stored(api_client: APIClient) -> None:
    api_client.cookies["vitrin_refresh"] = "garbage"

    response = api_client.post("/api/auth/refresh/", {})

    assert response.status_code == 401
    assert response["Cache-Control"] == NEVER_STORED


def test_logout_and_password_change_are_never_stored(browser: APIClient) -> None:
    changed = browser.post(
        "/api/auth/password/change/", {"old_password": DEFAULT_PASSWORD, "new_password": STRONG_PASSWORD}
    )
    logged_out = browser.post("/api/auth/logout/", {})

    assert (changed.status_code, logged_out.status_code) == (204, 204)
    assert changed["Cache-Control"] == NEVER_STORED
    assert logged_out["Cache-Control"] == NEVER_STORED


# --- signed-in reads ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["/api/auth/me/", "/api/notifications/", "/api/feed/", "/api/products/", "/api/categories/", "/api/users/maker0/"],
)
def test_signed_in_reads_are_never_stored(user: User, url: str) -> None:
    CategoryFactory.create()
    user.username = "maker0"
    user.save()

    response = client_for(user).get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER_STORED


def test_an_answer_to_a_refused_access_token_is_never_stored(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")

    response = api_client.get("/api/auth/me/")

    assert response.status_code == 401
    assert response["Cache-Control"] == NEVER_STORED


def test_a_signed_in_revalidation_is_never_stored(user_client: APIClient) -> None:
    CategoryFactory.create()
    etag = user_client.get("/api/categories/")["ETag"]

    response = user_client.get("/api/categories/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["Cache-Control"] == NEVER_STORED


# --- what stays shareable -------------------------------------------------------------------
def test_anonymous_public_reads_stay_shareable(api_client: APIClient) -> None:
    CategoryFactory.create()

    response = api_client.get("/api/categories/")

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public, max-age=")


def test_an_anonymous_answer_without_cookies_gets_no_cache_control(api_client: APIClient) -> None:
    response = api_client.get("/api/health/")

    assert response.status_code == 200
    assert "Cache-Control" not in response
