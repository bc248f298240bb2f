"""A discussion cannot be made arbitrarily large: each comment shows its first three direct
replies, two levels down at most, with `reply_count` and a `replies_next` link; the rest come
page by page from /api/comments/{id}/replies/."""

from typing import Any

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from comments.models import Comment
from comments.services import comment_update
from comments.tests.factories import CommentFactory
from comments.tests.support import comment_json, comments_url
from core.cache import bump_cache_version, comments_namespace
from core.pagination import INVALID_CURSOR_MESSAGE
from core.tests.support import collect_pages, ids
from products.tests.factories import ProductFactory, draft_factory
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The largest a comment's text may be (the API refuses more), and the character that costs the
# most bytes in JSON: a control character is written as a six-byte escape (\u0001).
LONGEST_CONTENT = "\u0001" * 5000


def replies_url(comment: Comment | int, query: str = "") -> str:
    comment_id = comment if isinstance(comment, int) else comment.pk
    return f"/api/comments/{comment_id}/replies/{query}"


def first_page_link(comment: Comment) -> str:
    return f"http://testserver{replies_url(comment)}"


def bulk_replies(
    parent: Comment, count: int, *, content: str = "x" * 1000, author: User | None = None
) -> list[Comment]:
    """`count` replies to `parent`, oldest first, written in one statement."""
    return Comment.objects.bulk_create(
        Comment(
            product_id=parent.product_id,
            author=author or parent.author,
            parent=parent,
            root_id=parent.root_id or parent.pk,
            content=content,
        )
        for _ in range(count)
    )


def chain(parent: Comment, length: int) -> list[Comment]:
    """`length` replies, each answering the one before, the first answering `parent`."""
    replies: list[Comment] = []
    for _ in range(length):
        replies.append(CommentFactory.create(parent=replies[-1] if replies else parent))
    return replies


# --- the discussion -----------------------------------------------------------------------
def test_a_thread_of_500_replies_shows_its_first_three_and_a_link_to_the_rest(api_client: APIClient) -> None:
    product = ProductFactory.create()
    root = CommentFactory.create(product=product)
    replies = bulk_replies(root, 500)

    response = api_client.get(comments_url(product))

    assert response.status_code == 200
    (thread,) = response.json()["results"]
    assert thread["reply_count"] == 500
    assert ids(thread["replies"]) == [reply.pk for reply in replies[:3]]
    assert [reply["reply_count"] for reply in thread["replies"]] == [0, 0, 0]
    assert [reply["replies_next"] for reply in thread["replies"]] == [None, None, None]
    assert thread["replies_next"].startswith(f"{first_page_link(root)}?cursor=")
    # Four comments of 1,000 characters and their authors: the 496 other replies are not in it.
    assert len(response.content) < 6_000


def test_following_replies_next_visits_every_direct_reply_exactly_once(api_client: APIClient) -> None:
    root = CommentFactory.create()
    replies = bulk_replies(root, 50, content="Me too.")
    thread = api_client.get(comments_url(root.product)).json()["results"][0]

    rest = collect_pages(api_client, f"{thread['replies_next']}&page_size=7")

    assert ids(thread["replies"]) + ids(rest) == [reply.pk for reply in replies]
    assert len(rest) == 47


def test_a_deep_chain_is_cut_two_levels_down_with_a_link_to_go_on(api_client: APIClient) -> None:
    root = CommentFactory.create()
    first, second, third, fourth, fifth, sixth = chain(root, 6)

    discussion = api_client.get(comments_url(root.product)).json()["results"]
    below_second = api_client.get(replies_url(second)).json()

    assert discussion == [
        comment_json(
            root,
            comment_json(first, comment_json(second, replies_next=first_page_link(second))),
        )
    ]
    assert below_second == {
        "next": None,
        "previous": None,
        "results": [
            comment_json(third, comment_json(fourth, comment_json(fifth, replies_next=first_page_link(fifth))))
        ],
    }
    assert api_client.get(replies_url(fifth)).json()["results"] == [comment_json(sixth)]


def test_each_inline_level_shows_three_replies_and_links_to_the_rest(api_client: APIClient) -> None:
    root = CommentFactory.create()
    children = bulk_replies(root, 4, content="Child.")
    grandchildren = bulk_replies(children[0], 5, content="Grandchild.")

    (thread,) = api_client.get(comments_url(root.product)).json()["results"]

    assert (thread["reply_count"], ids(thread["replies"])) == (4, [child.pk for child in children[:3]])
    first_child = thread["replies"][0]
    assert (first_child["reply_count"], ids(first_child["replies"])) == (5, [g.pk for g in grandchildren[:3]])
    assert [child["replies_next"] for child in thread["replies"][1:]] == [None, None]
    # The links continue after the replies shown.
    assert ids(api_client.get(thread["replies_next"]).json()["results"]) == [children[3].pk]
    assert ids(api_client.get(first_child["replies_next"]).json()["results"]) == [g.pk for g in grandchildren[3:]]


def test_the_largest_page_is_bounded_whatever_the_threads(api_client: APIClient) -> None:
    """The worst case: 100 top-level comments a page, each with more replies than are shown at
    every level and deeper replies under the last level shown, every comment as long as allowed
    and made of the costliest character, by an author whose every field is as long as allowed.
    A page then holds 100 x (1 + 3 + 9) = 1,300 comments, whatever the size of the threads."""
    author = UserFactory.create(
        username="u" * 150,
        first_name="\u0001" * 150,
        last_name="\u0001" * 150,
        bio="\u0001" * 500,
        website="https://" + "w" * 284 + ".example",  # 300 characters
        avatar="a" * 500,
    )
    product = ProductFactory.create()
    roots = Comment.objects.bulk_create(
        Comment(product=product, author=author, content=LONGEST_CONTENT) for _ in range(100)
    )
    for root in roots:
        for child in bulk_replies(root, 4, content=LONGEST_CONTENT)[:3]:
            for grandchild in bulk_replies(child, 4, content=LONGEST_CONTENT)[:3]:
                bulk_replies(grandchild, 1, content="Deeper.")

    response = api_client.get(f"{comments_url(product)}?page_size=100")

    results = response.json()["results"]
    shown = [
        *results,
        *(r for c in results for r in c["replies"]),
        *(g for c in results for r in c["replies"] for g in r["replies"]),
    ]
    assert len(shown) == 1_300
    assert Comment.objects.filter(product=product).count() == 100 * (1 + 4 + 12 + 9)
    assert len(response.content) < 48_000_000  # docs/api.md states this bound (measured: 47.1 MB)


# --- the replies endpoint ------------------------------------------------------------------
def test_the_replies_of_a_comment_come_oldest_first_each_with_its_own_first_replies(api_client: APIClient) -> None:
    root = CommentFactory.create()
    older, newer = CommentFactory.create(parent=root), CommentFactory.create(parent=root)
    under_older = CommentFactory.create(parent=older)
    CommentFactory.create()  # another discussion

    response = api_client.get(replies_url(root))

    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [comment_json(older, comment_json(under_older)), comment_json(newer)],
    }


def test_a_comment_without_replies_has_an_empty_list(api_client: APIClient) -> None:
    comment = CommentFactory.create()

    response = api_client.get(replies_url(comment))

    assert (response.status_code, response.json()) == (200, {"next": None, "previous": None, "results": []})


def test_the_replies_under_someone_elses_draft_do_not_exist_for_others(
    user: User, user_client: APIClient, other_client: APIClient, staff_client: APIClient, api_client: APIClient
) -> None:
    draft = draft_factory(author=user)
    comment = CommentFactory.create(product=draft, author=user)
    reply = CommentFactory.create(parent=comment)

    for client in (other_client, staff_client, api_client):
        response = client.get(replies_url(comment))
        assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    by_author = user_client.get(replies_url(comment))
    assert by_author.json()["results"] == [comment_json(reply)]
    assert by_author["Cache-Control"] == "private, no-store"
    # Once its author has read it, it is still nobody else's (nothing was shared).
    assert api_client.get(replies_url(comment)).status_code == 404
    assert api_client.get(replies_url(reply)).status_code == 404


def test_an_unknown_comment_has_no_replies(api_client: APIClient) -> None:
    unknown = api_client.get(replies_url(999_999))
    beyond_any_id = api_client.get(replies_url(99_999_999_999_999_999_999_999))

    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Not found."})
    assert (beyond_any_id.status_code, beyond_any_id.json()) == (404, {"detail": "There is nothing at this address."})


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?cursor=not-a-cursor", "cursor", INVALID_CURSOR_MESSAGE),
        ("?cursor=WyIyMDI2Il0", "cursor", INVALID_CURSOR_MESSAGE),
        ("?page_size=0", "page_size", "Give page_size as a whole number from 1 to 100."),
        ("?page_size=many", "page_size", "Give page_size as a whole number from 1 to 100."),
    ],
)
def test_a_bad_page_link_is_a_readable_400(api_client: APIClient, query: str, field: str, message: str) -> None:
    comment = CommentFactory.create()
    CommentFactory.create(parent=comment)

    response = api_client.get(replies_url(comment, query))

    assert (response.status_code, response.json()) == (400, {field: [message]})


def test_a_page_of_replies_is_capped_at_100(api_client: APIClient) -> None:
    root = CommentFactory.create()
    bulk_replies(root, 101, content="Same here.")

    response = api_client.get(replies_url(root, "?page_size=1000"))

    assert len(response.json()["results"]) == 100
    assert response.json()["next"] is not None


# --- queries ------------------------------------------------------------------------------
@pytest.mark.parametrize(("replies", "depth"), [(0, 0), (1, 1), (40, 6)])
def test_a_discussion_page_costs_three_queries_whatever_its_threads(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries, replies: int, depth: int
) -> None:
    product = ProductFactory.create()
    for _ in range(3):
        root = CommentFactory.create(product=product)
        for reply in [*bulk_replies(root, replies), *chain(root, depth)][:5]:
            bulk_replies(reply, replies)

    # the page's top-level comments, their first replies, the first replies of those
    with django_assert_num_queries(3 if replies or depth else 1):
        response = api_client.get(f"{comments_url(product)}?page_size=3")

    assert len(response.json()["results"]) == 3


@pytest.mark.parametrize("replies", [1, 40])
def test_a_page_of_replies_costs_three_queries_whatever_its_threads(
    api_client: APIClient, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries, replies: int
) -> None:
    root = CommentFactory.create()
    for reply in bulk_replies(root, replies):
        for grandchild in chain(reply, 4)[:1]:
            bulk_replies(grandchild, replies)
    with django_assert_num_queries(4):  # which product the comment is under (then cached), and the page
        api_client.get(replies_url(root, "?page_size=1"))

    # the replies (if the product may be seen), their first replies, the first replies of those
    with django_assert_num_queries(3):
        anonymous = api_client.get(replies_url(root, "?page_size=5"))
    bump_cache_version(comments_namespace(root.product_id))  # the signed-in read computes the page too
    with django_assert_num_queries(5):  # the caller, the same three, whom the caller follows
        signed_in = user_client.get(replies_url(root, "?page_size=5"))

    assert len(anonymous.json()["results"]) == min(replies, 5)
    assert signed_in.json() == anonymous.json()


# --- the shared cache ---------------------------------------------------------------------
def test_a_new_reply_shows_in_the_cached_reply_list_at_once(api_client: APIClient, user_client: APIClient) -> None:
    root = CommentFactory.create()
    assert api_client.get(replies_url(root)).json()["results"] == []

    reply = user_client.post(comments_url(root.product), {"content": "Indeed.", "parent": root.pk}).json()

    assert ids(api_client.get(replies_url(root)).json()["results"]) == [reply["id"]]


def test_an_edit_through_the_service_makes_the_cached_discussion_stale(api_client: APIClient) -> None:
    comment = CommentFactory.create(content="Frist!")
    url = comments_url(comment.product)
    assert api_client.get(url).json()["results"][0]["content"] == "Frist!"

    comment_update(comment=comment, content="First!")

    assert api_client.get(url).json()["results"][0]["content"] == "First!"


def test_a_deletion_in_the_admin_makes_the_cached_discussion_and_replies_stale(
    admin_client: Client, api_client: APIClient
) -> None:
    root = CommentFactory.create()
    reply = CommentFactory.create(parent=root)
    url = comments_url(root.product)
    before: list[dict[str, Any]] = api_client.get(url).json()["results"]
    assert ids(before[0]["replies"]) == [reply.pk]
    assert ids(api_client.get(replies_url(root)).json()["results"]) == [reply.pk]

    admin_client.post("/admin/comments/comment/", {"action": "delete_comments", "_selected_action": [reply.pk]})

    assert api_client.get(url).json()["results"] == [comment_json(root)]
    assert api_client.get(replies_url(root)).json()["results"] == []
