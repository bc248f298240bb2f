import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from conftest import client_for
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD, UserFactory
from users.tests.support import sign_in

CHANGE = "/api/auth/password/change/"
RESET = "/api/auth/password/reset/"
CONFIRM = "/api/auth/password/reset/confirm/"
NEW_PASSWORD = "a-brand-new-passphrase-7"
BAD_LINK = {"token": ["This password reset link is invalid or has already been used. Please ask for a new one."]}

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def reset_link_of(message: mail.EmailMessage) -> dict[str, str]:
    match = re.search(r"(\S+)/reset-password#uid=([\w-]+)&token=([\w-]+)\n", str(message.body))
    assert match is not None, message.body
    return {"origin": match.group(1), "uid": match.group(2), "token": match.group(3)}


def request_reset(client: APIClient, email: str, capture: CaptureCallbacks) -> Any:
    with capture(execute=True):
        return client.post(RESET, {"email": email})


# --- change ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_change_password(user: User) -> None:
    client = client_for(user)

    response = client.post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert (
        APIClient().post("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD}).status_code
        == 401
    )
    assert sign_in(APIClient(), user, NEW_PASSWORD).status_code == 200


@pytest.mark.django_db
def test_changing_the_password_revokes_every_refresh_token(user: User, other_user: User) -> None:
    sessions = [sign_in(APIClient(), user).json()["refresh"] for _ in range(3)]
    others_session = sign_in(APIClient(), other_user).json()["refresh"]

    response = client_for(user).post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})

    assert response.status_code == 204
    assert [APIClient().post("/api/auth/refresh/", {"refresh": token}).status_code for token in sessions] == [401] * 3
    assert APIClient().post("/api/auth/refresh/", {"refresh": others_session}).status_code == 200
    assert not OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True).exists()


@pytest.mark.django_db
def test_sessions_started_after_the_change_work(user: User) -> None:
    client_for(user).post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})

    refresh = sign_in(APIClient(), user, NEW_PASSWORD).json()["refresh"]

    assert APIClient().post("/api/auth/refresh/", {"refresh": refresh}).status_code == 200


@pytest.mark.django_db
def test_change_password_clears_the_refresh_cookie_of_an_api_client(user: User) -> None:
    response = client_for(user).post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})

    assert response.cookies["vitrin_refresh"]["max-age"] == 0


@pytest.mark.django_db
def test_change_password_keeps_the_web_apps_own_session_in_a_new_cookie(user: User) -> None:
    browser = APIClient()
    sign_in(browser, user)
    access = browser.post("/api/auth/refresh/").json()["access"]
    old_cookie = browser.cookies["vitrin_refresh"].value
    browser.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = browser.post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})
    new_cookie = response.cookies["vitrin_refresh"].value

    assert response.status_code == 204
    assert new_cookie != old_cookie
    assert APIClient().post("/api/auth/refresh/", {"refresh": old_cookie}).status_code == 401
    assert APIClient().post("/api/auth/refresh/", {"refresh": new_cookie}).status_code == 200


@pytest.mark.django_db
def test_change_password_refuses_a_wrong_old_password(user: User) -> None:
    refresh = sign_in(APIClient(), user).json()["refresh"]

    response = client_for(user).post(CHANGE, {"old_password": "not-my-password", "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json() == {"old_password": ["Your current password is not correct."]}
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)
    assert not BlacklistedToken.objects.exists()
    assert APIClient().post("/api/auth/refresh/", {"refresh": refresh}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("short", "This password is too short. It must contain at least 8 characters."),
        ("qwertyuiop", "This password is too common."),
        ("20261125", "This password is entirely numeric."),
    ],
)
def test_change_password_refuses_a_weak_new_password(user: User, new_password: str, message: str) -> None:
    response = client_for(user).post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": new_password})

    assert response.status_code == 400
    assert message in response.json()["new_password"]
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


@pytest.mark.django_db
def test_change_password_refuses_a_password_like_the_username() -> None:
    user = UserFactory.create(username="grace.hopper")

    response = client_for(user).post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": "grace.hopper"})

    assert response.status_code == 400
    assert response.json() == {"new_password": ["The password is too similar to the username."]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"old_password": ["This field is required."], "new_password": ["This field is required."]}),
        ({"old_password": DEFAULT_PASSWORD, "new_password": None}, {"new_password": ["This field may not be null."]}),
        ({"old_password": [DEFAULT_PASSWORD], "new_password": NEW_PASSWORD}, {"old_password": ["Not a valid string."]}),
    ],
)
def test_change_password_refuses_malformed_bodies(user: User, body: dict[str, Any], errors: dict[str, Any]) -> None:
    response = client_for(user).post(CHANGE, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.django_db
def test_change_password_needs_a_signed_in_user(api_client: APIClient) -> None:
    response = api_client.post(CHANGE, {"old_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD})

    assert response.status_code == 401


# --- reset ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_reset_emails_a_one_time_link(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(username="ada", email="ada@example.com")

    response = request_reset(api_client, "ADA@example.com", django_capture_on_commit_callbacks)

    assert response.status_code == 204
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject == "Reset your Vitrin password"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    link = reset_link_of(message)
    assert link["origin"] == settings.FRONTEND_URL
    assert link["uid"] == urlsafe_base64_encode(force_bytes(user.pk))
    assert default_token_generator.check_token(user, link["token"])


@pytest.mark.django_db
def test_the_reset_link_keeps_its_token_out_of_every_server_log(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com")

    request_reset(api_client, "ada@example.com", django_capture_on_commit_callbacks)

    # Everything after "#" stays in the browser: no request line, access log or Referer has it.
    link = re.search(r"\S+/reset-password\S*", str(mail.outbox[0].body))
    assert link is not None
    page, _, fragment = link.group(0).partition("#")
    token = reset_link_of(mail.outbox[0])["token"]
    assert page == f"{settings.FRONTEND_URL}/reset-password"
    assert fragment == f"uid={urlsafe_base64_encode(force_bytes(user.pk))}&token={token}"


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["nobody@example.com", "inactive@example.com"])
def test_reset_answers_the_same_for_unknown_addresses(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks, email: str
) -> None:
    UserFactory.create(email="ada@example.com")
    UserFactory.create(email="inactive@example.com", is_active=False)

    response = request_reset(api_client, email, django_capture_on_commit_callbacks)

    assert response.status_code == 204
    assert response.content == b""
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_reset_email_is_sent_only_after_the_request_commits(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    UserFactory.create(email="ada@example.com")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        api_client.post(RESET, {"email": "ada@example.com"})

    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"email": ["This field is required."]}),
        ({"email": "not-an-address"}, {"email": ["Enter a valid email address."]}),
        ({"email": ["ada@example.com"]}, {"email": ["Enter a valid email address."]}),
    ],
)
def test_reset_refuses_malformed_bodies(api_client: APIClient, body: dict[str, Any], errors: dict[str, Any]) -> None:
    response = api_client.post(RESET, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.django_db
def test_confirm_sets_the_new_password_and_revokes_sessions(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com")
    session = sign_in(APIClient(), user).json()["refresh"]
    request_reset(api_client, "ada@example.com", django_capture_on_commit_callbacks)
    link = reset_link_of(mail.outbox[0])

    response = api_client.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD})

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert APIClient().post("/api/auth/refresh/", {"refresh": session}).status_code == 401


@pytest.mark.django_db
def test_a_completed_reset_verifies_the_address(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=False)
    request_reset(api_client, "ada@example.com", django_capture_on_commit_callbacks)
    link = reset_link_of(mail.outbox[0])

    response = api_client.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD})

    assert response.status_code == 204
    user.refresh_from_db()
    # The link was read in the account's mailbox: whoever followed it owns the address.
    assert user.email_verified is True


@pytest.mark.django_db
def test_a_refused_reset_leaves_the_address_unverified(api_client: APIClient) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=False)
    uid = urlsafe_base64_encode(force_bytes(user.pk))

    response = api_client.post(CONFIRM, {"uid": uid, "token": "1-abcdef", "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json() == BAD_LINK
    user.refresh_from_db()
    assert user.email_verified is False
    assert user.check_password(DEFAULT_PASSWORD)


@pytest.mark.django_db
def test_a_reset_link_works_once(api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks) -> None:
    user = UserFactory.create(email="ada@example.com")
    request_reset(api_client, "ada@example.com", django_capture_on_commit_callbacks)
    link = reset_link_of(mail.outbox[0])
    api_client.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD})

    again = api_client.post(
        CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": "yet-another-phrase-9"}
    )

    assert again.status_code == 400
    assert again.json() == BAD_LINK
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_a_weak_password_does_not_spend_the_link(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    UserFactory.create(email="ada@example.com")
    request_reset(api_client, "ada@example.com", django_capture_on_commit_callbacks)
    link = reset_link_of(mail.outbox[0])

    weak = api_client.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": "123"})
    strong = api_client.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD})

    assert weak.status_code == 400
    assert set(weak.json()) == {"new_password"}
    assert strong.status_code == 204


@pytest.mark.django_db
def test_confirm_refuses_bad_links(api_client: APIClient, user: User, other_user: User) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    others_uid = urlsafe_base64_encode(force_bytes(other_user.pk))
    users_token = default_token_generator.make_token(user)
    cases = [
        (uid, "1-abcdef"),
        (others_uid, users_token),
        ("!!!", users_token),
        (urlsafe_base64_encode(b"99999999999999999999999"), users_token),
        (urlsafe_base64_encode(b"abc"), users_token),
        (urlsafe_base64_encode("²".encode()), users_token),
        (urlsafe_base64_encode(b"\xff\xfe"), users_token),
    ]

    for bad_uid, token in cases:
        response = api_client.post(CONFIRM, {"uid": bad_uid, "token": token, "new_password": NEW_PASSWORD})

        assert response.status_code == 400, bad_uid
        assert response.json() == BAD_LINK
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


@pytest.mark.django_db
def test_confirm_refuses_malformed_bodies(api_client: APIClient) -> None:
    response = api_client.post(CONFIRM, {"uid": "", "token": None}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "uid": ["This field may not be blank."],
        "token": ["This field may not be null."],
        "new_password": ["This field is required."],
    }
