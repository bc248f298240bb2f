from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from core.tests.support import me_json
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD, UserFactory
from users.tests.support import decoded, sign_in

REGISTER = "/api/auth/register/"
LOGIN = "/api/auth/login/"
STRONG_PASSWORD = "an-unusual-passphrase-42"


# --- register -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_register_creates_the_account_and_signs_in(api_client: APIClient) -> None:
    response = api_client.post(
        REGISTER, {"username": "Ada", "email": "Ada@Example.COM", "password": STRONG_PASSWORD}, format="json"
    )

    assert response.status_code == 201
    user = User.objects.get()
    body = response.json()
    assert set(body) == {"user", "access", "refresh"}
    assert body["user"] == me_json(user)
    assert body["user"]["username"] == "Ada"
    assert body["user"]["email"] == "ada@example.com"  # stored normalised: one spelling per address
    assert decoded(body["access"])["user_id"] == str(user.id)
    assert decoded(body["refresh"])["token_type"] == "refresh"
    assert user.check_password(STRONG_PASSWORD)
    assert response.cookies["vitrin_refresh"].value == body["refresh"]
    assert list(OutstandingToken.objects.values_list("jti", "user_id")) == [(decoded(body["refresh"])["jti"], user.id)]


@pytest.mark.django_db
def test_passwords_are_stored_with_bcrypt(api_client: APIClient) -> None:
    api_client.post(REGISTER, {"username": "ada", "email": "ada@example.com", "password": STRONG_PASSWORD})

    assert User.objects.get().password.startswith("bcrypt_sha256$")
    production_hashers = [name for name in settings.PASSWORD_HASHERS if not name.startswith("core.")]
    assert production_hashers[0] == "django.contrib.auth.hashers.BCryptSHA256PasswordHasher"


@pytest.mark.django_db
def test_the_access_token_of_a_new_account_works(api_client: APIClient) -> None:
    access = api_client.post(
        REGISTER, {"username": "ada", "email": "ada@example.com", "password": STRONG_PASSWORD}
    ).json()["access"]

    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    response = api_client.get("/api/auth/me/")

    assert response.status_code == 200
    assert response.json()["username"] == "ada"


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["ADA", "ada", "Ada"])
def test_register_refuses_a_taken_username_in_any_case(api_client: APIClient, username: str) -> None:
    UserFactory.create(username="Ada")

    response = api_client.post(
        REGISTER, {"username": username, "email": "new@example.com", "password": STRONG_PASSWORD}
    )

    assert response.status_code == 400
    assert response.json() == {"username": ["This username is already taken. Please choose another one."]}
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_register_refuses_a_taken_email_in_any_case(api_client: APIClient) -> None:
    UserFactory.create(email="ada@example.com")

    response = api_client.post(REGISTER, {"username": "ada2", "email": "ADA@example.com", "password": STRONG_PASSWORD})

    assert response.status_code == 400
    assert response.json() == {
        "email": ["An account with this e-mail address already exists. Sign in or reset your password instead."]
    }
    assert User.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1!", "This password is too short. It must contain at least 8 characters."),
        ("password123", "This password is too common."),
        ("8406239175", "This password is entirely numeric."),
        ("ada.lovelace", "The password is too similar to the username."),
    ],
)
def test_register_refuses_a_weak_password(api_client: APIClient, password: str, message: str) -> None:
    response = api_client.post(
        REGISTER, {"username": "ada.lovelace", "email": "someone@example.com", "password": password}
    )

    assert response.status_code == 400
    assert message in response.json()["password"]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_register_names_every_field_at_fault(api_client: APIClient) -> None:
    UserFactory.create(username="ada", email="ada@example.com")

    response = api_client.post(REGISTER, {"username": "ada", "email": "ada@example.com", "password": "123"})

    assert response.status_code == 400
    assert set(response.json()) == {"username", "email", "password"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {},
            {
                "username": ["This field is required."],
                "email": ["This field is required."],
                "password": ["This field is required."],
            },
        ),
        (
            {"username": "ada lovelace", "email": "a@example.com", "password": STRONG_PASSWORD},
            {
                "username": [
                    "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."
                ]
            },
        ),
        (
            {"username": "ada", "email": "not-an-email", "password": STRONG_PASSWORD},
            {"email": ["Enter a valid email address."]},
        ),
        (
            {"username": "a" * 151, "email": "a@example.com", "password": STRONG_PASSWORD},
            {"username": ["Ensure this field has no more than 150 characters."]},
        ),
        (
            {"username": ["ada"], "email": "a@example.com", "password": STRONG_PASSWORD},
            {"username": ["Not a valid string."]},
        ),
        ({"username": "ada", "email": None, "password": STRONG_PASSWORD}, {"email": ["This field may not be null."]}),
        ({"username": "ada", "email": "a@example.com", "password": {"x": 1}}, {"password": ["Not a valid string."]}),
        (
            {"username": "ada", "email": "a@example.com", "password": "x" * 129},
            {"password": ["Ensure this field has no more than 128 characters."]},
        ),
    ],
)
def test_register_refuses_malformed_fields(api_client: APIClient, body: dict[str, Any], errors: dict[str, Any]) -> None:
    response = api_client.post(REGISTER, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", [REGISTER, LOGIN, "/api/auth/refresh/", "/api/auth/logout/", "/api/auth/google/"])
def test_unreadable_bodies_are_refused_with_400(api_client: APIClient, path: str) -> None:
    malformed = api_client.post(path, data="{not json", content_type="application/json")
    not_an_object = api_client.post(path, data="[1, 2]", content_type="application/json")

    assert malformed.status_code == 400
    assert malformed.json()["detail"].startswith("The request body could not be read:")
    assert not_an_object.status_code == 400


# --- login ----------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "credentials",
    [
        {"email": "ada@example.com"},
        {"email": "ADA@Example.com"},
        {"username": "Ada"},
        {"username": "ada"},
    ],
)
def test_login_by_email_or_username_in_any_case(api_client: APIClient, credentials: dict[str, str]) -> None:
    user = UserFactory.create(username="Ada", email="ada@example.com")

    response = api_client.post(LOGIN, {**credentials, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"user", "access", "refresh"}
    assert body["user"] == me_json(user)
    assert decoded(body["access"])["user_id"] == str(user.id)
    assert OutstandingToken.objects.filter(user=user, jti=decoded(body["refresh"])["jti"]).exists()


@pytest.mark.django_db
def test_login_records_the_time(api_client: APIClient, user: User) -> None:
    sign_in(api_client, user)

    user.refresh_from_db()
    assert user.last_login is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "credentials",
    [
        {"email": "ada@example.com", "password": "not-the-password"},
        {"username": "ada", "password": "not-the-password"},
        {"email": "nobody@example.com", "password": DEFAULT_PASSWORD},
        {"username": "nobody", "password": DEFAULT_PASSWORD},
        {"username": "ada", "password": DEFAULT_PASSWORD.upper()},
    ],
)
def test_login_refuses_wrong_credentials_with_401(api_client: APIClient, credentials: dict[str, str]) -> None:
    UserFactory.create(username="ada", email="ada@example.com")

    response = api_client.post(LOGIN, credentials)

    assert response.status_code == 401
    assert response.json() == {"detail": "No active account matches this e-mail address or username and password."}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "vitrin_refresh" not in response.cookies
    assert not OutstandingToken.objects.exists()


@pytest.mark.django_db
def test_an_inactive_user_cannot_log_in(api_client: APIClient) -> None:
    UserFactory.create(username="ada", is_active=False)

    response = api_client.post(LOGIN, {"username": "ada", "password": DEFAULT_PASSWORD})

    assert response.status_code == 401
    assert not OutstandingToken.objects.exists()


@pytest.mark.django_db
def test_an_account_without_a_password_cannot_log_in_with_one(api_client: APIClient) -> None:
    user = UserFactory.create(username="ada")
    user.set_unusable_password()
    user.save()

    response = api_client.post(LOGIN, {"username": "ada", "password": DEFAULT_PASSWORD})

    assert response.status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"password": DEFAULT_PASSWORD}, {"email": ["Enter your e-mail address (or your username)."]}),
        ({"email": "", "username": "", "password": "x"}, {"email": ["Enter your e-mail address (or your username)."]}),
        ({"username": "ada"}, {"password": ["This field is required."]}),
        ({"username": "ada", "password": ""}, {"password": ["This field may not be blank."]}),
        (
            {"username": 7, "password": ["x"]},
            {"username": ["Enter this as text (a JSON string), not a number."], "password": ["Not a valid string."]},
        ),
        ({"username": None, "password": "x"}, {"username": ["This field may not be null."]}),
        ({"username": "ada\x00", "password": "x"}, {"username": ["Null characters are not allowed."]}),
        ({"email": "ada\x00@example.com", "password": "x"}, {"email": ["Null characters are not allowed."]}),
    ],
)
def test_login_refuses_malformed_bodies_with_400(
    api_client: APIClient, body: dict[str, Any], errors: dict[str, Any]
) -> None:
    response = api_client.post(LOGIN, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.django_db
def test_login_ignores_a_stale_authorization_header(api_client: APIClient, user: User) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer expired.or.garbage")

    response = api_client.post(LOGIN, {"username": user.username, "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
