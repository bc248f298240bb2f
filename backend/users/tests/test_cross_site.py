"""Cross-site sign-in (login CSRF, session swapping): a page on another site must not be able to
post to the endpoints that set or use the refresh cookie, and no auth endpoint reads a body an
HTML form can send (form-encoded, multipart, text/plain).

Each endpoint is called with a request that succeeds on its own; the tests then add only what a
cross-site browser request would carry and check that it is refused and nothing changed."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from conftest import client_for
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD
from users.tests.support import FakeGoogleCerts, google_id_token, sign_in
from users.verification import email_verification_token_generator

COOKIE = "vitrin_refresh"
NEW_PASSWORD = "a-brand-new-passphrase-7"
CROSS_SITE = {
    "detail": "Vitrin's sign-in only answers requests made by Vitrin's own pages. "
    "This request came from another website, so nothing was done."
}
JSON_ONLY = {"detail": "Send the body as JSON (Content-Type: application/json), or multipart for uploads."}


@dataclass
class Call:
    """A request to one auth endpoint that would succeed as it is."""

    path: str
    body: dict[str, Any]
    success: int
    client: APIClient = field(default_factory=APIClient)


def _register(user: User) -> Call:
    return Call("/api/auth/register/", {"username": "mallory", "email": "m@example.com", "password": NEW_PASSWORD}, 201)


def _login(user: User) -> Call:
    return Call("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD}, 200)


def _google(user: User) -> Call:
    return Call("/api/auth/google/", {"id_token": google_id_token(email="mallory@example.com")}, 200)


def _with_cookie(path: str, user: User, success: int) -> Call:
    call = Call(path, {"refresh": ""}, success)  # a blank token: the cookie's is used
    sign_in(call.client, user)  # the client keeps the refresh cookie, as a browser does
    return call


def _refresh(user: User) -> Call:
    return _with_cookie("/api/auth/refresh/", user, 200)


def _logout(user: User) -> Call:
    return _with_cookie("/api/auth/logout/", user, 204)


def _password_change(user: User) -> Call:
    call = _with_cookie("/api/auth/password/change/", user, 204)
    access = call.client.post("/api/auth/refresh/", {}, format="json").json()["access"]
    call.client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    call.body = {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD}
    return call


def _password_reset(user: User) -> Call:
    return Call("/api/auth/password/reset/", {"email": user.email}, 204)


def _password_reset_confirm(user: User) -> Call:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    body = {"uid": uid, "token": default_token_generator.make_token(user), "new_password": NEW_PASSWORD}
    return Call("/api/auth/password/reset/confirm/", body, 204)


def _email_verify(user: User) -> Call:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return Call(
        "/api/auth/email/verify/", {"uid": uid, "token": email_verification_token_generator.make_token(user)}, 204
    )


def _email_verify_resend(user: User) -> Call:
    return Call("/api/auth/email/verify/resend/", {}, 204, client=client_for(user))


CALLS: dict[str, Callable[[User], Call]] = {
    "register": _register,
    "login": _login,
    "google": _google,
    "refresh": _refresh,
    "logout": _logout,
    "password-change": _password_change,
    "password-reset": _password_reset,
    "password-reset-confirm": _password_reset_confirm,
    "email-verify": _email_verify,
    "email-verify-resend": _email_verify_resend,
}
CROSS_SITE_HEADERS: dict[str, dict[str, Any]] = {
    "another site": {"HTTP_ORIGIN": "https://attacker.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
    "another site, Origin only": {"HTTP_ORIGIN": "https://attacker.example"},
    "another scheme": {"HTTP_ORIGIN": "https://testserver"},
    "another port": {"HTTP_ORIGIN": "http://testserver:8080"},
    "a look-alike host": {"HTTP_ORIGIN": "http://testserver.attacker.example"},
    "an opaque origin": {"HTTP_ORIGIN": "null"},
    "Sec-Fetch-Site only": {"HTTP_SEC_FETCH_SITE": "cross-site"},
    "own origin, but cross-site": {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
}


def state(user: User) -> tuple[Any, ...]:
    """Everything an auth endpoint may change."""
    user.refresh_from_db()
    return (
        list(User.objects.values_list("id", "username", "password", "last_login", "email_verified")),
        OutstandingToken.objects.count(),
        BlacklistedToken.objects.count(),
        len(mail.outbox),
    )


@pytest.fixture
def call_of(user: User, google_certs: FakeGoogleCerts) -> Callable[[str], Call]:
    return lambda name: CALLS[name](user)


# --- cross-site requests --------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("headers", list(CROSS_SITE_HEADERS.values()), ids=list(CROSS_SITE_HEADERS))
@pytest.mark.parametrize("name", list(CALLS))
def test_a_cross_site_request_is_refused(
    user: User, call_of: Callable[[str], Call], name: str, headers: dict[str, Any]
) -> None:
    call = call_of(name)
    before = state(user)

    response = call.client.post(call.path, call.body, format="json", **headers)

    assert response.status_code == 403
    assert response.json() == CROSS_SITE
    assert COOKIE not in response.cookies
    assert state(user) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "HTTP://TestServer"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_SEC_FETCH_SITE": "none"},
    ],
    ids=["no Origin (curl, mobile apps)", "own origin", "own origin in capitals", "same-origin", "typed by the user"],
)
@pytest.mark.parametrize("name", list(CALLS))
def test_a_same_origin_or_non_browser_request_works(
    call_of: Callable[[str], Call], name: str, headers: dict[str, Any]
) -> None:
    call = call_of(name)

    response = call.client.post(call.path, call.body, format="json", **headers)

    assert response.status_code == call.success, response.content


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CALLS))
def test_a_trusted_origin_of_the_same_site_works(settings: Settings, call_of: Callable[[str], Call], name: str) -> None:
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.vitrin.example", "http://localhost:3000"]
    call = call_of(name)

    response = call.client.post(
        call.path, call.body, format="json", HTTP_ORIGIN="https://www.vitrin.example", HTTP_SEC_FETCH_SITE="same-site"
    )

    assert response.status_code == call.success, response.content


@pytest.mark.django_db
def test_a_trusted_origin_does_not_admit_its_subdomains_or_other_sites(
    settings: Settings, user: User, call_of: Callable[[str], Call]
) -> None:
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.vitrin.example"]
    login = call_of("login")
    before = state(user)

    statuses = [
        login.client.post(login.path, login.body, format="json", HTTP_ORIGIN=origin).status_code
        for origin in ["https://evil.www.vitrin.example", "http://www.vitrin.example", "https://vitrin.example"]
    ]

    assert statuses == [403, 403, 403]
    assert state(user) == before


@pytest.mark.django_db
def test_a_cross_site_form_cannot_sign_the_browser_in_as_the_attacker(user: User) -> None:
    """The reported attack: another site's page auto-submits a form with the attacker's
    credentials to the login endpoint; the victim's browser must not get a refresh cookie."""
    victims_browser = APIClient()

    response = victims_browser.post(
        "/api/auth/login/",
        urlencode({"username": user.username, "password": DEFAULT_PASSWORD}),
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="https://attacker.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )

    assert response.status_code == 403
    assert response.json() == CROSS_SITE
    assert COOKIE not in victims_browser.cookies
    assert not OutstandingToken.objects.exists()


# --- JSON only ------------------------------------------------------------------------------
def _form_encoded(call: Call) -> Any:
    return call.client.post(call.path, urlencode(call.body), content_type="application/x-www-form-urlencoded")


def _multipart(call: Call) -> Any:
    return call.client.post(call.path, call.body, format="multipart")


def _empty_form(call: Call) -> Any:
    # A form without fields still carries the cookie and the form's content type.
    return call.client.post(call.path, "", content_type="application/x-www-form-urlencoded")


def _text_plain(call: Call) -> Any:
    # What `<form enctype="text/plain">` sends: a body that can be made to look like JSON.
    return call.client.post(call.path, json.dumps(call.body), content_type="text/plain")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "send", [_form_encoded, _empty_form, _multipart, _text_plain], ids=["form", "empty form", "multipart", "text/plain"]
)
@pytest.mark.parametrize("name", list(CALLS))
def test_auth_endpoints_take_json_only(
    user: User, call_of: Callable[[str], Call], name: str, send: Callable[[Call], Any]
) -> None:
    call = call_of(name)
    before = state(user)

    response = send(call)

    assert response.status_code == 415
    assert response.json() == JSON_ONLY
    # Sign-out tells the browser to forget its cookie even when it refuses the body; no other
    # refusal sets the cookie at all.
    assert (response.cookies[COOKIE].value if COOKIE in response.cookies else None) == (
        "" if name == "logout" else None
    )
    assert state(user) == before
