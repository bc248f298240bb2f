"""GET /api/auth/me/products/: the caller's own products of every status, drafts included."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from conftest import client_for
from core.tests.support import collect_pages, ids
from products.models import Product, ProductStatus
from products.tests.factories import ProductFactory, draft_factory, upvote
from products.tests.support import product_json
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINE = "/api/auth/me/products/"


def made(author: User, minutes_ago: int, **fields: object) -> Product:
    """A product of `author` created `minutes_ago` minutes ago (distinct times keep the order certain)."""
    product = ProductFactory.create(author=author, **fields)
    Product.objects.filter(pk=product.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return product


def listed_ids(client: APIClient, query: str = "") -> list[int]:
    response = client.get(f"{MINE}{query}")
    assert response.status_code == 200, response.json()
    return ids(response.json()["results"])


# --- what is listed -----------------------------------------------------------------------
def test_lists_the_callers_products_of_every_status_newest_first(user: User, user_client: APIClient) -> None:
    archived = made(user, 40, status=ProductStatus.ARCHIVED)
    published = made(user, 30)
    hidden = made(user, 20, is_hidden=True)
    draft = made(user, 10, status=ProductStatus.DRAFT)
    made(UserFactory.create(), 5)
    made(UserFactory.create(), 1, status=ProductStatus.DRAFT)

    assert listed_ids(user_client) == [draft.pk, hidden.pk, published.pk, archived.pk]


def test_a_listed_product_is_the_contract_object(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user, tags=["launch"], gallery=["/media/uploads/b.png"])
    draft = draft_factory(author=user)
    upvote(product, user)

    response = user_client.get(MINE)

    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [product_json(draft), product_json(product, has_upvoted=True)],
    }


def test_a_draft_saved_through_the_api_is_found_in_the_list(user: User, user_client: APIClient) -> None:
    ProductFactory.create(author=user)  # makes the category too
    created = user_client.post(
        "/api/products/",
        {"title": "Half done", "category": Product.objects.get().category.slug, "status": "draft"},
        format="json",
    )
    assert created.status_code == 201, created.json()

    results = user_client.get(f"{MINE}?status=draft").json()["results"]

    assert [(item["id"], item["title"], item["status"]) for item in results] == [
        (created.json()["id"], "Half done", "draft")
    ]


@pytest.mark.parametrize("status", ["draft", "published", "archived"])
def test_filter_by_status(user: User, user_client: APIClient, status: str) -> None:
    by_status = {value: made(user, minutes, status=value) for minutes, value in enumerate(ProductStatus.values)}
    second_draft = made(user, 5, status=ProductStatus.DRAFT)

    expected = [by_status[status].pk] + ([second_draft.pk] if status == "draft" else [])
    assert listed_ids(user_client, f"?status={status}") == expected


@pytest.mark.parametrize("status", ["drafts", "DRAFT", "hidden", "a\x00b"])
def test_an_unknown_status_is_refused(user_client: APIClient, status: str) -> None:
    response = user_client.get(MINE, {"status": status})

    assert response.status_code == 400
    assert response.json() == {"status": ["Choose the status among draft, published and archived."]}


def test_an_empty_status_lists_every_status(user: User, user_client: APIClient) -> None:
    products = [made(user, 2), made(user, 1, status=ProductStatus.DRAFT)]

    assert listed_ids(user_client, "?status=") == [product.pk for product in reversed(products)]


def test_an_empty_list(user_client: APIClient) -> None:
    ProductFactory.create()

    assert user_client.get(MINE).json() == {"next": None, "previous": None, "results": []}


# --- from the other side ------------------------------------------------------------------
def test_nobody_else_sees_a_makers_drafts(user: User, other_user: User, other_client: APIClient) -> None:
    draft_factory(author=user)
    made(user, 3, status=ProductStatus.ARCHIVED)
    theirs = made(other_user, 1)

    assert listed_ids(other_client) == [theirs.pk]
    assert listed_ids(other_client, "?status=draft") == []
    assert listed_ids(client_for(UserFactory.create(is_staff=True)), "?status=draft") == []


def test_anonymous_callers_are_refused(api_client: APIClient, user: User) -> None:
    draft_factory(author=user)

    for query in ("", "?status=draft", "?status=nonsense"):
        response = api_client.get(f"{MINE}{query}")
        assert response.status_code == 401
        assert "results" not in response.json()


# --- pagination ---------------------------------------------------------------------------
def test_following_next_visits_every_product_once_even_while_the_maker_edits(
    user: User, user_client: APIClient
) -> None:
    products = [made(user, minutes, status=ProductStatus.values[minutes % 3]) for minutes in range(1, 11)]

    first = user_client.get(f"{MINE}?page_size=4").json()
    # The maker edits the oldest product and starts a new one while paging.
    Product.objects.filter(pk=products[-1].pk).update(title="Edited", updated_at=timezone.now())
    made(user, 0, status=ProductStatus.DRAFT)
    rest = collect_pages(user_client, first["next"])

    assert ids(first["results"]) + ids(rest) == [product.pk for product in products]


def test_a_page_runs_one_query_whatever_its_size_and_filter(
    user: User, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    products = [made(user, index, status=ProductStatus.values[index % 3], tags=["a", "b"]) for index in range(12)]
    upvote(products[1], user, UserFactory.create())

    user_client.get("/api/auth/me/")  # a first read caches the caller's row (users.account_cache)

    for query in ("?page_size=2", "?page_size=20", "?status=published&page_size=2", "?status=draft"):
        with django_assert_num_queries(1):  # the page with its annotations; the caller comes from the cache
            response = user_client.get(f"{MINE}{query}")
        assert response.status_code == 200
        assert response.json()["results"]
