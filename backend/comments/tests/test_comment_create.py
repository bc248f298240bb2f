from typing import Any

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from comments.models import Comment
from comments.services import COMMENT_MAX_DEPTH
from comments.tests.factories import CommentFactory, thread_factory
from comments.tests.support import comment_json, comments_url, stored_comment_count
from conftest import client_for
from notifications.models import Notification, NotificationVerb
from products.models import ProductStatus
from products.tests.factories import ProductFactory, draft_factory
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def notifications() -> list[tuple[int, int, str, int | None, int | None]]:
    """(recipient, actor, verb, product, comment) of every notification, oldest first."""
    return list(
        Notification.objects.order_by("id").values_list("recipient_id", "actor_id", "verb", "product_id", "comment_id")
    )


# --- success ------------------------------------------------------------------------------
def test_a_signed_in_user_comments_and_the_maker_is_told(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create()

    response = user_client.post(comments_url(product), {"content": "  Lovely launch!  "})

    assert response.status_code == 201
    comment = Comment.objects.get()
    assert response.json() == comment_json(comment)
    assert (comment.product_id, comment.author_id, comment.parent_id, comment.root_id) == (
        product.pk,
        user.pk,
        None,
        None,
    )
    assert comment.content == "Lovely launch!"
    assert stored_comment_count(product) == 1
    assert notifications() == [(product.author_id, user.pk, NotificationVerb.COMMENT, product.pk, comment.pk)]


def test_a_reply_joins_its_thread_and_the_parents_author_is_told(user: User, user_client: APIClient) -> None:
    top = CommentFactory.create()
    reply = CommentFactory.create(parent=top)

    response = user_client.post(comments_url(top.product), {"content": "Agreed.", "parent": reply.pk})

    assert response.status_code == 201
    created = Comment.objects.get(pk=response.json()["id"])
    assert response.json() == comment_json(created)
    assert response.json()["parent"] == reply.pk
    assert response.json()["replies"] == []
    assert (created.parent_id, created.root_id) == (reply.pk, top.pk)
    assert notifications() == [(reply.author_id, user.pk, NotificationVerb.REPLY, top.product_id, created.pk)]


def test_nobody_is_told_of_their_own_comments(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user)

    mine = user_client.post(comments_url(product), {"content": "Ask me anything."}).json()
    user_client.post(comments_url(product), {"content": "And a follow-up.", "parent": mine["id"]})

    assert notifications() == []
    assert stored_comment_count(product) == 2


def test_the_longest_comment_is_accepted(user_client: APIClient) -> None:
    product = ProductFactory.create()

    response = user_client.post(comments_url(product), {"content": f" {'a' * 5000} "})

    assert response.status_code == 201
    assert response.json()["content"] == "a" * 5000


def test_the_author_comments_on_their_own_draft(user: User, user_client: APIClient) -> None:
    draft = draft_factory(author=user)

    response = user_client.post(comments_url(draft), {"content": "Note to self."})

    assert response.status_code == 201
    assert stored_comment_count(draft) == 1


def test_comment_count_follows_every_new_comment(user_client: APIClient, other_client: APIClient) -> None:
    product = ProductFactory.create()

    first = user_client.post(comments_url(product), {"content": "One."}).json()
    other_client.post(comments_url(product), {"content": "Two.", "parent": first["id"]})
    other_client.post(comments_url(product), {"content": "Three."})

    assert stored_comment_count(product) == 3


# --- refusals -----------------------------------------------------------------------------
BLANK = {"content": ["A comment cannot be empty."]}
NOT_TEXT = {"content": ["Send the comment's text as a string."]}
MISSING = {"content": ["Write the text of the comment in `content`."]}
BAD_PARENT = {"parent": ["Give `parent` as the id of the comment you reply to."]}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, MISSING),
        ({"content": None}, MISSING),
        ({"content": ""}, BLANK),
        ({"content": " \n\t "}, BLANK),
        ({"content": "a" * 5001}, {"content": ["A comment can be at most 5000 characters long."]}),
        ({"content": 42}, NOT_TEXT),
        ({"content": True}, NOT_TEXT),
        ({"content": ["hello"]}, NOT_TEXT),
        ({"content": {"text": "hello"}}, NOT_TEXT),
        ({"content": "null\x00byte"}, {"content": ["Null characters are not allowed."]}),
        ({"content": "Hi", "parent": "first"}, BAD_PARENT),
        ({"content": "Hi", "parent": True}, BAD_PARENT),
        ({"content": "Hi", "parent": 0}, BAD_PARENT),
        ({"content": "Hi", "parent": -4}, BAD_PARENT),
        ({"content": "Hi", "parent": 2**70}, BAD_PARENT),
        ({"content": "Hi", "parent": [1]}, BAD_PARENT),
    ],
)
def test_invalid_comments_are_refused_and_nothing_changes(
    user_client: APIClient, body: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    product = ProductFactory.create()

    response = user_client.post(comments_url(product), body)

    assert response.status_code == 400
    assert response.json() == errors
    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0
    assert notifications() == []


@pytest.mark.parametrize(
    ("body", "content_type", "status", "errors"),
    [
        (
            "{not json",
            "application/json",
            400,
            {
                "detail": "The request body could not be read: JSON parse error - "
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
            },
        ),
        (
            '"text"',
            "application/json",
            400,
            {"non_field_errors": ["Invalid data. Expected a dictionary, but got str."]},
        ),
        (
            "[1, 2]",
            "application/json",
            400,
            {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]},
        ),
        (
            "content=Hi",
            "text/plain",
            415,
            {"detail": "Send the body as JSON (Content-Type: application/json), or multipart for uploads."},
        ),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused_readably(
    user_client: APIClient, body: str, content_type: str, status: int, errors: dict[str, Any]
) -> None:
    product = ProductFactory.create()

    response = user_client.post(comments_url(product), body, content_type=content_type)

    assert response.status_code == status
    assert response.json() == errors
    assert Comment.objects.count() == 0


def test_a_reply_must_answer_a_comment_of_the_same_product(user_client: APIClient) -> None:
    product = ProductFactory.create()
    elsewhere = CommentFactory.create()

    foreign = user_client.post(comments_url(product), {"content": "Hi", "parent": elsewhere.pk})
    unknown = user_client.post(comments_url(product), {"content": "Hi", "parent": 987654})

    for response in (foreign, unknown):
        assert response.status_code == 400
        assert response.json() == {"parent": ["This product has no comment with this id to reply to."]}
    assert Comment.objects.count() == 1
    assert stored_comment_count(product) == 0


def test_a_deleted_comment_takes_no_replies(user_client: APIClient) -> None:
    placeholder = CommentFactory.create(is_deleted=True, content="")
    CommentFactory.create(parent=placeholder)

    response = user_client.post(comments_url(placeholder.product), {"content": "Hi", "parent": placeholder.pk})

    assert response.status_code == 400
    assert response.json() == {"parent": ["That comment was deleted, so it can no longer be replied to."]}
    assert Comment.objects.count() == 2


def test_a_thread_goes_as_deep_as_the_limit_and_no_deeper(user_client: APIClient, api_client: APIClient) -> None:
    product = ProductFactory.create()
    root = thread_factory(product=product, size=COMMENT_MAX_DEPTH, depth=COMMENT_MAX_DEPTH - 1)
    deepest = Comment.objects.filter(root=root).latest("id")

    at_the_limit = user_client.post(comments_url(product), {"content": "Deepest.", "parent": deepest.pk})
    beyond = user_client.post(comments_url(product), {"content": "Too deep.", "parent": at_the_limit.json()["id"]})
    thread = api_client.get(comments_url(product))

    assert at_the_limit.status_code == 201
    assert beyond.status_code == 400
    assert beyond.json() == {
        "parent": [
            "This conversation is nested as deeply as it can be (100 replies deep); reply to an earlier comment in it."
        ]
    }
    assert thread.status_code == 200
    # The chain is the first reply at every level: inline two levels at a time, then its link.
    level, depth = thread.json()["results"][0], 0
    while level["replies"] or level["replies_next"]:
        replies = level["replies"] or api_client.get(level["replies_next"]).json()["results"]
        level, depth = replies[0], depth + 1
    assert (depth, level["content"]) == (COMMENT_MAX_DEPTH, "Deepest.")


def test_anonymous_callers_cannot_comment(api_client: APIClient) -> None:
    product = ProductFactory.create()

    response = api_client.post(comments_url(product), {"content": "Hi"})

    assert response.status_code == 401
    assert Comment.objects.count() == 0


def test_nobody_else_comments_on_a_draft(other_client: APIClient, staff_client: APIClient, user: User) -> None:
    draft = draft_factory(author=user)

    for client in (other_client, staff_client):
        assert client.post(comments_url(draft), {"content": "Hi"}).status_code == 404
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("unlisted", [{"status": ProductStatus.ARCHIVED}, {"is_hidden": True}])
def test_an_unlisted_product_takes_comments_from_its_author_only(
    user: User,
    user_client: APIClient,
    other_client: APIClient,
    staff_client: APIClient,
    unlisted: dict[str, Any],
) -> None:
    product = ProductFactory.create(author=user, **unlisted)

    by_other = other_client.post(comments_url(product), {"content": "Hi"})
    by_staff = staff_client.post(comments_url(product), {"content": "Hi"})  # staff see it, to moderate
    by_author = user_client.post(comments_url(product), {"content": "Still here."})

    assert (by_other.status_code, by_staff.status_code, by_author.status_code) == (404, 403, 201)
    assert by_staff.json() == {"detail": "Only its author can comment on a product that is not published."}
    assert stored_comment_count(product) == 1


def test_an_unknown_product_takes_no_comments(user_client: APIClient) -> None:
    assert user_client.post("/api/products/999999/comments/", {"content": "Hi"}).status_code == 404


def test_writing_too_fast_is_throttled(user_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "writes", "2/min")
    product = ProductFactory.create()

    answers = [user_client.post(comments_url(product), {"content": f"Comment {n}"}) for n in range(3)]
    someone_else = client_for(UserFactory.create()).post(comments_url(product), {"content": "Mine."})

    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert answers[2].json()["detail"].startswith("Too many requests. Try again in ")
    assert someone_else.status_code == 201
    assert stored_comment_count(product) == 3
