import pytest
from django.core.cache import cache
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from comments.models import Comment
from comments.tests.factories import CommentFactory, thread_factory
from comments.tests.support import comment_json, comments_url
from core.tests.support import collect_pages, ids
from products.tests.factories import ProductFactory, draft_factory
from users.models import Follow, User

pytestmark = pytest.mark.django_db


def test_anybody_reads_the_discussion_oldest_first_with_replies_nested(api_client: APIClient) -> None:
    product = ProductFactory.create()
    first = CommentFactory.create(product=product)
    second = CommentFactory.create(product=product)
    reply = CommentFactory.create(parent=first)
    reply_to_reply = CommentFactory.create(parent=reply)
    later_reply = CommentFactory.create(parent=first)
    CommentFactory.create()  # another product's discussion

    response = api_client.get(comments_url(product))

    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [
            comment_json(first, comment_json(reply, comment_json(reply_to_reply)), comment_json(later_reply)),
            comment_json(second),
        ],
    }


def test_each_author_says_whether_the_caller_follows_them(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create()
    followed, stranger = CommentFactory.create(product=product), CommentFactory.create(product=product)
    reply = CommentFactory.create(parent=stranger, author=followed.author)
    Follow.objects.create(follower=user, followee=followed.author)

    results = user_client.get(comments_url(product)).json()["results"]

    assert results == [
        comment_json(followed, is_following=True),
        comment_json(stranger, comment_json(reply, is_following=True)),
    ]


def test_a_deleted_comment_with_replies_is_an_empty_placeholder(api_client: APIClient) -> None:
    placeholder = CommentFactory.create(is_deleted=True, content="")
    reply = CommentFactory.create(parent=placeholder)

    results = api_client.get(comments_url(placeholder.product)).json()["results"]

    assert results == [comment_json(placeholder, comment_json(reply))]
    assert results[0]["is_deleted"] is True
    assert results[0]["content"] == ""


def test_pages_hold_top_level_comments_and_visit_each_once(api_client: APIClient) -> None:
    product = ProductFactory.create()
    roots = [thread_factory(product=product, size=3, depth=2) for _ in range(5)]

    first_page = api_client.get(f"{comments_url(product)}?page_size=2").json()
    everything = collect_pages(api_client, f"{comments_url(product)}?page_size=2")

    assert ids(first_page["results"]) == [roots[0].pk, roots[1].pk]
    assert ids(everything) == [root.pk for root in roots]
    assert [len(item["replies"]) for item in everything] == [1, 1, 1, 1, 1]


def test_a_draft_discussion_is_its_authors_alone(
    user: User, user_client: APIClient, other_client: APIClient, staff_client: APIClient, api_client: APIClient
) -> None:
    draft = draft_factory(author=user)
    comment = CommentFactory.create(product=draft, author=user)

    assert user_client.get(comments_url(draft)).json()["results"] == [comment_json(comment)]
    for client in (other_client, staff_client, api_client):
        assert client.get(comments_url(draft)).status_code == 404


def test_a_hidden_products_discussion_is_seen_by_its_author_and_staff(
    user: User, user_client: APIClient, other_client: APIClient, staff_client: APIClient, api_client: APIClient
) -> None:
    product = ProductFactory.create(author=user, is_hidden=True)
    comment = CommentFactory.create(product=product)

    for client in (user_client, staff_client):
        assert client.get(comments_url(product)).json()["results"] == [comment_json(comment)]
    for client in (other_client, api_client):
        assert client.get(comments_url(product)).status_code == 404


def test_an_unknown_product_has_no_discussion(api_client: APIClient) -> None:
    response = api_client.get("/api/products/999999/comments/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(("size", "depth"), [(1, 0), (50, 10)])
@pytest.mark.parametrize("page_size", [1, 3])
def test_a_page_costs_the_same_queries_whatever_its_threads(
    api_client: APIClient,
    user_client: APIClient,
    django_assert_num_queries: DjangoAssertNumQueries,
    size: int,
    depth: int,
    page_size: int,
) -> None:
    product = ProductFactory.create()
    for _ in range(3):
        thread_factory(product=product, size=size, depth=depth)
    url = f"{comments_url(product)}?page_size={page_size}"

    # the page's top-level comments (if the product may be seen), their first replies, the first
    # replies of those (each level only when the one before has replies)
    queries = 1 if size == 1 else 3
    with django_assert_num_queries(queries):
        anonymous = api_client.get(url)
    cache.clear()  # the signed-in read computes the page too (core/tests cover reads from the cache)
    with django_assert_num_queries(queries + 2):  # the caller, the same, whom the caller follows
        signed_in = user_client.get(url)

    assert len(anonymous.json()["results"]) == page_size
    assert signed_in.json() == anonymous.json()
    assert Comment.objects.filter(product=product).count() == 3 * size


def test_an_empty_discussion_skips_the_replies_query(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    product = ProductFactory.create()

    with django_assert_num_queries(2):  # the product, the (empty) page
        response = api_client.get(comments_url(product))

    assert response.json() == {"next": None, "previous": None, "results": []}
