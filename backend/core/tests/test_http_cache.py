"""HTTP caching of the public reads (core/http_cache.py), through the API: validators and 304s,
Cache-Control per audience, writes seen at once, per-viewer fields never shared, query counts."""

import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.cache import cache
from django.utils.http import http_date
from pytest_django import DjangoAssertNumQueries
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from comments.tests.factories import CommentFactory
from conftest import client_for
from core.cache import PRODUCTS, version_key
from core.http_cache import forget_local_entries
from core.tests.support import cache_time_passes
from products.models import Product
from products.services import product_view_counts_flush
from products.tests.factories import ProductFactory, draft_factory
from users.models import Follow, User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_READS = ["/api/products/", "/api/categories/", "/api/search/products/?q=lamp", "/api/search/suggest/?q=la"]


def product_urls(product: Product) -> list[str]:
    return [f"/api/products/{product.pk}/", f"/api/products/{product.pk}/comments/"]


@pytest.fixture
def lamp(db: None) -> Product:
    product = ProductFactory.create(title="Lamp", tags=["light"])
    CommentFactory.create(product=product)
    return product


def objects_with(payload: Any, field: str) -> list[dict[str, Any]]:
    """Every JSON object of `payload`, at any depth, that has `field`."""
    found: list[dict[str, Any]] = []
    pending = [payload]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if field in item:
                found.append(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def viewer_fields(payload: Any) -> list[bool]:
    return [item["has_upvoted"] for item in objects_with(payload, "has_upvoted")] + [
        item["is_following"] for item in objects_with(payload, "is_following")
    ]


# --- Cache-Control, Vary and validators -------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "max_age"),
    [
        ("/api/products/", 7),  # PUBLIC_CACHE_SECONDS
        ("product", 7),
        ("discussion", 7),
        ("/api/search/products/?q=lamp", 7),
        ("/api/categories/", 11),  # CATEGORIES_CACHE_SECONDS
        ("/api/search/suggest/?q=la", 13),  # SEARCH_CACHE_SECONDS
    ],
)
def test_anonymous_answers_are_public_for_their_own_cache_lifetime(
    api_client: APIClient, lamp: Product, settings: Settings, url: str, max_age: int
) -> None:
    settings.PUBLIC_CACHE_SECONDS, settings.CATEGORIES_CACHE_SECONDS, settings.SEARCH_CACHE_SECONDS = 7, 11, 13
    url = {"product": product_urls(lamp)[0], "discussion": product_urls(lamp)[1]}.get(url, url)

    response = api_client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age={max_age}"
    assert {"Authorization", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}
    assert response["ETag"].startswith('W/"')


@pytest.mark.parametrize("url", [*PUBLIC_READS, "product", "discussion"])
def test_signed_in_answers_are_private_and_revalidated(user_client: APIClient, lamp: Product, url: str) -> None:
    url = {"product": product_urls(lamp)[0], "discussion": product_urls(lamp)[1]}.get(url, url)

    response = user_client.get(url)

    assert response.status_code == 200
    # core.middleware.PrivateAnswersMiddleware has the last word on signed-in answers.
    assert response["Cache-Control"] == "private, no-store"
    assert {"Authorization", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}
    assert response["ETag"].startswith('W/"')
    assert "Last-Modified" not in response


@pytest.mark.parametrize("audience", ["anonymous", "signed_in"])
@pytest.mark.parametrize("url", ["/api/products/", "/api/categories/", "discussion", "product"])
def test_a_matching_etag_gets_304_without_a_body(
    api_client: APIClient, user_client: APIClient, lamp: Product, audience: str, url: str
) -> None:
    client = api_client if audience == "anonymous" else user_client
    url = {"product": product_urls(lamp)[0], "discussion": product_urls(lamp)[1]}.get(url, url)
    etag = client.get(url)["ETag"]

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_product_page_revalidates_and_its_reader_counts_once(api_client: APIClient, lamp: Product) -> None:
    etag = api_client.get(f"/api/products/{lamp.pk}/")["ETag"]

    response = api_client.get(f"/api/products/{lamp.pk}/", HTTP_IF_NONE_MATCH=etag)
    product_view_counts_flush()

    assert response.status_code == 304
    lamp.refresh_from_db()
    assert lamp.view_count == 1


def test_if_modified_since_gets_304_until_the_list_changes(api_client: APIClient, user_client: APIClient) -> None:
    ProductFactory.create()
    last_modified = api_client.get("/api/products/")["Last-Modified"]

    unchanged = api_client.get("/api/products/", HTTP_IF_MODIFIED_SINCE=last_modified)
    user_client.post("/api/products/", {"title": "Brand new", "category": CategoryFactory.create().slug})
    changed = api_client.get("/api/products/", HTTP_IF_MODIFIED_SINCE=last_modified)

    assert unchanged.status_code == 304
    assert changed.status_code == 200
    assert changed["Last-Modified"] != last_modified
    assert changed.json()["results"][0]["title"] == "Brand new"


def test_an_older_if_modified_since_gets_the_list(api_client: APIClient) -> None:
    ProductFactory.create()

    response = api_client.get("/api/products/", HTTP_IF_MODIFIED_SINCE=http_date(time.time() - 3600))

    assert response.status_code == 200


def test_a_changed_list_answers_a_stale_etag_with_the_new_list(api_client: APIClient, user_client: APIClient) -> None:
    product = ProductFactory.create()
    stale = api_client.get("/api/products/")["ETag"]

    user_client.post(f"/api/products/{product.pk}/upvote/")
    response = api_client.get("/api/products/", HTTP_IF_NONE_MATCH=stale)

    assert response.status_code == 200
    assert response["ETag"] != stale
    assert response.json()["results"][0]["upvote_count"] == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"HTTP_IF_NONE_MATCH": "garbage"}, 200),
        ({"HTTP_IF_NONE_MATCH": '"unterminated'}, 200),
        ({"HTTP_IF_MODIFIED_SINCE": "yesterday-ish"}, 200),
        ({"HTTP_IF_MATCH": '"nope"'}, 412),
        ({"HTTP_ACCEPT": "application/json; q=0.5, */*"}, 200),
    ],
)
def test_odd_conditional_headers_never_break_a_read(
    api_client: APIClient, lamp: Product, headers: Any, status: int
) -> None:
    cached = api_client.get("/api/products/")

    response = api_client.get("/api/products/", **headers)

    assert response.status_code == status
    if status == 200:
        assert response.content == cached.content


def test_a_read_that_wants_no_json_is_refused_even_when_cached(api_client: APIClient, lamp: Product) -> None:
    api_client.get("/api/products/")

    response = api_client.get("/api/products/", HTTP_ACCEPT="text/html")

    assert response.status_code == 406


# --- writes are seen at once ----------------------------------------------------------------
def test_a_new_product_an_edit_a_vote_and_a_deletion_show_at_once(
    api_client: APIClient, user: User, user_client: APIClient, other_client: APIClient
) -> None:
    category = CategoryFactory.create()
    assert api_client.get("/api/products/").json()["results"] == []

    created = user_client.post("/api/products/", {"title": "Zephyr", "category": category.slug}).json()
    assert [item["title"] for item in api_client.get("/api/products/").json()["results"]] == ["Zephyr"]

    user_client.patch(f"/api/products/{created['id']}/", {"title": "Zephyr 2"})
    assert api_client.get("/api/products/").json()["results"][0]["title"] == "Zephyr 2"
    assert api_client.get(f"/api/products/{created['id']}/").json()["title"] == "Zephyr 2"

    other_client.post(f"/api/products/{created['id']}/upvote/")
    assert api_client.get("/api/products/").json()["results"][0]["upvote_count"] == 1
    assert api_client.get(f"/api/products/{created['id']}/").json()["upvote_count"] == 1
    assert api_client.get("/api/search/products/?q=zephyr").json()["results"][0]["upvote_count"] == 1
    assert api_client.get("/api/categories/").json()["results"][0]["products_count"] == 1

    user_client.delete(f"/api/products/{created['id']}/")
    assert api_client.get("/api/products/").json()["results"] == []
    assert api_client.get(f"/api/products/{created['id']}/").status_code == 404
    assert api_client.get("/api/search/products/?q=zephyr").json()["results"] == []


def test_unpublishing_takes_the_product_and_its_discussion_away_at_once(
    api_client: APIClient, user: User, user_client: APIClient
) -> None:
    product = ProductFactory.create(author=user)
    CommentFactory.create(product=product)
    for url in product_urls(product):
        assert api_client.get(url).status_code == 200

    user_client.patch(f"/api/products/{product.pk}/", {"status": "archived"})

    for url in product_urls(product):
        assert api_client.get(url).status_code == 404


def test_comments_show_in_the_discussion_at_once(api_client: APIClient, user_client: APIClient, lamp: Product) -> None:
    url = f"/api/products/{lamp.pk}/comments/"
    assert len(api_client.get(url).json()["results"]) == 1

    comment = user_client.post(url, {"content": "Bright idea."}).json()
    assert [item["content"] for item in api_client.get(url).json()["results"]][-1] == "Bright idea."

    user_client.patch(f"/api/comments/{comment['id']}/", {"content": "Brilliant idea."})
    assert [item["content"] for item in api_client.get(url).json()["results"]][-1] == "Brilliant idea."

    user_client.delete(f"/api/comments/{comment['id']}/")
    assert len(api_client.get(url).json()["results"]) == 1


def test_a_category_edit_shows_at_once(api_client: APIClient, staff_client: APIClient) -> None:
    category = CategoryFactory.create(name="Tools")
    assert api_client.get(f"/api/categories/{category.slug}/").json()["name"] == "Tools"

    staff_client.patch(f"/api/categories/{category.slug}/", {"name": "Power tools"})

    assert api_client.get(f"/api/categories/{category.slug}/").json()["name"] == "Power tools"
    assert api_client.get("/api/categories/").json()["results"][0]["name"] == "Power tools"


def test_what_no_write_of_the_api_announces_shows_within_the_cache_lifetime(
    api_client: APIClient, settings: Settings
) -> None:
    settings.PUBLIC_CACHE_SECONDS = 30  # long enough that no entry expires on its own during the test
    product = ProductFactory.create(author=UserFactory.create(first_name="Ada"))
    assert api_client.get("/api/products/").json()["results"][0]["author"]["first_name"] == "Ada"

    type(product.author).objects.filter(pk=product.author_id).update(first_name="Renamed")
    with cache_time_passes(settings.PUBLIC_CACHE_SECONDS - 1):
        before_expiry = api_client.get("/api/products/").json()["results"][0]["author"]["first_name"]
    with cache_time_passes(settings.PUBLIC_CACHE_SECONDS):
        after_expiry = api_client.get("/api/products/").json()["results"][0]["author"]["first_name"]

    assert (before_expiry, after_expiry) == ("Ada", "Renamed")


# --- per-viewer fields are never shared -------------------------------------------------------
def test_nobody_sees_another_callers_upvotes_or_follows(
    api_client: APIClient, user: User, user_client: APIClient, other_client: APIClient, lamp: Product
) -> None:
    user_client.post(f"/api/products/{lamp.pk}/upvote/")
    Follow.objects.create(follower=user, followee=lamp.author)
    comment_author = lamp.comments.get().author
    Follow.objects.create(follower=user, followee=comment_author)
    urls = [*PUBLIC_READS, *product_urls(lamp)]

    # The signed-in reads come first: they fill the shared cache.
    mine = {url: user_client.get(url).json() for url in urls}
    anonymous = {url: api_client.get(url).json() for url in urls}
    others = {url: other_client.get(url).json() for url in urls}
    mine_again = {url: user_client.get(url).json() for url in urls}

    for url in ["/api/products/", "/api/search/products/?q=lamp", *product_urls(lamp)]:
        assert viewer_fields(mine[url]), url
        assert all(viewer_fields(mine[url])), url
        assert all(viewer_fields(mine_again[url])), url
        assert not any(viewer_fields(anonymous[url])), url
        assert not any(viewer_fields(others[url])), url


def test_a_caller_sees_their_own_state_on_a_page_others_cached(
    api_client: APIClient, user: User, user_client: APIClient, lamp: Product
) -> None:
    for url in [*PUBLIC_READS, *product_urls(lamp)]:
        api_client.get(url)  # cached for everybody, anonymous
    user_client.post(f"/api/products/{lamp.pk}/upvote/")
    Follow.objects.create(follower=user, followee=lamp.author)

    listed = user_client.get("/api/products/").json()["results"][0]
    page = user_client.get(f"/api/products/{lamp.pk}/").json()
    found = user_client.get("/api/search/products/?q=lamp").json()["results"][0]

    for product in (listed, page, found):
        assert product["has_upvoted"] is True
        assert product["author"]["is_following"] is True


def test_a_draft_is_never_shared_through_the_cache(
    api_client: APIClient, user: User, user_client: APIClient, other_client: APIClient
) -> None:
    draft = draft_factory(author=user, title="Secret lamp")
    CommentFactory.create(product=draft, author=user)

    for url in product_urls(draft):
        assert user_client.get(url).status_code == 200
        assert user_client.get(url)["Cache-Control"] == "private, no-store"
    for url in product_urls(draft):
        assert api_client.get(url).status_code == 404
        assert other_client.get(url).status_code == 404


def test_a_hidden_product_read_by_staff_stays_hidden_from_the_others(
    api_client: APIClient, staff_client: APIClient
) -> None:
    hidden = ProductFactory.create(is_hidden=True)
    CommentFactory.create(product=hidden)

    for url in product_urls(hidden):
        assert staff_client.get(url).status_code == 200
    for url in product_urls(hidden):
        assert api_client.get(url).status_code == 404


# --- views are counted, queries are few -------------------------------------------------------
def test_the_readers_of_a_cached_product_page_count_once_each_and_show_after_the_flush(
    api_client: APIClient, user_client: APIClient, lamp: Product
) -> None:
    counts = [api_client.get(f"/api/products/{lamp.pk}/").json()["view_count"] for _ in range(3)]
    counts.append(user_client.get(f"/api/products/{lamp.pk}/").json()["view_count"])
    product_view_counts_flush()
    cache.clear()  # the shared entry expired (PUBLIC_CACHE_SECONDS)

    assert counts == [0, 0, 0, 0]
    assert api_client.get(f"/api/products/{lamp.pk}/").json()["view_count"] == 2


@pytest.mark.parametrize("size", [2, 20])
def test_cached_reads_cost_a_fixed_number_of_queries(
    api_client: APIClient,
    user_client: APIClient,
    django_assert_num_queries: DjangoAssertNumQueries,
    settings: Settings,
    size: int,
) -> None:
    settings.PUBLIC_CACHE_SECONDS = 30  # no entry may expire on its own while a slow machine runs the test
    product = ProductFactory.create()
    for _ in range(size):
        ProductFactory.create(author=UserFactory.create())
        CommentFactory.create(product=product, parent=CommentFactory.create(product=product))
    urls = [f"/api/products/?page_size={size}", f"/api/products/{product.pk}/comments/?page_size={size}"]
    for url in [*urls, f"/api/products/{product.pk}/"]:
        api_client.get(url)
    user_client.get("/api/auth/me/")  # a first read caches the caller's row (users.account_cache)

    for url in urls:
        with django_assert_num_queries(0):
            api_client.get(url)
        with django_assert_num_queries(1):  # their upvotes and follows among what is shown
            user_client.get(url)
    with django_assert_num_queries(0):  # the view is counted in the cache
        api_client.get(f"/api/products/{product.pk}/")
    with django_assert_num_queries(1):  # their upvote and follow
        user_client.get(f"/api/products/{product.pk}/")


def test_a_signed_in_read_fills_the_cache_with_the_anonymous_page(
    api_client: APIClient, user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    ProductFactory.create_batch(3)

    with django_assert_num_queries(3):  # the caller, the page as anybody sees it, their marks on it
        user_client.get("/api/products/")
    with django_assert_num_queries(0):
        api_client.get("/api/products/")


def test_signed_in_callers_each_get_their_own_state(lamp: Product) -> None:
    voters = [UserFactory.create() for _ in range(3)]
    client_for(voters[0]).post(f"/api/products/{lamp.pk}/upvote/")

    states = [client_for(voter).get("/api/products/").json()["results"][0]["has_upvoted"] for voter in voters]

    assert states == [True, False, False]


# --- what a worker keeps in its own memory -----------------------------------------------------
class WorkerClock:
    """The monotonic clock by which a worker ages the entries it keeps in memory, moved by the
    test (time-machine moves the wall clock only)."""

    def __init__(self) -> None:
        self.now = time.monotonic()

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def worker_memory(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[WorkerClock]:
    settings.PUBLIC_CACHE_LOCAL_SECONDS = 0.3
    clock = WorkerClock()
    monkeypatch.setattr("core.http_cache.time", SimpleNamespace(monotonic=clock.monotonic, time=time.time))
    yield clock
    forget_local_entries()


def titles(client: APIClient) -> list[str]:
    return sorted(item["title"] for item in client.get("/api/products/").json()["results"])


def test_another_workers_write_shows_here_within_a_fraction_of_a_second(
    api_client: APIClient, worker_memory: WorkerClock
) -> None:
    ProductFactory.create(title="First")
    assert titles(api_client) == ["First"]

    ProductFactory.create(title="Second")
    cache.incr(version_key(PRODUCTS))  # what a write through another worker does to the cache
    kept = titles(api_client)
    worker_memory.advance(0.29)
    still_kept = titles(api_client)
    worker_memory.advance(0.02)

    assert (kept, still_kept) == (["First"], ["First"])
    assert titles(api_client) == ["First", "Second"]


@pytest.mark.usefixtures("worker_memory")
def test_a_write_through_this_worker_shows_at_once(api_client: APIClient, user_client: APIClient) -> None:
    ProductFactory.create(title="First")
    assert titles(api_client) == ["First"]

    user_client.post("/api/products/", {"title": "Second", "category": CategoryFactory.create().slug})

    assert titles(api_client) == ["First", "Second"]


@pytest.mark.usefixtures("worker_memory")
def test_a_page_this_worker_holds_costs_no_query_and_no_cache_read(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProductFactory.create()
    api_client.get("/api/products/")
    monkeypatch.setattr(cache, "get_many", lambda *args, **kwargs: pytest.fail("the cache was read"))

    with django_assert_num_queries(0):
        assert api_client.get("/api/products/").status_code == 200
