"""The cache is an accelerator, never a dependency: with Redis unreachable every endpoint answers
from the database, `/api/ready/` names the failure, and caching resumes once Redis is back."""

import os
import socket
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from pytest_django import DjangoAssertNumQueries
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from comments.tests.factories import CommentFactory
from core.tests.support import TcpRelay, cache_time_passes
from products.models import Product
from products.tests.factories import ProductFactory
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def redis_cache(location: str) -> dict[str, Any]:
    """Vitrin's production cache settings (vitrin/settings.py) pointed at `location`."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"vitrin_outage_{uuid.uuid4().hex[:8]}",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def lamp(db: None) -> Product:
    product = ProductFactory.create(title="Lamp")
    CommentFactory.create(product=product)
    return product


@pytest.fixture
def redis_down(settings: Settings) -> None:
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{unused_port()}/0")


def read_everything(client: APIClient, product: Product) -> dict[str, Any]:
    """The status and the body of every public read."""
    urls = [
        "/api/products/",
        "/api/products/?ordering=top",
        f"/api/products/{product.pk}/",
        f"/api/products/{product.pk}/comments/",
        "/api/categories/",
        f"/api/categories/{product.category.slug}/",
        "/api/search/products/?q=lamp",
        "/api/search/suggest/?q=la",
        f"/api/users/{product.author.username}/",
    ]
    return {url: client.get(url) for url in urls}


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_every_read_answers_from_the_database(
    api_client: APIClient, user_client: APIClient, lamp: Product
) -> None:
    for client in (api_client, user_client, api_client):
        answers = read_everything(client, lamp)

        assert {url: response.status_code for url, response in answers.items()} == dict.fromkeys(answers, 200)
        assert answers["/api/products/"].json()["results"][0]["title"] == "Lamp"
        assert answers["/api/search/products/?q=lamp"].json()["results"][0]["id"] == lamp.pk
        assert len(answers[f"/api/products/{lamp.pk}/comments/"].json()["results"]) == 1
    lamp.refresh_from_db()
    assert lamp.view_count == 0  # views are counted in the cache: none while it is down


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_writes_work_and_show_at_once(
    api_client: APIClient, user_client: APIClient, staff_client: APIClient, lamp: Product
) -> None:
    assert user_client.post(f"/api/products/{lamp.pk}/upvote/").status_code == 200
    assert user_client.post(f"/api/products/{lamp.pk}/comments/", {"content": "Still here."}).status_code == 201
    assert staff_client.post("/api/categories/", {"name": "Hardware"}).status_code == 201

    assert api_client.get("/api/products/").json()["results"][0]["upvote_count"] == 1
    assert len(api_client.get(f"/api/products/{lamp.pk}/comments/").json()["results"]) == 2
    assert "Hardware" in [item["name"] for item in api_client.get("/api/categories/").json()["results"]]


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_sign_in_and_its_throttles_still_answer(api_client: APIClient, user: User) -> None:
    wrong = api_client.post("/api/auth/login/", {"username": user.username, "password": "not it"})
    right = api_client.post("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD})

    assert wrong.status_code == 401
    assert right.status_code == 200
    assert APIClient().get("/api/auth/me/", HTTP_AUTHORIZATION=f"Bearer {right.json()['access']}").status_code == 200


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_readiness_names_the_cache_while_the_rest_answers(api_client: APIClient) -> None:
    ready = api_client.get("/api/ready/")

    assert ready.status_code == 503
    assert ready.json()["checks"]["database"] == "ok"
    assert ready.json()["checks"]["cache"].startswith("failed: ")
    assert api_client.get("/api/health/").status_code == 200


@pytest.fixture
def redis_relay(settings: Settings) -> Iterator[TcpRelay]:
    """The cache reached through a relay to the Redis of REDIS_URL, which the test can cut."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs a Redis server: set REDIS_URL")
    target = urlparse(redis_url)
    relay = TcpRelay(target.hostname or "127.0.0.1", target.port or 6379)
    relay.start()
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{relay.port}{target.path or '/0'}")
    yield relay
    relay.stop()


def test_caching_resumes_when_redis_comes_back(
    api_client: APIClient, redis_relay: TcpRelay, lamp: Product, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    api_client.get("/api/products/")
    with django_assert_num_queries(0):
        assert api_client.get("/api/products/").status_code == 200
    assert api_client.get("/api/ready/").status_code == 200

    redis_relay.stop()
    with django_assert_num_queries(1):
        down = api_client.get("/api/products/")
    ready_while_down = api_client.get("/api/ready/")

    redis_relay.start()
    back = api_client.get("/api/ready/")
    api_client.get("/api/products/")
    with django_assert_num_queries(0):
        cached_again = api_client.get("/api/products/")

    assert down.status_code == 200
    assert down.json()["results"][0]["title"] == "Lamp"
    assert ready_while_down.status_code == 503
    assert back.status_code == 200
    assert cached_again.json() == down.json()


def test_a_write_made_while_redis_was_unreachable_shows_within_the_cache_lifetime(
    api_client: APIClient, staff_client: APIClient, redis_relay: TcpRelay, settings: Settings
) -> None:
    settings.CATEGORIES_CACHE_SECONDS = 30  # long enough that no entry expires on its own during the test
    CategoryFactory.create(name="Audio")
    assert [item["name"] for item in api_client.get("/api/categories/").json()["results"]] == ["Audio"]

    redis_relay.stop()
    staff_client.post("/api/categories/", {"name": "Books"})  # its version bump cannot reach Redis
    redis_relay.start()
    with cache_time_passes(29):
        before_expiry = [item["name"] for item in api_client.get("/api/categories/").json()["results"]]
    with cache_time_passes(30):
        after_expiry = [item["name"] for item in api_client.get("/api/categories/").json()["results"]]

    assert (before_expiry, after_expiry) == (["Audio"], ["Audio", "Books"])
