from typing import Any

import pytest
from django.conf import settings as django_settings
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from comments.tests.factories import CommentFactory
from conftest import client_for
from core.tests.support import collect_pages, ids, iso, user_json
from notifications.models import Notification, NotificationVerb
from notifications.tests.factories import NotificationFactory
from products.models import Product, ProductStatus
from products.tests.factories import ProductFactory
from users.models import Follow, User

pytestmark = pytest.mark.django_db

LIST = "/api/notifications/"
UNREAD = "/api/notifications/unread-count/"
READ = "/api/notifications/read/"


def notification_json(notification: Notification, *, is_following: bool = False) -> dict[str, Any]:
    """The Notification object of the contract, for a product its recipient may see (or none)."""
    notification = Notification.objects.select_related("actor", "product").get(pk=notification.pk)
    return {
        "id": notification.pk,
        "verb": notification.verb,
        "actor": user_json(notification.actor, is_following=is_following),
        "product": notification.product_id,
        "product_title": notification.product.title if notification.product else None,
        "comment": notification.comment_id,
        "read": notification.read,
        "created_at": iso(notification.created_at),
    }


def unread_ids(user: User) -> list[int]:
    return list(Notification.objects.filter(recipient=user, read=False).order_by("id").values_list("id", flat=True))


# --- GET /api/notifications/ --------------------------------------------------------------
def test_the_caller_reads_their_notifications_newest_first(user: User, user_client: APIClient) -> None:
    upvote = NotificationFactory.create(recipient=user)
    comment = CommentFactory.create(product=upvote.product)
    commented = NotificationFactory.create(
        recipient=user, actor=comment.author, verb=NotificationVerb.COMMENT, product=upvote.product, comment=comment
    )
    follow = NotificationFactory.create(recipient=user, verb=NotificationVerb.FOLLOW, product=None, read=True)
    NotificationFactory.create()  # someone else's

    response = user_client.get(LIST)

    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [notification_json(follow), notification_json(commented), notification_json(upvote)],
    }
    assert response.json()["results"][0]["product"] is None
    assert response.json()["results"][1]["comment"] == comment.pk


def test_the_actor_says_whether_the_caller_follows_them(user: User, user_client: APIClient) -> None:
    followed = NotificationFactory.create(recipient=user)
    stranger = NotificationFactory.create(recipient=user)
    Follow.objects.create(follower=user, followee=followed.actor)

    results = user_client.get(LIST).json()["results"]

    assert results == [notification_json(stranger), notification_json(followed, is_following=True)]


def test_pages_visit_every_notification_once(user: User, user_client: APIClient) -> None:
    made = [NotificationFactory.create(recipient=user) for _ in range(7)]

    everything = collect_pages(user_client, f"{LIST}?page_size=3")

    assert ids(everything) == [notification.pk for notification in reversed(made)]


def test_each_notification_names_its_product(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user, title="Notion")
    comment = CommentFactory.create(product=product)
    upvoted = NotificationFactory.create(recipient=user, product=product)
    commented = NotificationFactory.create(
        recipient=user, actor=comment.author, verb=NotificationVerb.COMMENT, product=product, comment=comment
    )
    followed = NotificationFactory.create(recipient=user, verb=NotificationVerb.FOLLOW, product=None)

    results = user_client.get(LIST).json()["results"]

    assert [(item["id"], item["product"], item["product_title"]) for item in results] == [
        (followed.pk, None, None),
        (commented.pk, product.pk, "Notion"),
        (upvoted.pk, product.pk, "Notion"),
    ]


def test_the_title_follows_the_product_after_a_rename(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user, title="Before")
    NotificationFactory.create(recipient=user, product=product)
    Product.objects.filter(pk=product.pk).update(title="Renamed")

    assert user_client.get(LIST).json()["results"][0]["product_title"] == "Renamed"


@pytest.mark.parametrize(
    "change",
    [{"status": ProductStatus.DRAFT}, {"status": ProductStatus.ARCHIVED}, {"is_hidden": True}],
    ids=["back-to-draft", "archived", "hidden"],
)
def test_a_product_the_recipient_may_no_longer_see_is_not_named(
    user: User, user_client: APIClient, change: dict[str, Any]
) -> None:
    # A reply on somebody else's product, which its maker then takes out of the window.
    product = ProductFactory.create(title="Secret plans")
    mine = CommentFactory.create(product=product, author=user)
    reply = CommentFactory.create(parent=mine)
    NotificationFactory.create(
        recipient=user, actor=reply.author, verb=NotificationVerb.REPLY, product=product, comment=reply
    )
    Product.objects.filter(pk=product.pk).update(**change)

    item = user_client.get(LIST).json()["results"][0]

    assert (item["product"], item["product_title"], item["comment"]) == (product.pk, None, reply.pk)


@pytest.mark.parametrize("change", [{"status": ProductStatus.ARCHIVED}, {"is_hidden": True}])
def test_the_maker_still_sees_the_title_of_their_archived_or_hidden_product(
    user: User, user_client: APIClient, change: dict[str, Any]
) -> None:
    product = ProductFactory.create(author=user)
    notification = NotificationFactory.create(recipient=user, product=product)
    Product.objects.filter(pk=product.pk).update(**change)

    assert user_client.get(LIST).json()["results"] == [notification_json(notification)]


def test_an_upvote_through_the_api_names_the_product(user: User, other_user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user, title="Notion")

    assert client_for(other_user).post(f"/api/products/{product.pk}/upvote/").status_code == 200

    results = user_client.get(LIST).json()["results"]
    assert [(item["verb"], item["actor"]["id"], item["product_title"]) for item in results] == [
        ("upvote", other_user.pk, "Notion")
    ]


@pytest.mark.parametrize(("count", "page_size"), [(1, 20), (30, 5), (30, 20)])
def test_a_page_costs_a_fixed_number_of_queries(
    user: User,
    user_client: APIClient,
    django_assert_num_queries: DjangoAssertNumQueries,
    count: int,
    page_size: int,
) -> None:
    for index in range(count):
        if index % 3 == 2:
            NotificationFactory.create(recipient=user, verb=NotificationVerb.FOLLOW, product=None)
        else:
            NotificationFactory.create(recipient=user)

    with django_assert_num_queries(2):  # the caller, the page with its actors and product titles
        response = user_client.get(f"{LIST}?page_size={page_size}")

    assert len(response.json()["results"]) == min(count, page_size)


def test_anonymous_callers_have_no_notifications(api_client: APIClient) -> None:
    for response in (api_client.get(LIST), api_client.get(UNREAD), api_client.post(READ, {})):
        assert response.status_code == 401


# --- GET /api/notifications/unread-count/ -------------------------------------------------
def test_the_unread_count_counts_the_callers_unread_notifications(
    user: User, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    NotificationFactory.create_batch(3, recipient=user)
    NotificationFactory.create(recipient=user, read=True)
    NotificationFactory.create()  # someone else's

    with django_assert_num_queries(2):  # the caller, the count
        response = user_client.get(UNREAD)

    assert response.status_code == 200
    assert response.json() == {"unread": 3}


# --- POST /api/notifications/read/ --------------------------------------------------------
def test_marking_some_read_touches_those_only(user: User, other_user: User, user_client: APIClient) -> None:
    first, second, third = NotificationFactory.create_batch(3, recipient=user)
    theirs = NotificationFactory.create(recipient=other_user)

    response = user_client.post(READ, {"ids": [first.pk, third.pk, theirs.pk]})

    assert response.status_code == 204
    assert response.content == b""
    assert unread_ids(user) == [second.pk]
    assert unread_ids(other_user) == [theirs.pk]
    assert user_client.get(UNREAD).json() == {"unread": 1}


def test_marking_without_ids_marks_all_of_the_callers(user: User, other_user: User, user_client: APIClient) -> None:
    NotificationFactory.create_batch(3, recipient=user)
    theirs = NotificationFactory.create(recipient=other_user)

    response = user_client.post(READ)

    assert response.status_code == 204
    assert unread_ids(user) == []
    assert unread_ids(other_user) == [theirs.pk]


def test_an_empty_list_marks_nothing(user: User, user_client: APIClient) -> None:
    made = NotificationFactory.create_batch(2, recipient=user)

    response = user_client.post(READ, {"ids": []})

    assert response.status_code == 204
    assert unread_ids(user) == [notification.pk for notification in made]


IDS_MESSAGE = "Give `ids` as a list of notification ids, or leave it out to mark every notification read."


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"ids": "all"}, {"ids": [IDS_MESSAGE]}),
        ({"ids": 3}, {"ids": [IDS_MESSAGE]}),
        ({"ids": None}, {"ids": [IDS_MESSAGE]}),
        ({"ids": {"id": 3}}, {"ids": [IDS_MESSAGE]}),
        ({"ids": ["three"]}, {"ids": [f"Item 1: {IDS_MESSAGE}"]}),
        ({"ids": [1, 0]}, {"ids": [f"Item 2: {IDS_MESSAGE}"]}),
        ({"ids": [True]}, {"ids": [f"Item 1: {IDS_MESSAGE}"]}),
        ({"ids": [2**70]}, {"ids": [f"Item 1: {IDS_MESSAGE}"]}),
        (
            {"ids": list(range(1, 1002))},
            {"ids": ["Mark at most 1000 notifications read at once, or leave `ids` out for all."]},
        ),
    ],
)
def test_invalid_ids_are_refused_and_nothing_is_marked(
    user: User, user_client: APIClient, body: dict[str, Any], errors: dict[str, Any]
) -> None:
    made = NotificationFactory.create(recipient=user)

    response = user_client.post(READ, body)

    assert response.status_code == 400
    assert response.json() == errors
    assert unread_ids(user) == [made.pk]


def test_malformed_json_is_a_readable_400(user: User, user_client: APIClient) -> None:
    made = NotificationFactory.create(recipient=user)

    response = user_client.post(READ, "{ids: [1]}", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body could not be read: JSON parse error")
    assert unread_ids(user) == [made.pk]


def test_marking_read_is_throttled_like_every_write(user_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "writes", "1/min")

    answers = [user_client.post(READ).status_code for _ in range(2)]

    assert answers == [204, 429]
