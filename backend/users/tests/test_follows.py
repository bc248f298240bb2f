from functools import partial
from typing import Any

import pytest
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from conftest import client_for
from core.tests.support import run_at_once, skip_unless_postgres
from notifications.models import Notification, NotificationVerb
from users.models import Follow, User
from users.services import follow_add
from users.tests.factories import FollowFactory, UserFactory


def follow_path(user: User) -> str:
    return f"/api/users/{user.username}/follow/"


def counts(user: User) -> tuple[int, int]:
    """(followers_count, following_count) as stored."""
    user.refresh_from_db()
    return user.followers_count, user.following_count


def usernames(response: Any) -> list[str]:
    return [person["username"] for person in response.json()["results"]]


# --- follow ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_follow(user_client: APIClient, user: User, other_user: User) -> None:
    response = user_client.post(follow_path(other_user))

    assert response.status_code == 200
    assert response.json() == {"following": True, "followers_count": 1}
    assert counts(other_user) == (1, 0)
    assert counts(user) == (0, 1)
    assert list(Follow.objects.values_list("follower_id", "followee_id")) == [(user.id, other_user.id)]
    assert list(Notification.objects.values_list("recipient_id", "actor_id", "verb", "product_id", "comment_id")) == [
        (other_user.id, user.id, NotificationVerb.FOLLOW, None, None)
    ]


@pytest.mark.django_db
def test_follow_is_idempotent(user_client: APIClient, user: User, other_user: User) -> None:
    user_client.post(follow_path(other_user))

    again = user_client.post(follow_path(other_user))

    assert again.status_code == 200
    assert again.json() == {"following": True, "followers_count": 1}
    assert counts(other_user) == (1, 0)
    assert counts(user) == (0, 1)
    assert Follow.objects.count() == 1
    assert Notification.objects.count() == 1


@pytest.mark.django_db
def test_follow_counts_every_follower(other_user: User) -> None:
    followers = UserFactory.create_batch(3)

    answers = [client_for(follower).post(follow_path(other_user)).json() for follower in followers]

    assert [answer["followers_count"] for answer in answers] == [1, 2, 3]
    assert counts(other_user) == (3, 0)


@pytest.mark.django_db
def test_follow_finds_the_user_in_any_letter_case(user_client: APIClient) -> None:
    ada = UserFactory.create(username="Ada")

    response = user_client.post("/api/users/aDA/follow/")

    assert response.status_code == 200
    assert counts(ada) == (1, 0)


@pytest.mark.django_db
def test_following_yourself_is_refused(user_client: APIClient, user: User) -> None:
    response = user_client.post(follow_path(user))

    assert response.status_code == 400
    assert response.json() == {"detail": "You cannot follow yourself."}
    assert counts(user) == (0, 0)
    assert not Follow.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "delete"])
def test_following_needs_a_signed_in_user(api_client: APIClient, other_user: User, method: str) -> None:
    response = getattr(api_client, method)(follow_path(other_user))

    assert response.status_code == 401
    assert counts(other_user) == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "delete"])
def test_following_an_unknown_user_is_a_404(user_client: APIClient, method: str) -> None:
    response = getattr(user_client, method)("/api/users/nobody/follow/")

    assert response.status_code == 404
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_follow_ignores_any_body(user_client: APIClient, other_user: User) -> None:
    response = user_client.post(follow_path(other_user), data='{"following": false', content_type="text/plain")

    assert response.status_code == 200
    assert response.json() == {"following": True, "followers_count": 1}


# --- unfollow -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_unfollow(user_client: APIClient, user: User, other_user: User) -> None:
    follow_add(follower=user, followee=other_user)

    response = user_client.delete(follow_path(other_user))

    assert response.status_code == 200
    assert response.json() == {"following": False, "followers_count": 0}
    assert counts(other_user) == (0, 0)
    assert counts(user) == (0, 0)
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_unfollow_is_idempotent(user_client: APIClient, user: User, other_user: User) -> None:
    follow_add(follower=UserFactory.create(), followee=other_user)
    follow_add(follower=user, followee=other_user)
    user_client.delete(follow_path(other_user))

    again = user_client.delete(follow_path(other_user))

    assert again.status_code == 200
    assert again.json() == {"following": False, "followers_count": 1}
    assert counts(other_user) == (1, 0)
    assert counts(user) == (0, 0)


@pytest.mark.django_db
def test_unfollowing_yourself_changes_nothing(user_client: APIClient, user: User) -> None:
    response = user_client.delete(follow_path(user))

    assert response.status_code == 200
    assert response.json() == {"following": False, "followers_count": 0}
    assert counts(user) == (0, 0)


@pytest.mark.django_db
def test_follow_again_after_unfollowing_notifies_again(user_client: APIClient, other_user: User) -> None:
    user_client.post(follow_path(other_user))
    user_client.delete(follow_path(other_user))

    response = user_client.post(follow_path(other_user))

    assert response.json() == {"following": True, "followers_count": 1}
    assert Notification.objects.filter(recipient=other_user, verb=NotificationVerb.FOLLOW).count() == 2


# --- followers and following lists ----------------------------------------------------------
@pytest.mark.django_db
def test_followers_are_listed_newest_follow_first(api_client: APIClient) -> None:
    ada = UserFactory.create(username="ada")
    for name in ["first", "second", "third"]:
        FollowFactory.create(follower=UserFactory.create(username=name), followee=ada)

    response = api_client.get("/api/users/ada/followers/")

    assert response.status_code == 200
    assert usernames(response) == ["third", "second", "first"]
    assert response.json()["next"] is None
    assert response.json()["previous"] is None
    assert all("email" not in person for person in response.json()["results"])


@pytest.mark.django_db
def test_following_is_listed_newest_follow_first(api_client: APIClient) -> None:
    ada = UserFactory.create(username="ada")
    for name in ["first", "second", "third"]:
        FollowFactory.create(follower=ada, followee=UserFactory.create(username=name))
    FollowFactory.create(followee=ada)  # a follower, not someone ada follows

    response = api_client.get("/api/users/ADA/following/")

    assert response.status_code == 200
    assert usernames(response) == ["third", "second", "first"]


@pytest.mark.django_db
def test_follow_lists_tell_whether_the_caller_follows_each_person(user: User) -> None:
    ada = UserFactory.create(username="ada")
    followed, not_followed = UserFactory.create(username="followed"), UserFactory.create(username="not_followed")
    FollowFactory.create(follower=followed, followee=ada)
    FollowFactory.create(follower=not_followed, followee=ada)
    FollowFactory.create(follower=user, followee=followed)

    signed_in = client_for(user).get("/api/users/ada/followers/").json()["results"]
    anonymous = APIClient().get("/api/users/ada/followers/").json()["results"]

    assert [(person["username"], person["is_following"]) for person in signed_in] == [
        ("not_followed", False),
        ("followed", True),
    ]
    assert [person["is_following"] for person in anonymous] == [False, False]


@pytest.mark.django_db
def test_follow_lists_show_public_users(api_client: APIClient) -> None:
    ada = UserFactory.create(username="ada")
    grace = UserFactory.create(username="grace", bio="Admiral")
    follow_add(follower=grace, followee=ada)
    grace.refresh_from_db()

    response = api_client.get("/api/users/ada/followers/")

    assert response.json()["results"] == [
        {
            "id": grace.id,
            "username": "grace",
            "first_name": grace.first_name,
            "last_name": grace.last_name,
            "avatar": "",
            "avatar_variants": None,
            "bio": "Admiral",
            "website": "",
            "created_at": grace.created_at.isoformat().replace("+00:00", "Z"),
            "products_count": 0,
            "followers_count": 0,
            "following_count": 1,
            "is_following": False,
        }
    ]


@pytest.mark.django_db
def test_follow_lists_page_through_every_person_once_while_people_follow(api_client: APIClient) -> None:
    ada = UserFactory.create(username="ada")
    for number in range(7):
        FollowFactory.create(follower=UserFactory.create(username=f"fan{number}"), followee=ada)

    seen: list[str] = []
    url: str | None = "/api/users/ada/followers/?page_size=3"
    while url is not None:
        page = api_client.get(url).json()
        seen += [person["username"] for person in page["results"]]
        url = page["next"]
        FollowFactory.create(follower=UserFactory.create(), followee=ada)  # a newer follow, ahead of the cursor

    assert seen == [f"fan{number}" for number in reversed(range(7))]


@pytest.mark.django_db
@pytest.mark.parametrize("list_name", ["followers", "following"])
def test_follow_lists_of_an_unknown_user_are_a_404(api_client: APIClient, list_name: str) -> None:
    response = api_client.get(f"/api/users/nobody/{list_name}/")

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", ["lots", "0", "-1"])
def test_follow_lists_refuse_a_bad_page_size(api_client: APIClient, page_size: str) -> None:
    UserFactory.create(username="ada")

    response = api_client.get(f"/api/users/ada/followers/?page_size={page_size}")

    assert response.status_code == 400
    assert response.json() == {"page_size": ["Give page_size as a whole number from 1 to 100."]}


@pytest.mark.django_db
def test_follow_lists_refuse_a_forged_cursor(api_client: APIClient) -> None:
    UserFactory.create(username="ada")

    response = api_client.get("/api/users/ada/following/?cursor=not-a-cursor")

    assert response.status_code == 400
    assert response.json() == {"cursor": ["This page link is invalid. Start again from the first page."]}


@pytest.mark.django_db
@pytest.mark.parametrize("people", [2, 20])
@pytest.mark.parametrize("list_name", ["followers", "following"])
def test_follow_lists_take_a_fixed_number_of_queries(
    django_assert_num_queries: DjangoAssertNumQueries, user: User, people: int, list_name: str
) -> None:
    ada = UserFactory.create(username="ada")
    for person in UserFactory.create_batch(people):
        if list_name == "followers":
            FollowFactory.create(follower=person, followee=ada)
        else:
            FollowFactory.create(follower=ada, followee=person)
        FollowFactory.create(follower=user, followee=person)
    signed_in, anonymous = client_for(user), APIClient()

    # the caller (signed in only), the user, the page with each person and is_following
    with django_assert_num_queries(3):
        signed_in_page = signed_in.get(f"/api/users/ada/{list_name}/?page_size=100")
    with django_assert_num_queries(2):
        anonymous_page = anonymous.get(f"/api/users/ada/{list_name}/?page_size=100")

    assert len(signed_in_page.json()["results"]) == people
    assert all(person["is_following"] for person in signed_in_page.json()["results"])
    assert len(anonymous_page.json()["results"]) == people


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["anonymous", "signed_in"])
def test_a_profile_takes_a_fixed_number_of_queries(
    django_assert_num_queries: DjangoAssertNumQueries, user: User, viewer: str
) -> None:
    UserFactory.create(username="ada")
    client = client_for(user) if viewer == "signed_in" else APIClient()

    with django_assert_num_queries(2 if viewer == "signed_in" else 1):
        response = client.get("/api/users/ada/")

    assert response.status_code == 200


# --- concurrency (PostgreSQL) ---------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_follows_keep_exact_counts() -> None:
    skip_unless_postgres()
    star = UserFactory.create(username="star")
    fans = UserFactory.create_batch(8)
    clients = [client_for(fan) for fan in fans]

    # 16 requests at once: every fan follows twice.
    responses = run_at_once([partial(clients[index % 8].post, "/api/users/star/follow/") for index in range(16)])

    assert [response.status_code for response in responses] == [200] * 16
    assert counts(star) == (8, 0)
    assert [counts(fan) for fan in fans] == [(0, 1)] * 8
    assert Follow.objects.filter(followee=star).count() == 8
    assert Notification.objects.filter(recipient=star).count() == 8

    # and 16 at once again: half of the fans stop following, twice each.
    responses = run_at_once([partial(clients[index % 4].delete, "/api/users/star/follow/") for index in range(16)])

    assert [response.status_code for response in responses] == [200] * 16
    assert counts(star) == (4, 0)
    assert [counts(fan) for fan in fans] == [(0, 0)] * 4 + [(0, 1)] * 4


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_following_each_other_at_once_does_not_deadlock() -> None:
    skip_unless_postgres()
    ada, grace = UserFactory.create(username="ada"), UserFactory.create(username="grace")
    clients = {"ada": client_for(ada), "grace": client_for(grace)}

    def follow_each_other(index: int) -> int:
        follower, followee = ("ada", "grace") if index % 2 else ("grace", "ada")
        return clients[follower].post(f"/api/users/{followee}/follow/").status_code

    statuses = run_at_once([partial(follow_each_other, index) for index in range(16)])

    assert statuses == [200] * 16
    assert counts(ada) == (1, 1)
    assert counts(grace) == (1, 1)
