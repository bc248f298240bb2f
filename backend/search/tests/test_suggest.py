import pytest
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from products.models import ProductStatus
from products.tests.factories import ProductFactory
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_suggests_products_categories_and_users_by_prefix(api_client: APIClient) -> None:
    CategoryFactory.create(name="Productivity", slug="productivity")
    CategoryFactory.create(name="Design", slug="design")
    UserFactory.create(username="prolific")
    ProductFactory.create(title="ProtoPie", upvote_count=3)
    ProductFactory.create(title="Smart Prompt", upvote_count=9)
    ProductFactory.create(title="Pro draft", status=ProductStatus.DRAFT)
    ProductFactory.create(title="Canvas")

    body = api_client.get("/api/search/suggest/", {"q": "pro"}).json()

    assert [product["title"] for product in body["products"]] == ["Smart Prompt", "ProtoPie"]
    assert [category["slug"] for category in body["categories"]] == ["productivity"]
    assert [user["username"] for user in body["users"]] == ["prolific"]
    assert set(body["users"][0]) == {"username", "first_name", "last_name", "avatar"}


def test_suggests_at_most_eight_things(api_client: APIClient) -> None:
    for index in range(12):
        ProductFactory.create(title=f"Zebra {index}")
    CategoryFactory.create(name="Zebras", slug="zebras")
    UserFactory.create(username="zebrafan")

    body = api_client.get("/api/search/suggest/", {"q": "zeb"}).json()

    assert len(body["products"]) + len(body["categories"]) + len(body["users"]) == 8
    assert len(body["categories"]) == 1
    assert len(body["users"]) == 1


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 101}])
def test_refuses_missing_or_long_text(api_client: APIClient, params: dict[str, str]) -> None:
    response = api_client.get("/api/search/suggest/", params)

    assert response.status_code == 400
    assert list(response.json()) == ["q"]


def test_punctuation_only_suggests_nothing(api_client: APIClient) -> None:
    response = api_client.get("/api/search/suggest/", {"q": "!!!"})

    assert response.status_code == 200
    assert response.json() == {"products": [], "categories": [], "users": []}


@pytest.mark.parametrize("text", ["a%", "a_dio", "a\\"])
def test_like_wildcards_in_the_text_are_taken_literally(api_client: APIClient, text: str) -> None:
    CategoryFactory.create(name="Audio", slug="audio")
    UserFactory.create(username="audiophile")

    body = api_client.get("/api/search/suggest/", {"q": text}).json()

    assert body["categories"] == []
    assert body["users"] == []


def test_suggestions_are_one_query(api_client: APIClient, django_assert_num_queries: pytest.FixtureRequest) -> None:
    CategoryFactory.create(name="Productivity", slug="productivity")
    UserFactory.create(username="prolific")
    ProductFactory.create(title="ProtoPie")

    with django_assert_num_queries(1):  # type: ignore[operator]
        body = api_client.get("/api/search/suggest/", {"q": "pro"}).json()

    assert (len(body["products"]), len(body["categories"]), len(body["users"])) == (1, 1, 1)
