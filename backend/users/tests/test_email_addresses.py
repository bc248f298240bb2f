"""E-mail addresses have one spelling: stored, looked up and counted the same way
(users.selectors.email_normalize), whichever way an account is created or signed in to."""

import importlib

import pytest
from django.apps import apps as django_apps
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from users.models import User
from users.selectors import email_normalize
from users.tests.factories import DEFAULT_PASSWORD, UserFactory
from users.tests.support import FakeGoogleCerts, google_id_token
from users.tests.test_throttles import DOTLESS_I, FULL_WIDTH_ALICE, FULL_WIDTH_AT, LONG_S

STRONG_PASSWORD = "an-unusual-passphrase-42"
EMAIL_TAKEN = {"email": ["An account with this e-mail address already exists. Sign in or reset your password instead."]}


@given(st.text())
def test_normalising_an_address_twice_changes_nothing(text: str) -> None:
    assert email_normalize(email_normalize(text)) == email_normalize(text)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ada.Lovelace@Example.COM", "ada.lovelace@example.com"),
        (f"{FULL_WIDTH_ALICE}{FULL_WIDTH_AT}example.com", "alice@example.com"),
        (f"alice.{LONG_S}mith@example.com", "alice.smith@example.com"),
        (f"al{DOTLESS_I}ce@example.com", f"al{DOTLESS_I}ce@example.com"),  # another letter: it stays
        ("STRASSE@example.com", "strasse@example.com"),
        ("straße@example.com", "strasse@example.com"),
    ],
)
def test_an_address_is_normalised_whole(typed: str, stored: str) -> None:
    assert email_normalize(typed) == stored


@pytest.mark.django_db
def test_registration_stores_the_normalised_address(api_client: APIClient) -> None:
    response = api_client.post(
        "/api/auth/register/",
        {"username": "alice", "email": f"Alice.{LONG_S}mith@Example.COM", "password": STRONG_PASSWORD},
    )

    assert response.status_code == 201
    assert response.json()["user"]["email"] == "alice.smith@example.com"
    assert User.objects.get().email == "alice.smith@example.com"


@pytest.mark.django_db
@pytest.mark.parametrize("spelling", ["ALICE.SMITH@example.com", f"alice.{LONG_S}mith@example.com"])
def test_registration_refuses_any_spelling_of_a_taken_address(api_client: APIClient, spelling: str) -> None:
    UserFactory.create(username="alice", email="alice.smith@example.com")

    response = api_client.post(
        "/api/auth/register/", {"username": "alice2", "email": spelling, "password": STRONG_PASSWORD}
    )

    assert response.status_code == 400
    assert response.json() == EMAIL_TAKEN
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_accounts_made_outside_the_api_store_the_normalised_address() -> None:
    """`createsuperuser` and the admin's forms go through the manager too."""
    user = User.objects.create_user(username="grace", email="  Grace.Hopper@NAVY.mil ", password=STRONG_PASSWORD)

    user.refresh_from_db()
    assert user.email == "grace.hopper@navy.mil"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spelling", ["Alice.Smith@Example.com", f"alice.{LONG_S}mith@example.com", f"{FULL_WIDTH_ALICE}.smith@example.com"]
)
def test_any_spelling_of_the_address_signs_in(api_client: APIClient, spelling: str) -> None:
    alice = UserFactory.create(username="alice", email="alice.smith@example.com")

    response = api_client.post("/api/auth/login/", {"email": spelling, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    assert response.json()["user"]["id"] == alice.id


@pytest.mark.django_db
def test_google_sign_up_stores_the_normalised_address(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    response = api_client.post("/api/auth/google/", {"id_token": google_id_token(email="Ada.Lovelace@Example.COM")})

    assert response.status_code == 200
    assert response.json()["created"] is True
    assert User.objects.get().email == "ada.lovelace@example.com"


@pytest.mark.django_db
def test_the_migration_normalises_stored_addresses_and_keeps_clashing_ones(capsys: pytest.CaptureFixture[str]) -> None:
    """Before it, addresses were unique by lower() only: "straße@…" and "strasse@…" could both exist."""
    migration = importlib.import_module("users.migrations.0002_email_normalized")
    mixed = UserFactory.create(username="ada")
    clashing = UserFactory.create(username="strasse1")
    UserFactory.create(username="strasse2", email="strasse@example.org")
    wide = UserFactory.create(username="bob")
    User.objects.filter(pk=mixed.pk).update(email="Ada@Example.COM")
    User.objects.filter(pk=clashing.pk).update(email="straße@example.org")
    User.objects.filter(pk=wide.pk).update(email=f"{FULL_WIDTH_ALICE}@example.org")

    migration.emails_normalize(django_apps, None)

    emails = dict(User.objects.values_list("username", "email"))
    assert emails == {
        "ada": "ada@example.com",
        "strasse1": "straße@example.org",  # the account already spelt "strasse@…" keeps the address
        "strasse2": "strasse@example.org",
        "bob": "alice@example.org",
    }
    assert f"by id: {clashing.pk}\n" in capsys.readouterr().out
