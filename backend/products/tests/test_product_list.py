from datetime import timedelta

import pytest
from django.core.cache import cache
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from core.tests.support import collect_pages, ids
from products.models import Product, ProductStatus
from products.tests.factories import ProductFactory, draft_factory, published_at, upvote
from products.tests.support import product_json
from users.models import Follow, User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def list_ids(client: APIClient, query: str = "") -> list[int]:
    response = client.get(f"/api/products/{query}")
    assert response.status_code == 200, response.json()
    return ids(response.json()["results"])


# --- what is listed -----------------------------------------------------------------------
def test_only_published_unhidden_products_are_listed(api_client: APIClient, user: User) -> None:
    listed = ProductFactory.create()
    draft_factory(author=user)
    ProductFactory.create(status=ProductStatus.ARCHIVED)
    ProductFactory.create(is_hidden=True)

    assert list_ids(api_client) == [listed.pk]


def test_the_author_does_not_see_their_drafts_in_the_public_list(user: User, user_client: APIClient) -> None:
    draft_factory(author=user)
    ProductFactory.create(author=user, is_hidden=True)

    assert list_ids(user_client) == []


def test_a_listed_product_is_the_contract_object(api_client: APIClient) -> None:
    product = ProductFactory.create(
        title="Vitrin",
        tagline="Show what you made.",
        image="/media/uploads/a.png",
        gallery=["/media/uploads/b.png"],
        tags=["launch", "web"],
    )

    response = api_client.get("/api/products/")

    assert response.status_code == 200
    assert response.json() == {"next": None, "previous": None, "results": [product_json(product)]}
    assert set(response.json()["results"][0]) == {
        "id", "slug", "title", "tagline", "description", "url", "category", "author", "image", "image_variants",
        "gallery", "tags", "status", "upvote_count", "view_count", "comment_count", "has_upvoted", "created_at",
        "updated_at", "published_at",
    }  # fmt: skip
    assert "email" not in response.json()["results"][0]["author"]


def test_the_callers_own_state_is_shown(user: User, user_client: APIClient) -> None:
    followed_author = UserFactory.create()
    Follow.objects.create(follower=user, followee=followed_author)
    upvoted = ProductFactory.create(author=followed_author, upvote_count=1, hot_score=2.0)
    other = ProductFactory.create(hot_score=1.0)
    upvote(upvoted, user)

    results = user_client.get("/api/products/").json()["results"]

    assert results == [
        product_json(upvoted, has_upvoted=True, is_following=True),
        product_json(other, has_upvoted=False, is_following=False),
    ]


# --- orderings ----------------------------------------------------------------------------
@pytest.fixture
def three_products() -> list[Product]:
    """Ranked differently by each ordering: hot a b c, new b c a, top c a b (ties by newest id)."""
    a = ProductFactory.create(hot_score=30.0, published_at=published_at(2026, 1, 1), upvote_count=5)
    b = ProductFactory.create(hot_score=20.0, published_at=published_at(2026, 1, 3), upvote_count=1)
    c = ProductFactory.create(hot_score=10.0, published_at=published_at(2026, 1, 2), upvote_count=9)
    return [a, b, c]


@pytest.mark.parametrize(
    ("query", "expected_order"),
    [("", [0, 1, 2]), ("?ordering=hot", [0, 1, 2]), ("?ordering=new", [1, 2, 0]), ("?ordering=top", [2, 0, 1])],
)
def test_orderings(api_client: APIClient, three_products: list[Product], query: str, expected_order: list[int]) -> None:
    assert list_ids(api_client, query) == [three_products[index].pk for index in expected_order]


@pytest.mark.parametrize("ordering", ["hot", "new", "top"])
def test_ties_are_broken_by_the_newest_id(api_client: APIClient, ordering: str) -> None:
    same = {"hot_score": 5.0, "published_at": published_at(2026, 1, 1), "upvote_count": 2}
    first, second, third = (ProductFactory.create(**same) for _ in range(3))

    assert list_ids(api_client, f"?ordering={ordering}") == [third.pk, second.pk, first.pk]


@pytest.mark.parametrize("ordering", ["best", "HOT", "-new", ""])
def test_an_unknown_ordering_is_refused(api_client: APIClient, ordering: str) -> None:
    ProductFactory.create()

    response = api_client.get(f"/api/products/?ordering={ordering}")

    if ordering == "":
        assert response.status_code == 200  # an empty parameter is the default
    else:
        assert response.status_code == 400
        assert response.json() == {"ordering": ["Choose the ordering among hot, new and top."]}


# --- filters ------------------------------------------------------------------------------
def test_filter_by_category_slug(api_client: APIClient) -> None:
    design = CategoryFactory.create(slug="design")
    in_design = ProductFactory.create(category=design)
    ProductFactory.create()

    assert list_ids(api_client, "?category=design") == [in_design.pk]
    assert list_ids(api_client, "?category=unknown") == []


def test_filter_by_tag_ignores_case_and_spaces(api_client: APIClient) -> None:
    tagged = ProductFactory.create(tags=["ai", "design"])
    ProductFactory.create(tags=["design-ai"])
    ProductFactory.create()

    assert list_ids(api_client, "?tag=ai") == [tagged.pk]
    assert list_ids(api_client, "?tag=%20AI%20") == [tagged.pk]
    assert list_ids(api_client, "?tag=nothing") == []


def test_filter_by_author_username_ignores_case(api_client: APIClient) -> None:
    ada = UserFactory.create(username="Ada")
    by_ada = ProductFactory.create(author=ada)
    ProductFactory.create()

    assert list_ids(api_client, "?author=ada") == [by_ada.pk]
    assert list_ids(api_client, "?author=nobody") == []


def test_filter_by_utc_publication_day(api_client: APIClient) -> None:
    day = published_at(2026, 3, 14, 0)
    ProductFactory.create(published_at=day - timedelta(microseconds=1))
    first = ProductFactory.create(published_at=day)
    last = ProductFactory.create(published_at=day + timedelta(days=1, microseconds=-1))
    ProductFactory.create(published_at=day + timedelta(days=1))

    assert list_ids(api_client, "?date=2026-03-14&ordering=new") == [last.pk, first.pk]


@pytest.mark.parametrize("value", ["2026-02-30", "14/03/2026", "2026-3-14x", "yesterday", "2026-03-14T00:00"])
def test_a_malformed_date_is_refused(api_client: APIClient, value: str) -> None:
    response = api_client.get("/api/products/", {"date": value})

    assert response.status_code == 400
    assert response.json() == {"date": ["Give the date as YYYY-MM-DD, for example 2026-03-14."]}


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_the_extreme_dates_answer_an_empty_list(api_client: APIClient, value: str) -> None:
    ProductFactory.create()

    assert list_ids(api_client, f"?date={value}") == []


def test_filters_combine(api_client: APIClient) -> None:
    design = CategoryFactory.create(slug="design")
    ada = UserFactory.create(username="ada")
    match = ProductFactory.create(category=design, author=ada, tags=["ai"])
    ProductFactory.create(category=design, author=ada)
    ProductFactory.create(category=design, tags=["ai"])
    ProductFactory.create(author=ada, tags=["ai"])

    assert list_ids(api_client, "?category=design&author=ada&tag=ai&ordering=top") == [match.pk]


@pytest.mark.parametrize("parameter", ["category", "tag", "author"])
def test_a_null_character_in_a_filter_is_refused(api_client: APIClient, parameter: str) -> None:
    response = api_client.get("/api/products/", {parameter: "a\x00b"})

    assert response.status_code == 400
    assert response.json() == {parameter: ["Null characters are not allowed."]}


def test_a_tag_longer_than_a_tag_can_be_is_refused(api_client: APIClient) -> None:
    response = api_client.get("/api/products/", {"tag": "t" * 31})

    assert response.status_code == 400
    assert response.json() == {"tag": ["Ensure this value has at most 30 characters (it has 31)."]}


# --- pagination ---------------------------------------------------------------------------
@pytest.mark.parametrize("ordering", ["hot", "new", "top"])
def test_following_next_visits_every_product_once_in_order(api_client: APIClient, ordering: str) -> None:
    # Repeated values force the pages to break ties by id.
    products = [
        ProductFactory.create(
            hot_score=float(index % 4), published_at=published_at(2026, 1, 1 + index % 3), upvote_count=index % 5
        )
        for index in range(10)
    ]
    everything = list_ids(api_client, f"?ordering={ordering}&page_size=100")

    items = collect_pages(api_client, f"/api/products/?ordering={ordering}&page_size=3")

    assert ids(items) == everything
    assert sorted(everything) == sorted(product.pk for product in products)


def test_previous_goes_back_to_the_same_page(api_client: APIClient) -> None:
    ProductFactory.create_batch(7)
    first = api_client.get("/api/products/?page_size=3").json()
    second = api_client.get(first["next"]).json()

    back = api_client.get(second["previous"]).json()

    assert ids(back["results"]) == ids(first["results"])
    assert first["previous"] is None


def test_a_product_launched_while_paging_does_not_disturb_the_pages(api_client: APIClient) -> None:
    products = ProductFactory.create_batch(10)
    first = api_client.get("/api/products/?ordering=new&page_size=3").json()
    ProductFactory.create()  # newest: it goes in front of the pages already read

    rest = collect_pages(api_client, first["next"])

    seen = ids(first["results"]) + ids(rest)
    assert sorted(seen) == sorted(product.pk for product in products)
    assert len(seen) == len(set(seen)) == 10


def test_a_forged_cursor_is_refused(api_client: APIClient) -> None:
    response = api_client.get("/api/products/?cursor=bm90LWEtY3Vyc29y")

    assert response.status_code == 400


# --- queries ------------------------------------------------------------------------------
def _many_products_by_followed_authors(viewer: User) -> None:
    for product in ProductFactory.create_batch(25, tags=["ai"]):
        Follow.objects.get_or_create(follower=viewer, followee=product.author)
        upvote(product, viewer)


@pytest.mark.parametrize(
    "query", ["", "?ordering=new", "?ordering=top&tag=ai", "?category=developer-tools&date=2026-01-01"]
)
def test_anonymous_list_runs_one_query_whatever_the_page_size(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries, user: User, query: str
) -> None:
    _many_products_by_followed_authors(user)
    separator = "&" if query else "?"

    for size in (2, 20):
        with django_assert_num_queries(1):
            api_client.get(f"/api/products/{query}{separator}page_size={size}")


def test_signed_in_list_runs_three_queries_whatever_the_page_size(
    user: User, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    _many_products_by_followed_authors(user)

    for size in (2, 20):
        cache.clear()  # computed, not read from the shared entry
        # The caller, the page as anybody sees it (and shares), the caller's upvotes and follows in it.
        with django_assert_num_queries(3):
            response = user_client.get(f"/api/products/?page_size={size}")
        results = response.json()["results"]
        assert len(results) == size
        assert all(item["has_upvoted"] and item["author"]["is_following"] for item in results)
