"""Google sign-in, with a locally generated RSA key served in place of Google's keys: the
real signature, audience, issuer and expiry checks run."""

import base64
import hashlib
import hmac
import json
import time
from functools import partial
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from core.tests.support import run_at_once, skip_unless_postgres
from users.models import SocialAccount, User
from users.tests.factories import DEFAULT_PASSWORD, SocialAccountFactory, UserFactory
from users.tests.support import (
    GOOGLE_CERTS_URL,
    FakeGoogleCerts,
    decoded,
    google_id_token,
    rsa_key,
    sign_in,
    unsigned_token,
)

GOOGLE = "/api/auth/google/"
NOT_VERIFIED = {"detail": "This Google sign-in could not be verified. Please try again."}


def _hs256_with_the_public_key() -> str:
    """The classic algorithm-confusion forgery: HMAC "signed" with Google's public key."""
    public_pem = (
        rsa_key("google")
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    header_and_claims = google_id_token().split(".")[1]
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "kid": "google-key-1"}).encode()).rstrip(b"=")
    signing_input = header + b"." + header_and_claims.encode()
    signature = base64.urlsafe_b64encode(hmac.new(public_pem, signing_input, hashlib.sha256).digest()).rstrip(b"=")
    return (signing_input + b"." + signature).decode()


# --- success --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_first_google_sign_in_creates_the_account(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    response = api_client.post(GOOGLE, {"id_token": google_id_token()})

    assert response.status_code == 200
    body = response.json()
    user = User.objects.get()
    assert set(body) == {"user", "access", "refresh", "created"}
    assert body["created"] is True
    assert body["user"]["id"] == user.id
    assert body["user"]["email"] == "ada@example.com"
    assert (user.username, user.first_name, user.last_name) == ("ada.lovelace", "Ada", "Lovelace")
    assert not user.has_usable_password()
    assert user.email_verified is True
    assert body["user"]["email_verified"] is True
    assert list(SocialAccount.objects.values_list("user_id", "issuer", "subject", "email")) == [
        (user.id, "https://accounts.google.com", "110169484474386276334", "ada@example.com")
    ]
    assert decoded(body["access"])["user_id"] == str(user.id)
    assert OutstandingToken.objects.get().jti == decoded(body["refresh"])["jti"]
    assert response.cookies["vitrin_refresh"].value == body["refresh"]
    assert google_certs.urls == [GOOGLE_CERTS_URL]


@pytest.mark.django_db
def test_the_next_google_sign_in_finds_the_account(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    first = api_client.post(GOOGLE, {"id_token": google_id_token()}).json()

    second = api_client.post(GOOGLE, {"id_token": google_id_token(email="ada.new@example.com")})

    assert second.status_code == 200
    assert second.json()["created"] is False
    assert second.json()["user"]["id"] == first["user"]["id"]
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1


@pytest.mark.django_db
def test_both_spellings_of_googles_issuer_are_one_identity(
    api_client: APIClient, google_certs: FakeGoogleCerts
) -> None:
    with_scheme = api_client.post(GOOGLE, {"id_token": google_id_token(iss="https://accounts.google.com")})
    without_scheme = api_client.post(GOOGLE, {"id_token": google_id_token(iss="accounts.google.com")})

    assert with_scheme.json()["created"] is True
    assert without_scheme.status_code == 200
    assert without_scheme.json()["created"] is False
    assert SocialAccount.objects.count() == 1


@pytest.mark.django_db
def test_google_sign_in_takes_an_unverified_account_back_from_whoever_registered_the_address(
    api_client: APIClient, google_certs: FakeGoogleCerts
) -> None:
    # An attacker signs up with the victim's address and a password of their own...
    attacker = APIClient()
    registered = attacker.post(
        "/api/auth/register/",
        {"username": "lovelace", "email": "Ada@Example.com", "password": "attackers-own-phrase-1"},
    )
    assert registered.status_code == 201
    attackers_refresh = registered.json()["refresh"]

    # ...then the owner of the address signs in with Google.
    response = api_client.post(GOOGLE, {"id_token": google_id_token(email="ada@example.com")})

    assert response.status_code == 200
    assert response.json()["created"] is False
    assert response.json()["user"]["id"] == registered.json()["user"]["id"]
    assert response.json()["user"]["email_verified"] is True
    login = APIClient().post("/api/auth/login/", {"email": "ada@example.com", "password": "attackers-own-phrase-1"})
    assert login.status_code == 401
    assert login.json() == {"detail": "No active account matches this e-mail address or username and password."}
    refreshed = APIClient().post("/api/auth/refresh/", {"refresh": attackers_refresh})
    assert refreshed.status_code == 401
    assert refreshed.json() == {
        "detail": "This refresh token is invalid, expired or already used. Please sign in again."
    }
    user = User.objects.get()
    assert not user.has_usable_password()
    assert user.email_verified is True
    assert SocialAccount.objects.get().user_id == user.id
    # The owner's own session, started by this sign-in, goes on working.
    assert APIClient().post("/api/auth/refresh/", {"refresh": response.json()["refresh"]}).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_attacker_signing_in_while_the_owner_reclaims_the_account_keeps_no_session(
    google_certs: FakeGoogleCerts,
) -> None:
    skip_unless_postgres()
    APIClient().post(
        "/api/auth/register/",
        {"username": "lovelace", "email": "ada@example.com", "password": "attackers-own-phrase-1"},
    )
    token = google_id_token(email="ada@example.com")
    attacker = {"email": "ada@example.com", "password": "attackers-own-phrase-1"}

    def act(index: int) -> Any:
        if index == 0:
            return APIClient().post(GOOGLE, {"id_token": token})
        return APIClient().post("/api/auth/login/", attacker)

    responses = run_at_once([partial(act, index) for index in range(6)])

    assert responses[0].status_code == 200
    user = User.objects.get()
    owners_refresh = responses[0].json()["refresh"]
    # Whatever the attacker got before the reclaim was revoked by it; after it, nothing.
    live = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True).values_list("token", flat=True)
    assert list(live) == [owners_refresh]
    assert APIClient().post("/api/auth/login/", attacker).status_code == 401


@pytest.mark.django_db
def test_google_sign_in_links_an_account_whose_address_is_verified(
    api_client: APIClient, google_certs: FakeGoogleCerts
) -> None:
    existing = UserFactory.create(username="lovelace", email="ada@example.com", email_verified=True)
    session = sign_in(APIClient(), existing).json()["refresh"]

    response = api_client.post(GOOGLE, {"id_token": google_id_token(email="ada@example.com")})

    assert response.status_code == 200
    assert response.json()["created"] is False
    assert response.json()["user"]["id"] == existing.id
    assert SocialAccount.objects.get().user_id == existing.id
    assert User.objects.count() == 1
    # The owner proved the address themselves: their password and sessions stay.
    assert sign_in(APIClient(), existing, DEFAULT_PASSWORD).status_code == 200
    assert APIClient().post("/api/auth/refresh/", {"refresh": session}).status_code == 200


@pytest.mark.django_db
def test_a_new_google_account_gets_a_free_username(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    UserFactory.create(username="Ada.Lovelace", email="someone.else@example.com")
    UserFactory.create(username="ada.lovelace2", email="another@example.com")

    response = api_client.post(GOOGLE, {"id_token": google_id_token(email="ada@example.com")})

    assert response.status_code == 200
    assert response.json()["user"]["username"] == "ada.lovelace3"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given_name", "family_name", "username"),
    [
        ("Jane", "Doe", "jane.doe"),
        ("José María", "Álvarez-Núñez", "jose.maria.alvarez.nunez"),
        ("Jane", "", "jane"),
        ("", "", "maker"),
        ("李", "小龙", "maker"),
        ("<script>", "'; DROP TABLE--", "script.drop.table"),
        ("Hubert Blaine", "Wolfeschlegelsteinhausenbergerdorff", "hubert.blaine.wolfeschlegelste"),
    ],
    ids=["plain", "accents", "given-only", "no-name", "no-latin-letters", "punctuation", "long"],
)
def test_a_google_username_comes_from_the_name_never_from_the_address(
    api_client: APIClient, google_certs: FakeGoogleCerts, given_name: str, family_name: str, username: str
) -> None:
    private_address = "jane.doe.1987.private.stuff@gmail.com"

    response = api_client.post(
        GOOGLE,
        {"id_token": google_id_token(email=private_address, given_name=given_name, family_name=family_name)},
    )

    assert response.status_code == 200
    assert response.json()["user"]["username"] == username
    assert User.objects.get().username == username
    public = APIClient().get(f"/api/users/{username}/")
    assert public.status_code == 200
    assert "1987" not in public.content.decode()


@pytest.mark.django_db
def test_a_google_account_without_a_name_gets_a_numbered_neutral_username(
    api_client: APIClient, google_certs: FakeGoogleCerts
) -> None:
    UserFactory.create(username="maker", email="first@example.com")

    response = api_client.post(
        GOOGLE, {"id_token": google_id_token(email="grace.h.1906@gmail.com", given_name="", family_name="")}
    )

    assert response.status_code == 200
    assert response.json()["user"]["username"] == "maker2"


@pytest.mark.django_db
def test_google_keys_are_cached_as_long_as_google_allows(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    for _ in range(3):
        assert api_client.post(GOOGLE, {"id_token": google_id_token()}).status_code == 200

    assert google_certs.fetches == 1


@pytest.mark.django_db
def test_google_keys_are_not_cached_when_google_says_so(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    google_certs.max_age = 0

    for _ in range(2):
        assert api_client.post(GOOGLE, {"id_token": google_id_token()}).status_code == 200

    assert google_certs.fetches == 2


@pytest.mark.django_db
def test_an_unknown_key_id_fetches_the_keys_again_once(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    assert api_client.post(GOOGLE, {"id_token": google_id_token()}).status_code == 200
    google_certs.publish("google-key-2", rsa_key("google-rotated"))  # Google rotates its keys

    rotated = api_client.post(GOOGLE, {"id_token": google_id_token(key=rsa_key("google-rotated"), kid="google-key-2")})

    assert rotated.status_code == 200
    assert google_certs.fetches == 2


@pytest.mark.django_db
def test_made_up_key_ids_do_not_make_us_hammer_google(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    assert api_client.post(GOOGLE, {"id_token": google_id_token()}).status_code == 200

    responses = [api_client.post(GOOGLE, {"id_token": google_id_token(kid=f"made-up-{number}")}) for number in range(5)]

    assert [response.status_code for response in responses] == [401] * 5
    assert google_certs.fetches == 2


# --- refusals -------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "someone-else.apps.googleusercontent.com"},
        {"iss": "https://evil.example.com"},
        {"iss": "accounts.google.com.evil.example.com"},
        {"sub": ""},
        {"email": ""},
        {"iat": None},
    ],
    ids=["wrong-audience", "wrong-issuer", "lookalike-issuer", "no-subject", "no-email", "no-issue-time"],
)
def test_google_tokens_with_wrong_claims_are_refused(
    api_client: APIClient, google_certs: FakeGoogleCerts, claims: dict[str, Any]
) -> None:
    token = google_id_token(**claims)

    response = api_client.post(GOOGLE, {"id_token": token})

    assert response.status_code == 401
    assert response.json() == NOT_VERIFIED
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_forged_google_token_is_refused(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    forged_signature = google_id_token(key=rsa_key("forger"))
    no_signature = unsigned_token(**{"iss": "https://accounts.google.com", "sub": "1", "email": "a@example.com"})
    tampered = google_id_token().rsplit(".", 1)[0] + "." + google_id_token(key=rsa_key("forger")).rsplit(".", 1)[1]

    for token in [forged_signature, no_signature, _hs256_with_the_public_key(), tampered]:
        response = api_client.post(GOOGLE, {"id_token": token})

        assert response.status_code == 401
        assert response.json() == NOT_VERIFIED
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("garbage", ["garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9...", "Bearer x.y.z"])
def test_garbage_instead_of_a_google_token_is_refused(
    api_client: APIClient, google_certs: FakeGoogleCerts, garbage: str
) -> None:
    response = api_client.post(GOOGLE, {"id_token": garbage})

    assert response.status_code == 401
    assert response.json() == NOT_VERIFIED
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_expired_google_token_is_refused(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    an_hour_ago = int(time.time()) - 3600

    response = api_client.post(GOOGLE, {"id_token": google_id_token(iat=an_hour_ago - 3600, exp=an_hour_ago)})

    assert response.status_code == 401
    assert response.json() == {"detail": "This Google sign-in has expired. Please try again."}


@pytest.mark.django_db
@pytest.mark.parametrize("verified", [False, "false", None])
def test_a_google_token_with_an_unverified_email_is_refused(
    api_client: APIClient, google_certs: FakeGoogleCerts, verified: object
) -> None:
    existing = UserFactory.create(email="ada@example.com")

    response = api_client.post(GOOGLE, {"id_token": google_id_token(email_verified=verified)})

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Google has not verified this e-mail address, so it cannot be used to sign in."
    }
    assert not SocialAccount.objects.exists()
    assert list(User.objects.all()) == [existing]


@pytest.mark.django_db
def test_a_deactivated_account_cannot_sign_in_with_google(api_client: APIClient, google_certs: FakeGoogleCerts) -> None:
    SocialAccountFactory.create(user__is_active=False, subject="110169484474386276334")

    response = api_client.post(GOOGLE, {"id_token": google_id_token()})

    assert response.status_code == 401
    assert response.json() == {"detail": "This account has been deactivated."}
    assert not OutstandingToken.objects.exists()


@pytest.mark.django_db
def test_google_sign_in_is_refused_when_not_set_up(api_client: APIClient, settings: Settings) -> None:
    settings.GOOGLE_OAUTH_CLIENT_ID = ""

    response = api_client.post(GOOGLE, {"id_token": google_id_token()})

    assert response.status_code == 503
    assert response.json() == {"detail": "Sign-in with Google is not set up on this server."}


@pytest.mark.django_db
def test_google_sign_in_says_so_when_google_is_unreachable(
    api_client: APIClient, google_certs: FakeGoogleCerts
) -> None:
    google_certs.failing = True

    response = api_client.post(GOOGLE, {"id_token": google_id_token()})

    assert response.status_code == 503
    assert response.json() == {"detail": "Google sign-in is unavailable right now. Please try again in a moment."}
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"id_token": ["This field is required."]}),
        ({"id_token": None}, {"id_token": ["This field may not be null."]}),
        ({"id_token": ["a", "b"]}, {"id_token": ["Not a valid string."]}),
        ({"id_token": ""}, {"id_token": ["This field may not be blank."]}),
        ({"id_token": "x" * 8193}, {"id_token": ["Ensure this field has no more than 8192 characters."]}),
    ],
)
def test_google_sign_in_refuses_malformed_bodies(
    api_client: APIClient, google_certs: FakeGoogleCerts, body: dict[str, object], errors: dict[str, object]
) -> None:
    response = api_client.post(GOOGLE, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors
    assert google_certs.fetches == 0
