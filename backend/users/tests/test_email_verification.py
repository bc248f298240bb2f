"""E-mail verification: the link e-mailed after sign-up, opening it, asking for another one,
and an address changed by staff becoming unverified again."""

import importlib
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from conftest import client_for
from users.models import User
from users.tests.factories import SocialAccountFactory, UserFactory
from users.verification import email_verification_token_generator

REGISTER = "/api/auth/register/"
VERIFY = "/api/auth/email/verify/"
RESEND = "/api/auth/email/verify/resend/"
ME = "/api/auth/me/"
BAD_LINK = {
    "token": [
        "This verification link is invalid, expired or has already been used. "
        "Sign in and ask for a new one if your address is not verified yet."
    ]
}
# The start of an hour of the clock, so a test's requests all fall into one throttle period.
START_OF_AN_HOUR = datetime(2031, 3, 4, 12, 0, 0, tzinfo=UTC)

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def verification_link_of(message: mail.EmailMessage) -> dict[str, str]:
    match = re.search(r"(\S+)/verify-email#uid=([\w-]+)&token=([\w-]+)\n", str(message.body))
    assert match is not None, message.body
    return {"origin": match.group(1), "uid": match.group(2), "token": match.group(3)}


def link_for(user: User) -> dict[str, str]:
    """The uid and token a verification e-mail sent to `user` now would carry."""
    return {
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": email_verification_token_generator.make_token(user),
    }


def register(client: APIClient, capture: CaptureCallbacks, email: str = "ada@example.com") -> Any:
    with capture(execute=True):
        response = client.post(REGISTER, {"username": "ada", "email": email, "password": "a-long-passphrase-1"})
    assert response.status_code == 201, response.content
    return response


def is_verified(user: User) -> bool:
    user.refresh_from_db()
    return user.email_verified


# --- the e-mail after sign-up ---------------------------------------------------------------
@pytest.mark.django_db
def test_registration_emails_a_verification_link(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    response = register(api_client, django_capture_on_commit_callbacks)

    assert response.json()["user"]["email_verified"] is False
    user = User.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject == "Verify your e-mail address for Vitrin"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "within 3 days" in str(message.body)
    link = verification_link_of(message)
    assert link["origin"] == settings.FRONTEND_URL
    assert link["uid"] == urlsafe_base64_encode(force_bytes(user.pk))
    # In the fragment, which browsers never send: no server log ever sees the token.
    assert f"{settings.FRONTEND_URL}/verify-email#uid={link['uid']}&token={link['token']}\n" in str(message.body)
    assert "?" not in str(message.body).split("/verify-email", 1)[1].split("\n", 1)[0]


@pytest.mark.django_db
def test_the_verification_email_is_sent_only_after_the_registration_commits(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        api_client.post(REGISTER, {"username": "ada", "email": "ada@example.com", "password": "a-long-passphrase-1"})
    assert mail.outbox == []

    for callback in callbacks:
        callback()

    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


@pytest.mark.django_db
def test_no_link_is_sent_when_the_address_was_verified_before_the_email_went_out(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        api_client.post(REGISTER, {"username": "ada", "email": "ada@example.com", "password": "a-long-passphrase-1"})
    User.objects.update(email_verified=True)

    for callback in callbacks:
        callback()

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_refused_registration_emails_nobody(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    UserFactory.create(email="ada@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            REGISTER, {"username": "ada", "email": "ada@example.com", "password": "a-long-passphrase-1"}
        )

    assert response.status_code == 400
    assert mail.outbox == []


# --- opening the link -----------------------------------------------------------------------
@pytest.mark.django_db
def test_the_link_verifies_the_address_without_signing_in(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    session = register(api_client, django_capture_on_commit_callbacks).json()
    link = verification_link_of(mail.outbox[0])

    response = APIClient().post(VERIFY, {"uid": link["uid"], "token": link["token"]})

    assert response.status_code == 204
    assert response.content == b""
    assert is_verified(User.objects.get()) is True
    me = APIClient(HTTP_AUTHORIZATION=f"Bearer {session['access']}").get(ME)
    assert me.json()["email_verified"] is True


@pytest.mark.django_db
def test_a_verification_link_works_once(api_client: APIClient) -> None:
    user = UserFactory.create()
    link = link_for(user)
    assert api_client.post(VERIFY, link).status_code == 204

    again = api_client.post(VERIFY, link)

    assert again.status_code == 400
    assert again.json() == BAD_LINK
    assert is_verified(user) is True


@pytest.mark.django_db
def test_a_verification_link_expires_after_three_days(api_client: APIClient) -> None:
    user = UserFactory.create()
    with time_machine.travel(START_OF_AN_HOUR, tick=False) as clock:
        link = link_for(user)
        clock.shift(timedelta(days=3, seconds=1))

        late = api_client.post(VERIFY, link)

    assert late.status_code == 400
    assert late.json() == BAD_LINK
    assert is_verified(user) is False


@pytest.mark.django_db
def test_a_verification_link_works_until_it_expires(api_client: APIClient) -> None:
    user = UserFactory.create()
    with time_machine.travel(START_OF_AN_HOUR, tick=False) as clock:
        link = link_for(user)
        clock.shift(timedelta(days=3))

        response = api_client.post(VERIFY, link)

    assert response.status_code == 204
    assert is_verified(user) is True


@pytest.mark.django_db
def test_the_lifetime_of_a_verification_link_is_a_setting(api_client: APIClient, settings: Any) -> None:
    settings.EMAIL_VERIFICATION_TIMEOUT = 600
    user = UserFactory.create()
    with time_machine.travel(START_OF_AN_HOUR, tick=False) as clock:
        link = link_for(user)
        clock.shift(timedelta(seconds=601))

        response = api_client.post(VERIFY, link)

    assert response.status_code == 400
    assert response.json() == BAD_LINK


@pytest.mark.django_db
def test_verify_refuses_bad_links(api_client: APIClient) -> None:
    user = UserFactory.create()
    other = UserFactory.create()
    inactive = UserFactory.create(is_active=False)
    uid = link_for(user)["uid"]
    cases = [
        {"uid": uid, "token": "1-abcdef"},
        {"uid": uid, "token": "garbage"},
        {"uid": uid, "token": "zzzzzzzzzzzzzzzzzz-abcdef"},
        {"uid": uid, "token": link_for(other)["token"]},
        # A password reset token of the same user: another salt, so another kind of link.
        {"uid": uid, "token": default_token_generator.make_token(user)},
        {"uid": link_for(other)["uid"], "token": link_for(user)["token"]},
        link_for(inactive),
        {"uid": "!!!", "token": link_for(user)["token"]},
        {"uid": urlsafe_base64_encode(b"99999999999999999999999"), "token": link_for(user)["token"]},
        {"uid": urlsafe_base64_encode(b"\xff\xfe"), "token": link_for(user)["token"]},
    ]

    for body in cases:
        response = api_client.post(VERIFY, body)

        assert response.status_code == 400, body
        assert response.json() == BAD_LINK
    assert User.objects.filter(email_verified=True).count() == 0


@pytest.mark.django_db
def test_a_verification_token_does_not_reset_the_password(api_client: APIClient) -> None:
    user = UserFactory.create()

    response = api_client.post(
        "/api/auth/password/reset/confirm/", {**link_for(user), "new_password": "a-brand-new-passphrase-7"}
    )

    assert response.status_code == 400
    assert response.json() == {
        "token": ["This password reset link is invalid or has already been used. Please ask for a new one."]
    }
    old_password = user.password
    user.refresh_from_db()
    assert user.password == old_password


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"uid": ["This field is required."], "token": ["This field is required."]}),
        (
            {"uid": "", "token": None},
            {"uid": ["This field may not be blank."], "token": ["This field may not be null."]},
        ),
        ({"uid": ["MQ"], "token": {"a": 1}}, {"uid": ["Not a valid string."], "token": ["Not a valid string."]}),
        (
            {"uid": "MQ", "token": "x" * 129},
            {"token": ["Ensure this field has no more than 128 characters."]},
        ),
    ],
    ids=["empty", "blank-and-null", "wrong-types", "too-long"],
)
def test_verify_refuses_malformed_bodies(api_client: APIClient, body: dict[str, Any], errors: dict[str, Any]) -> None:
    response = api_client.post(VERIFY, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.django_db
def test_verify_is_limited_per_client_address(api_client: APIClient, throttle_rates: Callable[..., None]) -> None:
    throttle_rates(email_verify_ip="2/hour")
    user = UserFactory.create()
    with time_machine.travel(START_OF_AN_HOUR, tick=False):
        guesses = [
            api_client.post(VERIFY, {"uid": link_for(user)["uid"], "token": f"1-{n:06x}"}, REMOTE_ADDR="198.51.100.1")
            for n in range(3)
        ]
        elsewhere = api_client.post(VERIFY, link_for(user), REMOTE_ADDR="198.51.100.2")

    assert [guess.status_code for guess in guesses] == [400, 400, 429]
    assert guesses[2].json() == {"detail": "Too many requests. Try again in 3600 seconds."}
    assert elsewhere.status_code == 204


# --- asking for another link ----------------------------------------------------------------
@pytest.mark.django_db
def test_resend_emails_a_new_link_that_works(django_capture_on_commit_callbacks: CaptureCallbacks) -> None:
    user = UserFactory.create(email="ada@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post(RESEND)

    assert response.status_code == 204
    assert response.content == b""
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]
    link = verification_link_of(mail.outbox[0])
    assert APIClient().post(VERIFY, {"uid": link["uid"], "token": link["token"]}).status_code == 204
    assert is_verified(user) is True


@pytest.mark.django_db
def test_resend_sends_nothing_when_the_address_is_verified(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    user = UserFactory.create(email_verified=True)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_for(user).post(RESEND)

    assert response.status_code == 204
    assert callbacks == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_resend_needs_a_signed_in_user(api_client: APIClient) -> None:
    response = api_client.post(RESEND)

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert mail.outbox == []


@pytest.mark.django_db
def test_resend_is_limited_per_account(
    throttle_rates: Callable[..., None], django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    throttle_rates(email_verify="2/hour")
    user = UserFactory.create()
    other = UserFactory.create()
    with time_machine.travel(START_OF_AN_HOUR, tick=False), django_capture_on_commit_callbacks(execute=True):
        client = client_for(user)
        responses = [client.post(RESEND, REMOTE_ADDR=f"198.51.100.{n}") for n in range(3)]
        from_a_new_session = client_for(user).post(RESEND, REMOTE_ADDR="198.51.100.9")
        others = client_for(other).post(RESEND)

    assert [response.status_code for response in responses] == [204, 204, 429]
    assert responses[2].json() == {"detail": "Too many requests. Try again in 3600 seconds."}
    assert from_a_new_session.status_code == 429
    assert others.status_code == 204
    assert [message.to for message in mail.outbox] == [[user.email], [user.email], [other.email]]


# --- Me -------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_me_cannot_mark_the_address_verified(user: User) -> None:
    response = client_for(user).patch(ME, {"email_verified": True}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "email_verified": [
            "This field cannot be changed here. You can change: first_name, last_name, bio, website, avatar."
        ]
    }
    assert is_verified(user) is False


# --- an address changed by staff ------------------------------------------------------------
def _change_form_data(admin_client: Client, user: User, **changes: Any) -> dict[str, Any]:
    """The admin's change form of `user` as the page shows it, with `changes` typed in."""
    form = admin_client.get(f"/admin/users/user/{user.pk}/change/").context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, datetime):
            data[f"{name}_0"], data[f"{name}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
        elif value is not None:
            data[name] = value
    return {**data, **changes}


@pytest.mark.django_db
def test_staff_changing_the_address_unverifies_it_and_emails_the_new_one(
    admin_client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/users/user/{user.pk}/change/", _change_form_data(admin_client, user, email="ada@new.example.com")
        )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.email_verified) == ("ada@new.example.com", False)
    assert [message.to for message in mail.outbox] == [["ada@new.example.com"]]
    link = verification_link_of(mail.outbox[0])
    assert APIClient().post(VERIFY, {"uid": link["uid"], "token": link["token"]}).status_code == 204
    assert is_verified(user) is True


@pytest.mark.django_db
def test_a_link_sent_to_the_old_address_dies_when_the_address_changes(
    admin_client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com")
    sent_to_the_old_address = link_for(user)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"/admin/users/user/{user.pk}/change/", _change_form_data(admin_client, user, email="ada@new.example.com")
        )
    response = APIClient().post(VERIFY, sent_to_the_old_address)

    assert response.status_code == 400
    assert response.json() == BAD_LINK
    assert is_verified(user) is False


@pytest.mark.django_db
def test_staff_changing_only_the_letter_case_keeps_the_address_verified(
    admin_client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/users/user/{user.pk}/change/", _change_form_data(admin_client, user, email="Ada@example.com")
        )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.email_verified) == (User.objects.normalize_email("Ada@example.com"), True)
    assert mail.outbox == []


@pytest.mark.django_db
def test_staff_editing_other_fields_keeps_the_address_verified(
    admin_client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/users/user/{user.pk}/change/", _change_form_data(admin_client, user, bio="Analyst")
        )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.bio, user.email_verified) == ("Analyst", True)
    assert mail.outbox == []


@pytest.mark.django_db
def test_staff_cannot_tick_the_address_verified(admin_client: Client) -> None:
    user = UserFactory.create(email="ada@example.com")

    response = admin_client.post(
        f"/admin/users/user/{user.pk}/change/", _change_form_data(admin_client, user, email_verified="on")
    )

    assert response.status_code == 302
    assert is_verified(user) is False


# --- accounts from before verification existed ---------------------------------------------
@pytest.mark.django_db
def test_accounts_linked_to_google_before_are_verified_by_the_migration() -> None:
    linked = SocialAccountFactory.create(user__email_verified=False).user
    password_only = UserFactory.create(email_verified=False)
    migration = importlib.import_module("users.migrations.0002_email_verified")

    migration.verify_google_accounts(apps, None)

    assert (is_verified(linked), is_verified(password_only)) == (True, False)
