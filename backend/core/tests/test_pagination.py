"""Keyset pagination, through the product list (the contract's pagination rules)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from products.tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def _titles(body: dict[str, object]) -> list[str]:
    return [item["title"] for item in body["results"]]  # type: ignore[attr-defined]


@pytest.fixture
def ten_products() -> None:
    now = timezone.now()
    for index in range(10):
        ProductFactory.create(title=f"P{index}", published_at=now - timedelta(hours=index))


@pytest.mark.usefixtures("ten_products")
def test_next_and_previous_walk_the_list_both_ways(api_client: APIClient) -> None:
    first = api_client.get("/api/products/?ordering=new&page_size=4").json()
    second = api_client.get(first["next"]).json()
    third = api_client.get(second["next"]).json()
    back = api_client.get(third["previous"]).json()
    back_again = api_client.get(back["previous"]).json()

    assert first["previous"] is None
    assert _titles(first) == ["P0", "P1", "P2", "P3"]
    assert _titles(second) == ["P4", "P5", "P6", "P7"]
    assert _titles(third) == ["P8", "P9"]
    assert third["next"] is None
    assert _titles(back) == ["P4", "P5", "P6", "P7"]
    assert _titles(back_again) == ["P0", "P1", "P2", "P3"]
    assert back_again["previous"] is None


@pytest.mark.usefixtures("ten_products")
def test_a_product_launched_while_paging_is_neither_repeated_nor_shifting_pages(api_client: APIClient) -> None:
    first = api_client.get("/api/products/?ordering=new&page_size=4").json()
    ProductFactory.create(title="Newcomer", published_at=timezone.now())
    second = api_client.get(first["next"]).json()

    assert _titles(second) == ["P4", "P5", "P6", "P7"]


@pytest.mark.usefixtures("ten_products")
def test_page_size_is_capped_at_one_hundred(api_client: APIClient) -> None:
    for index in range(95):
        ProductFactory.create(title=f"More {index}")

    body = api_client.get("/api/products/?page_size=1000").json()

    assert len(body["results"]) == 100
    assert body["next"] is not None


@pytest.mark.parametrize("page_size", ["abc", "0", "-3", "1.5"])
def test_a_bad_page_size_is_a_readable_400(api_client: APIClient, page_size: str) -> None:
    response = api_client.get("/api/products/", {"page_size": page_size})

    assert response.status_code == 400
    assert response.json() == {"page_size": ["Give page_size as a whole number from 1 to 100."]}


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "eyJwIjpbMV19",
        "eyJwIjoiMSJ9",
        "eyJwIjpbeyJhIjoxfSwxXX0",
        "eyJwIjpbIm5vdC1hLW51bWJlciIsIngiXX0",
        "%%%",
    ],
)
def test_a_tampered_cursor_is_a_readable_400(api_client: APIClient, cursor: str) -> None:
    ProductFactory.create()

    response = api_client.get("/api/products/", {"cursor": cursor})

    assert response.status_code == 400
    assert response.json() == {"cursor": ["This page link is invalid. Start again from the first page."]}
