from typing import Any

import pytest
from rest_framework.test import APIClient

from conftest import client_for
from core.tests.support import me_json, user_json
from uploads.tests.factories import UploadFactory
from users.models import User
from users.services import follow_add
from users.tests.factories import UserFactory

ME = "/api/auth/me/"
AVATAR_NOT_UPLOADED = {"avatar": ["Upload the image through /api/uploads/ first, then use the URL it returns."]}


def public_user(user: User, *, is_following: bool = False) -> dict[str, Any]:
    """The public User object of the contract, as the database holds `user` now."""
    user.refresh_from_db()
    return user_json(user, is_following=is_following)


# --- me -------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_me_shows_the_caller_with_the_email(user_client: APIClient, user: User) -> None:
    response = user_client.get(ME)

    assert response.status_code == 200
    assert response.json() == me_json(user)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "patch"])
def test_me_needs_a_signed_in_user(api_client: APIClient, method: str) -> None:
    response = getattr(api_client, method)(ME, {"bio": "hi"})

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}


@pytest.mark.django_db
def test_me_refuses_an_invalid_access_token(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    assert api_client.get(ME).status_code == 401


@pytest.mark.django_db
def test_patch_me_changes_the_profile(user_client: APIClient, user: User) -> None:
    avatar = UploadFactory.create(owner=user).url

    response = user_client.patch(
        ME,
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "bio": "Wrote the first program.",
            "website": "https://ada.example.com/notes?page=1",
            "avatar": avatar,
        },
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.bio, user.website, user.avatar) == (
        "Ada",
        "Lovelace",
        "Wrote the first program.",
        "https://ada.example.com/notes?page=1",
        avatar,
    )
    assert response.json() == me_json(user)


@pytest.mark.django_db
def test_patch_me_changes_only_what_is_sent(user_client: APIClient) -> None:
    user = User.objects.get()
    User.objects.filter(pk=user.pk).update(bio="Old bio", website="http://old.example.com")

    response = user_client.patch(ME, {"bio": ""})

    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.bio, user.website) == ("", "http://old.example.com")


@pytest.mark.django_db
def test_patch_me_removes_the_avatar_with_an_empty_string(user_client: APIClient, user: User) -> None:
    User.objects.filter(pk=user.pk).update(avatar=UploadFactory.create(owner=user).url)

    response = user_client.patch(ME, {"avatar": ""})

    assert response.status_code == 200
    assert response.json()["avatar"] == ""
    user.refresh_from_db()
    assert user.avatar == ""


@pytest.mark.django_db
@pytest.mark.parametrize("avatar", ["https://elsewhere.example.com/cat.png", "/media/uploads/never-uploaded.png"])
def test_patch_me_refuses_an_avatar_that_was_not_uploaded(user_client: APIClient, user: User, avatar: str) -> None:
    response = user_client.patch(ME, {"avatar": avatar})

    assert response.status_code == 400
    assert response.json() == AVATAR_NOT_UPLOADED
    user.refresh_from_db()
    assert user.avatar == ""


@pytest.mark.django_db
def test_patch_me_refuses_an_image_someone_else_uploaded(user_client: APIClient, user: User, other_user: User) -> None:
    response = user_client.patch(ME, {"avatar": UploadFactory.create(owner=other_user).url, "bio": "Mine now"})

    assert response.status_code == 400
    assert response.json() == AVATAR_NOT_UPLOADED
    user.refresh_from_db()
    assert (user.avatar, user.bio) == ("", "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"website": "ftp://ada.example.com"}, {"website": ["Enter a web address starting with http:// or https://."]}),
        ({"website": "javascript:alert(1)"}, {"website": ["Enter a web address starting with http:// or https://."]}),
        ({"website": "ada.example.com"}, {"website": ["Enter a web address starting with http:// or https://."]}),
        (
            {"website": "https://ada.example.com/" + "p" * 300},
            {"website": ["Ensure this field has no more than 300 characters."]},
        ),
        ({"bio": "b" * 501}, {"bio": ["Ensure this field has no more than 500 characters."]}),
        ({"first_name": "f" * 151}, {"first_name": ["Ensure this field has no more than 150 characters."]}),
        ({"last_name": None}, {"last_name": ["This field may not be null."]}),
        ({"bio": {"text": "hi"}}, {"bio": ["Not a valid string."]}),
        ({"bio": "nul\x00byte"}, {"bio": ["Null characters are not allowed."]}),
        ({"avatar": "a" * 501}, {"avatar": ["Ensure this field has no more than 500 characters."]}),
    ],
)
def test_patch_me_refuses_invalid_values(
    user_client: APIClient, user: User, body: dict[str, Any], errors: dict[str, Any]
) -> None:
    before = public_user(user)

    response = user_client.patch(ME, body, format="json")

    assert response.status_code == 400
    assert response.json() == errors
    assert public_user(user) == before


SERVER_OWNED = {
    "id": 999,
    "username": "someone-else",
    "email": "hijack@example.com",
    "email_verified": True,
    "is_staff": True,
    "is_superuser": True,
    "is_active": False,
    "password": "new-password-123",
    "followers_count": 1000,
    "following_count": 1000,
    "products_count": 1000,
    "created_at": "2000-01-01T00:00:00Z",
    "is_following": True,
}


@pytest.mark.django_db
@pytest.mark.parametrize("field", sorted(SERVER_OWNED))
def test_a_client_can_never_set_server_owned_fields(user_client: APIClient, user: User, field: str) -> None:
    before = {
        **me_json(user),
        "is_staff": user.is_staff,
        "password": user.password,
    }

    response = user_client.patch(ME, {field: SERVER_OWNED[field], "bio": "changed"}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        field: ["This field cannot be changed here. You can change: first_name, last_name, bio, website, avatar."]
    }
    user.refresh_from_db()
    assert {
        **me_json(user),
        "is_staff": user.is_staff,
        "password": user.password,
    } == before


@pytest.mark.django_db
def test_patch_me_refuses_a_body_that_is_not_an_object(user_client: APIClient) -> None:
    not_an_object = user_client.patch(ME, data='["bio"]', content_type="application/json")
    malformed = user_client.patch(ME, data='{"bio": ', content_type="application/json")

    assert not_an_object.status_code == 400
    assert not_an_object.json() == {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}
    assert malformed.status_code == 400


# --- public profiles ------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_profile_is_public_and_never_shows_the_email(api_client: APIClient) -> None:
    ada = UserFactory.create(username="Ada", bio="Analyst", website="https://ada.example.com")

    response = api_client.get("/api/users/Ada/")

    assert response.status_code == 200
    assert response.json() == public_user(ada)
    assert "email" not in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/users/ada/", "/api/users/ADA/", "/api/users/aDa/"])
def test_profiles_are_found_in_any_letter_case(api_client: APIClient, path: str) -> None:
    ada = UserFactory.create(username="Ada")

    response = api_client.get(path)

    assert response.status_code == 200
    assert response.json()["id"] == ada.id


@pytest.mark.django_db
def test_a_profile_tells_whether_the_caller_follows(user: User, other_user: User) -> None:
    follow_add(follower=user, followee=other_user)

    followed = client_for(user).get(f"/api/users/{other_user.username}/")
    not_followed = client_for(other_user).get(f"/api/users/{user.username}/")
    anonymous = APIClient().get(f"/api/users/{other_user.username}/")

    assert followed.json() == public_user(other_user, is_following=True)
    assert followed.json()["followers_count"] == 1
    assert not_followed.json()["is_following"] is False
    assert not_followed.json()["following_count"] == 1
    assert anonymous.json()["is_following"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["nobody", "ada%20lovelace", "a" * 300])
def test_an_unknown_profile_is_a_404(api_client: APIClient, username: str) -> None:
    UserFactory.create(username="ada")

    response = api_client.get(f"/api/users/{username}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
