"""The shared cache is safe by construction (core/http_cache.py): what it shares is what an
anonymous caller gets, whoever's request filled it; its keys are the parameters a view reads,
nothing else; and a cached read is rate-limited like any other.

The endpoints are discovered from the URLconf, so a view that starts sharing its answers is
checked here without anybody having to remember to add it."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from conftest import client_for
from core.http_cache import SharedCacheMixin, forget_local_entries
from products.models import Product
from products.tests.factories import ProductFactory, published_at
from users.models import Follow
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _shared_routes(patterns: list[Any], prefix: str = "/") -> Iterator[tuple[str, type[SharedCacheMixin]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _shared_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "cls", None)
            if isinstance(view_class, type) and issubclass(view_class, SharedCacheMixin):
                yield prefix + str(pattern.pattern), view_class


SHARED_ROUTES = sorted(_shared_routes(get_resolver().url_patterns), key=lambda route: route[0])


def test_the_public_reads_are_found_among_the_shared_endpoints() -> None:
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", route) for route, _ in SHARED_ROUTES}

    assert routes >= {
        "/api/categories/",
        "/api/categories/<slug>/",
        "/api/products/",
        "/api/products/launch-days/",
        "/api/products/<product_id>/",
        "/api/products/<product_id>/comments/",
        "/api/search/products/",
        "/api/search/suggest/",
    }


@pytest.fixture
def lamp(db: None) -> Product:
    """A product that signed-in people have acted on: upvoted, followed its maker, commented."""
    product = ProductFactory.create(title="Lamp", tags=["light"])
    fan, critic = UserFactory.create(), UserFactory.create()
    for person in (fan, critic):
        assert client_for(person).post(f"/api/products/{product.pk}/upvote/").status_code == 200
        Follow.objects.create(follower=person, followee=product.author)
    comment = client_for(critic).post(f"/api/products/{product.pk}/comments/", {"content": "Bright."}).json()
    client_for(fan).post(f"/api/products/{product.pk}/comments/", {"content": "Agreed.", "parent": comment["id"]})
    Follow.objects.create(follower=fan, followee=critic)
    return product


def _url(route: str, product: Product) -> str:
    """The route filled with sample arguments, asked as a search for "lamp" (other views ignore q)."""
    samples = {
        "product_id": str(product.pk),
        "slug": product.category.slug,
        "comment_id": str(product.comments.get(parent=None).pk),
    }
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda argument: samples.get(argument[1], argument[0]), route)
    assert "<" not in url, f"give {route} a sample argument in this test"
    return url + "?q=lamp"


@pytest.mark.parametrize("route", [route for route, _ in SHARED_ROUTES])
def test_the_shared_body_is_a_fresh_anonymous_computation_after_signed_in_callers_filled_it(
    api_client: APIClient, lamp: Product, route: str
) -> None:
    url = _url(route, lamp)
    readers = [client_for(vote.user) for vote in lamp.upvotes.select_related("user")] + [client_for(lamp.author)]
    for reader in readers:
        assert reader.get(url).status_code == 200  # the signed-in callers fill the shared entry
    shared = api_client.get(url)

    cache.clear()
    forget_local_entries()
    fresh = api_client.get(url)

    assert shared.status_code == 200
    assert shared.json() == fresh.json()
    assert shared.content == fresh.content


# --- the key is what the view reads -----------------------------------------------------------
def shared_entries() -> int:
    """How many shared answers the cache holds (Redis, or the in-process cache of the tests)."""
    if hasattr(cache, "keys"):
        return len(cache.keys("http:*"))
    return sum(":http:" in key for key in cache._cache)  # type: ignore[attr-defined]


def test_unknown_query_parameters_are_ignored_and_create_no_entry(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    ProductFactory.create_batch(2)
    first = api_client.get("/api/products/?page_size=1")
    entries = shared_entries()

    with django_assert_num_queries(0):
        answers = [api_client.get(f"/api/products/?page_size=1&buster={n}&utm_source=x{n}") for n in range(5)]

    assert [answer.status_code for answer in answers] == [200] * 5
    assert {answer.content for answer in answers} == {first.content}
    assert {answer["ETag"] for answer in answers} == {first["ETag"]}
    assert shared_entries() == entries
    assert "buster" not in (first.json()["next"] or "")


def test_the_links_of_a_shared_page_carry_only_the_parameters_the_view_reads(api_client: APIClient) -> None:
    ProductFactory.create_batch(2)

    page = api_client.get("/api/products/?utm_campaign=evil&page_size=1&ordering=new&ordering=top").json()

    assert page["next"].startswith("http://testserver/api/products/?")
    assert "utm_campaign" not in page["next"]
    assert "ordering=new" not in page["next"]
    assert "ordering=top" in page["next"]


def test_a_repeated_parameter_is_answered_by_the_value_the_view_uses(api_client: APIClient) -> None:
    ProductFactory.create(title="Old favourite", upvote_count=9, published_at=published_at(2026, 1, 1))
    ProductFactory.create(title="Brand new", upvote_count=0, published_at=published_at(2026, 3, 1))

    newest_last = api_client.get("/api/products/?ordering=top&ordering=new").json()  # the view reads "new"
    top_last = api_client.get("/api/products/?ordering=new&ordering=top").json()  # the view reads "top"

    assert [item["title"] for item in newest_last["results"]] == ["Brand new", "Old favourite"]
    assert [item["title"] for item in top_last["results"]] == ["Old favourite", "Brand new"]


# --- the anonymous rate limit -----------------------------------------------------------------
@pytest.fixture
def three_a_minute(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from django.conf import settings

    monkeypatch.setitem(settings.THROTTLE_RATES, "anon", "3/min")
    with time_machine.travel(1_800_000_010.0, tick=False):
        yield


@pytest.mark.usefixtures("three_a_minute")
def test_cached_anonymous_reads_are_limited_and_refused_as_drf_refuses(api_client: APIClient) -> None:
    category = CategoryFactory.create()
    product = ProductFactory.create(category=category)
    statuses = [api_client.get(f"/api/products/{product.pk}/").status_code for _ in range(3)]

    cached_refusal = api_client.get(f"/api/products/{product.pk}/")
    other_address = APIClient(REMOTE_ADDR="203.0.113.9").get(f"/api/products/{product.pk}/")
    drf_refusal = api_client.get(f"/api/users/{product.author.username}/")  # not shared: DRF's own throttling

    assert statuses == [200, 200, 200]
    assert cached_refusal.status_code == 429
    assert cached_refusal.json() == {"detail": "Too many requests. Try again in 50 seconds."}
    assert cached_refusal["Retry-After"] == "50"
    assert (drf_refusal.status_code, drf_refusal.json(), drf_refusal["Retry-After"]) == (
        429,
        cached_refusal.json(),
        "50",
    )
    assert other_address.status_code == 200
