"""Views of a product page: counted at most once per viewer (account, or client address) and
VIEW_DEDUP_SECONDS, never for HEAD, buffered in the cache and written to the database in
batches by `flush_view_counts`. The suite runs on the in-process cache and, when REDIS_URL is
set, on Redis."""

import os
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.cache import cache
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from conftest import client_for
from core.tests.test_cache_outage import redis_cache, unused_port
from products.models import Product
from products.services import (
    product_view_count,
    product_view_counts_flush,
    product_view_counts_take,
    product_view_counts_write,
)
from products.tasks import flush_view_counts
from products.tests.factories import ProductFactory
from users.models import User

pytestmark = pytest.mark.django_db

NOW = 1_800_000_010.0  # ten seconds into a minute


@pytest.fixture(params=["in-process", "redis"])
def view_cache(request: pytest.FixtureRequest, settings: Settings) -> Iterator[str]:
    if request.param == "redis":
        location = os.environ.get("REDIS_URL")
        if not location:
            pytest.skip("needs a Redis server: set REDIS_URL")
        settings.CACHES = redis_cache(location)
        settings.CACHES["default"]["KEY_PREFIX"] = f"vitrin_views_{uuid.uuid4().hex[:8]}"
    yield request.param
    cache.clear()


@pytest.fixture
def in_process_cache(settings: Settings) -> None:
    """For tests that move the clock: the in-process cache expires keys by it, Redis by its own."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "views"}}


@pytest.fixture
def frozen() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def stored_views(product: Product) -> int:
    product.refresh_from_db(fields=["view_count"])
    return product.view_count


@pytest.mark.usefixtures("view_cache", "frozen")
def test_700_reads_from_one_address_count_one_view_and_the_excess_is_refused(api_client: APIClient) -> None:
    product = ProductFactory.create(view_count=41)
    limit = int(django_settings.THROTTLE_RATES["anon"].split("/")[0])  # 600/min unless set otherwise

    statuses = [api_client.get(f"/api/products/{product.pk}/").status_code for _ in range(700)]
    before_flush = stored_views(product)
    flushed = flush_view_counts.apply().get()

    assert statuses == [200] * limit + [429] * (700 - limit)
    assert before_flush == 41  # buffered, not written per request
    assert flushed == 1
    assert stored_views(product) == 42


@pytest.mark.usefixtures("view_cache")
def test_head_counts_nothing(api_client: APIClient) -> None:
    product = ProductFactory.create()

    statuses = [api_client.head(f"/api/products/{product.pk}/").status_code for _ in range(3)]
    product_view_counts_flush()

    assert statuses == [200, 200, 200]
    assert stored_views(product) == 0


@pytest.mark.usefixtures("view_cache")
def test_each_viewer_counts_once(api_client: APIClient, user: User, other_user: User) -> None:
    product = ProductFactory.create()
    readers = [
        api_client,
        APIClient(REMOTE_ADDR="203.0.113.7"),
        client_for(user),
        client_for(user),
        client_for(other_user),
        api_client,
    ]

    statuses = [reader.get(f"/api/products/{product.pk}/").status_code for reader in readers]
    product_view_counts_flush()

    assert statuses == [200] * 6
    assert stored_views(product) == 4  # two addresses, two accounts


@pytest.mark.usefixtures("in_process_cache")
def test_a_viewer_counts_again_after_the_window(api_client: APIClient, settings: Settings) -> None:
    settings.VIEW_DEDUP_SECONDS = 1800
    product = ProductFactory.create()
    url = f"/api/products/{product.pk}/"

    with time_machine.travel(NOW, tick=False) as traveller:
        api_client.get(url)
        traveller.shift(1799)
        api_client.get(url)
        product_view_counts_flush()
        within = stored_views(product)
        traveller.shift(2)
        api_client.get(url)
        product_view_counts_flush()

    assert within == 1
    assert stored_views(product) == 2


@pytest.mark.usefixtures("view_cache")
def test_refused_and_unknown_reads_count_nothing(api_client: APIClient, user: User) -> None:
    draft = ProductFactory.create(author=user, status="draft", published_at=None)

    statuses = [api_client.get(url).status_code for url in (f"/api/products/{draft.pk}/", "/api/products/987654/")]
    flushed = product_view_counts_flush()

    assert statuses == [404, 404]
    assert flushed == 0
    assert stored_views(draft) == 0


@pytest.mark.usefixtures("view_cache")
def test_the_flush_writes_exactly_the_buffered_counts_and_loses_none_counted_during_it() -> None:
    first, second = ProductFactory.create(view_count=10), ProductFactory.create(view_count=20)
    for viewer in ("a", "b", "c"):
        assert product_view_count(product_id=first.pk, viewer=viewer) is True
    assert product_view_count(product_id=second.pk, viewer="a") is True
    assert product_view_count(product_id=second.pk, viewer="a") is False  # the same viewer again

    taken = product_view_counts_take()  # the flush's first step: the buffer is taken and emptied
    assert product_view_count(product_id=first.pk, viewer="d") is True  # counted while the flush runs
    written = product_view_counts_write(counts=taken)  # its second step
    after_first_flush = (stored_views(first), stored_views(second))
    second_flush = product_view_counts_flush()
    third_flush = product_view_counts_flush()

    assert taken == {first.pk: 3, second.pk: 1}
    assert written == 4
    assert after_first_flush == (13, 21)
    assert (second_flush, third_flush) == (1, 0)
    assert (stored_views(first), stored_views(second)) == (14, 21)


@pytest.mark.usefixtures("view_cache")
def test_the_flush_writes_many_products_in_batches() -> None:
    products = ProductFactory.create_batch(7)
    for index, product in enumerate(products):
        for viewer in range(index + 1):
            product_view_count(product_id=product.pk, viewer=str(viewer))

    written = product_view_counts_write(counts=product_view_counts_take(), batch_size=3)

    assert written == 28
    assert [stored_views(product) for product in products] == [1, 2, 3, 4, 5, 6, 7]


def test_with_the_cache_unreachable_views_are_not_counted_and_pages_answer(
    api_client: APIClient, settings: Settings
) -> None:
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{unused_port()}/0")
    product = ProductFactory.create(view_count=5)

    response = api_client.get(f"/api/products/{product.pk}/")
    flushed = product_view_counts_flush()

    assert response.status_code == 200
    assert response.json()["view_count"] == 5
    assert flushed == 0
    assert stored_views(product) == 5


@pytest.mark.usefixtures("in_process_cache")
def test_without_a_broker_the_request_writes_the_counts_when_due(api_client: APIClient, settings: Settings) -> None:
    settings.VIEW_FLUSH_INLINE = True
    settings.VIEW_FLUSH_SECONDS = 10
    first, second = ProductFactory.create(), ProductFactory.create()

    with time_machine.travel(NOW + 1000, tick=False) as traveller:
        api_client.get(f"/api/products/{first.pk}/")  # the first counted view writes at once
        at_once = stored_views(first)
        api_client.get(f"/api/products/{second.pk}/")
        before_due = stored_views(second)
        traveller.shift(10)
        APIClient(REMOTE_ADDR="203.0.113.7").get(f"/api/products/{first.pk}/")

    assert (at_once, before_due) == (1, 0)
    assert (stored_views(first), stored_views(second)) == (2, 1)


def test_the_flush_is_scheduled() -> None:
    from vitrin.celery import app

    schedule = django_settings.CELERY_BEAT_SCHEDULE["flush-view-counts"]
    assert schedule == {
        "task": "products.tasks.flush_view_counts",
        "schedule": float(django_settings.VIEW_FLUSH_SECONDS),
    }
    assert "products.tasks.flush_view_counts" in app.tasks
    assert django_settings.VIEW_DEDUP_SECONDS == 1800
