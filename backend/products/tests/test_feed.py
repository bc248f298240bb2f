import pytest
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from core.tests.support import collect_pages, ids
from products.models import ProductStatus
from products.tests.factories import ProductFactory, published_at
from products.tests.support import product_json
from users.models import Follow, User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_feed_lists_published_products_of_followed_makers_newest_first(user: User, user_client: APIClient) -> None:
    ada, grace, stranger = UserFactory.create_batch(3)
    Follow.objects.create(follower=user, followee=ada)
    Follow.objects.create(follower=user, followee=grace)
    Follow.objects.create(follower=stranger, followee=user)  # being followed puts nothing in my feed
    old = ProductFactory.create(author=ada, published_at=published_at(2026, 1, 1))
    new = ProductFactory.create(author=grace, published_at=published_at(2026, 1, 3))
    middle = ProductFactory.create(author=ada, published_at=published_at(2026, 1, 2))
    ProductFactory.create(author=ada, status=ProductStatus.DRAFT)
    ProductFactory.create(author=ada, is_hidden=True)
    ProductFactory.create(author=stranger)
    ProductFactory.create(author=user)

    response = user_client.get("/api/feed/")

    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [product_json(product, is_following=True) for product in (new, middle, old)],
    }


def test_an_empty_feed(user_client: APIClient) -> None:
    ProductFactory.create()

    assert user_client.get("/api/feed/").json() == {"next": None, "previous": None, "results": []}


def test_the_feed_needs_a_signed_in_caller(api_client: APIClient) -> None:
    assert api_client.get("/api/feed/").status_code == 401


def test_following_next_visits_the_whole_feed_once(user: User, user_client: APIClient) -> None:
    makers = UserFactory.create_batch(3)
    for maker in makers:
        Follow.objects.create(follower=user, followee=maker)
    products = [
        ProductFactory.create(author=makers[index % 3], published_at=published_at(2026, 1, 1 + index % 4))
        for index in range(10)
    ]
    expected = sorted(products, key=lambda product: (product.published_at, product.pk), reverse=True)

    items = collect_pages(user_client, "/api/feed/?page_size=3")

    assert ids(items) == [product.pk for product in expected]


def test_the_feed_runs_one_query_whatever_the_page_size(
    user: User, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for maker in UserFactory.create_batch(5):
        Follow.objects.create(follower=user, followee=maker)
        ProductFactory.create_batch(5, author=maker)

    user_client.get("/api/auth/me/")  # a first read caches the caller's row (users.account_cache)

    for size in (2, 20):
        with django_assert_num_queries(1):  # the page; the caller comes from the cache
            response = user_client.get(f"/api/feed/?page_size={size}")
        assert len(response.json()["results"]) == size
