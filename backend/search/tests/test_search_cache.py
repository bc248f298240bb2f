"""A cached ranking never shows a product that has stopped being public since it was cached,
even when the cache missed the write that should have made it stale."""

import pytest
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from core.tests.test_cache_outage import redis_cache, unused_port
from products.models import Product, ProductStatus
from products.services import product_delete, product_set_hidden, product_update
from products.tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def titles(client: APIClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [product["title"] for product in response.json()["results"]]


def hide(product: Product) -> None:
    product_set_hidden(product=product, is_hidden=True)


def archive(product: Product) -> None:
    product_update(product=product, status=ProductStatus.ARCHIVED)


def unpublish(product: Product) -> None:
    product_update(product=product, status=ProductStatus.DRAFT)


def delete(product: Product) -> None:
    product_delete(product=product)


@pytest.mark.parametrize("change", [hide, archive, unpublish, delete])
def test_a_product_taken_down_while_the_cache_was_unreachable_is_not_shown_from_the_cached_ranking(
    api_client: APIClient, settings: Settings, change: object
) -> None:
    ProductFactory.create(title="Lamp classic", upvote_count=3)
    taken_down = ProductFactory.create(title="Lamp deluxe", upvote_count=5)
    assert titles(api_client, "/api/search/products/?q=lamp") == ["Lamp deluxe", "Lamp classic"]  # ranking cached
    reachable = settings.CACHES

    settings.CACHES = redis_cache(f"redis://127.0.0.1:{unused_port()}/0")  # the version bump is lost
    change(taken_down)  # type: ignore[operator]
    settings.CACHES = reachable

    # Another page size: not the shared answer cached above, but the same cached ranking.
    assert titles(api_client, "/api/search/products/?q=lamp&page_size=10") == ["Lamp classic"]
