"""No input, however malformed, gets a 500 (the contract's conventions): forged page links,
ids beyond 64 bits, bodies nested 100,000 deep, NUL characters in the address.

Each attack here answered 500 once; beside them, what must keep working (the links the API
gives out, the largest id, query parameters refusing a NUL by name). Some NUL cases answered
500 on PostgreSQL only (its driver refuses them): run this file there too (DATABASE_URL)."""

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from comments.models import Comment
from comments.tests.factories import CommentFactory
from conftest import client_for
from core.tests.support import cursor_from_text, cursor_payloads, encode_cursor, id_numbers
from notifications.tests.factories import NotificationFactory
from products.models import Product, Upvote
from products.tests.factories import ProductFactory
from users.models import Follow, User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INVALID_CURSOR = {"cursor": ["This page link is invalid. Start again from the first page."]}
NOTHING_HERE = {"detail": "There is nothing at this address."}
NOT_FOUND = {"detail": "Not found."}
TOO_DEEP = {"detail": "The request body could not be read: JSON nested more than 64 levels deep."}

# Function-scoped fixtures build the data once per test, and every example only reads it (or
# writes to ids that exist nowhere), so sharing them between examples is what we want.
PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@dataclass(frozen=True)
class World:
    """Something in every list, seen by `reader` (signed in where a list needs it)."""

    reader: User
    product: Product
    comment: Comment


@pytest.fixture
def world() -> World:
    """Two of everything, so that each list has a second page."""
    reader = UserFactory.create(username="reader")
    maker, fan = UserFactory.create(username="maker"), UserFactory.create(username="fan")
    for other in (maker, fan):
        Follow.objects.create(follower=reader, followee=other)
        Follow.objects.create(follower=other, followee=reader)
    tools = CategoryFactory.create(slug="tools")
    product = ProductFactory.create(author=maker, title="Toolbox", category=tools, tags=["x"])
    ProductFactory.create(author=fan, title="Toolbox two", category=tools, tags=["x"])
    ProductFactory.create_batch(2, author=reader, title="Toolbox of mine")
    for upvoted in Product.objects.exclude(author=reader):
        Upvote.objects.create(user=reader, product=upvoted)
    comment = CommentFactory.create(product=product, author=maker)
    CommentFactory.create(product=product, author=fan)
    CommentFactory.create_batch(2, parent=comment)
    NotificationFactory.create_batch(2, recipient=reader, actor=maker)
    return World(reader=reader, product=product, comment=comment)


# Every list paged by a keyset: whether it needs the reader signed in, and whether its ordering
# starts with a timestamp (the others: a score, a count or a name).
KEYSET_LISTS_ORDERED = [
    ("/api/products/", False, False),
    ("/api/products/?ordering=new", False, True),
    ("/api/products/?ordering=top", False, False),
    ("/api/products/?category=tools&tag=x", False, False),
    ("/api/feed/", True, True),
    ("/api/products/{product}/comments/", False, True),
    ("/api/comments/{comment}/replies/", False, True),
    ("/api/notifications/", True, True),
    ("/api/users/reader/followers/", False, True),
    ("/api/users/reader/following/", False, True),
    ("/api/users/reader/upvotes/", False, True),
    ("/api/auth/me/products/", True, True),
    ("/api/categories/", False, False),
    ("/api/search/products/?q=toolbox", False, False),
    ("/api/search/products/?q=toolbox&ordering=new", False, False),
    ("/api/search/products/?q=toolbox&ordering=top", False, False),
]
KEYSET_LISTS = [(url, signed_in) for url, signed_in, _ in KEYSET_LISTS_ORDERED]
TIME_ORDERED_LISTS = [(url, signed_in) for url, signed_in, by_time in KEYSET_LISTS_ORDERED if by_time]


def _list_client(world: World, *, signed_in: bool) -> APIClient:
    return client_for(world.reader) if signed_in else APIClient()


def _with_param(url: str, world: World, param: str) -> str:
    url = url.format(product=world.product.pk, comment=world.comment.pk)
    return f"{url}{'&' if '?' in url else '?'}{param}"


# --- page links ---------------------------------------------------------------------------
@pytest.mark.parametrize(("url", "signed_in"), KEYSET_LISTS)
@pytest.mark.parametrize(
    "position",
    [
        pytest.param([None, None], id="null"),
        pytest.param([None, 1], id="null-then-id"),
        pytest.param([10**30, 10**30], id="beyond-64-bits"),
        pytest.param([1.5, 2**63], id="id-just-beyond-64-bits"),
        pytest.param([float("nan"), 1], id="nan"),
        pytest.param([float("inf"), 1], id="infinity"),
        pytest.param(["a\x00b", 1], id="nul"),
        pytest.param(["\ud800", 1], id="lone-surrogate"),
        pytest.param([[1], {"a": 1}], id="nested"),
    ],
)
def test_a_forged_page_link_is_refused(world: World, url: str, signed_in: bool, position: list[Any]) -> None:
    cursor = encode_cursor({"p": position, "r": 0})

    response = _list_client(world, signed_in=signed_in).get(_with_param(url, world, f"cursor={cursor}"))

    assert (response.status_code, response.json()) == (400, INVALID_CURSOR)


@pytest.mark.parametrize(("url", "signed_in"), TIME_ORDERED_LISTS)
@pytest.mark.parametrize(
    "moment",
    [
        pytest.param("2026-01-01T12:00:00", id="naive"),
        pytest.param("0001-01-01T00:00:00+05:00", id="before-year-1-in-utc"),
        pytest.param("9999-12-31T23:00:00-05:00", id="after-year-9999-in-utc"),
    ],
)
def test_a_page_link_with_an_impossible_timestamp_is_refused(
    world: World, url: str, signed_in: bool, moment: str
) -> None:
    cursor = encode_cursor({"p": [moment, 1], "r": 0})

    response = _list_client(world, signed_in=signed_in).get(_with_param(url, world, f"cursor={cursor}"))

    assert (response.status_code, response.json()) == (400, INVALID_CURSOR)


@pytest.mark.parametrize(("url", "signed_in"), KEYSET_LISTS)
def test_a_page_link_nested_thousands_deep_is_refused(world: World, url: str, signed_in: bool) -> None:
    cursor = cursor_from_text('{"p":' + "[" * 5000 + "]" * 5000 + "}")

    response = _list_client(world, signed_in=signed_in).get(_with_param(url, world, f"cursor={cursor}"))

    assert (response.status_code, response.json()) == (400, INVALID_CURSOR)


@pytest.mark.parametrize(("url", "signed_in"), KEYSET_LISTS)
def test_the_page_links_given_out_still_work(world: World, url: str, signed_in: bool) -> None:
    client = _list_client(world, signed_in=signed_in)
    first = client.get(_with_param(url, world, "page_size=1"))
    assert first.status_code == 200, first.json()

    second = client.get(first.json()["next"])
    back = client.get(second.json()["previous"])

    assert (second.status_code, back.status_code) == (200, 200)
    assert back.json()["results"] == first.json()["results"]


@pytest.mark.parametrize(("url", "signed_in"), KEYSET_LISTS)
@PROPERTY_SETTINGS
@given(payload=cursor_payloads)
def test_any_json_as_a_page_link_answers_a_page_or_the_invalid_link_message(
    world: World, url: str, signed_in: bool, payload: Any
) -> None:
    cache.clear()  # the rate limits count every example
    response = _list_client(world, signed_in=signed_in).get(_with_param(url, world, f"cursor={encode_cursor(payload)}"))

    assert response.status_code in {200, 400}, response.content
    if response.status_code == 400:
        assert response.json() == INVALID_CURSOR


# --- ids in the path ----------------------------------------------------------------------
# Every route with an id in its path, with each method it answers (the writes signed in).
ID_ROUTES = [
    ("get", "/api/products/{id}/"),
    ("patch", "/api/products/{id}/"),
    ("delete", "/api/products/{id}/"),
    ("post", "/api/products/{id}/upvote/"),
    ("delete", "/api/products/{id}/upvote/"),
    ("get", "/api/products/{id}/comments/"),
    ("post", "/api/products/{id}/comments/"),
    ("patch", "/api/comments/{id}/"),
    ("delete", "/api/comments/{id}/"),
    ("get", "/api/comments/{id}/replies/"),
]
WRITE_BODY = {"content": "Hello", "title": "Renamed"}


def _call(client: APIClient, method: str, url: str) -> Any:
    if method in {"post", "patch"}:
        return getattr(client, method)(url, WRITE_BODY, format="json")
    return getattr(client, method)(url)


def _rows() -> tuple[int, ...]:
    return (Product.objects.count(), Comment.objects.count(), Upvote.objects.count())


@pytest.fixture
def writer(db: None) -> APIClient:
    """Signed in, owning nothing, not staff."""
    return client_for(UserFactory.create(username="writer"))


@pytest.mark.parametrize(("method", "route"), ID_ROUTES)
@pytest.mark.parametrize("number", ["0", "9223372036854775808", "1000000000000000000000000000000"])
def test_an_id_no_row_can_have_is_404(world: World, writer: APIClient, method: str, route: str, number: str) -> None:
    before = _rows()

    response = _call(writer, method, route.format(id=number))

    assert (response.status_code, response.json()) == (404, NOTHING_HERE)
    assert _rows() == before


@pytest.mark.parametrize(("method", "route"), ID_ROUTES)
def test_the_largest_64_bit_id_is_an_unknown_one(world: World, writer: APIClient, method: str, route: str) -> None:
    before = _rows()

    response = _call(writer, method, route.format(id=2**63 - 1))

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert _rows() == before


@PROPERTY_SETTINGS
@given(route=st.sampled_from(ID_ROUTES), number=id_numbers)
def test_any_integer_as_an_id_never_gets_a_500(
    world: World, writer: APIClient, route: tuple[str, str], number: int
) -> None:
    cache.clear()  # the rate limits count every example
    method, path = route
    rows = Comment.objects if path.startswith("/api/comments/") else Product.objects
    existing = set(rows.values_list("pk", flat=True))

    response = _call(writer, method, path.format(id=number))

    assert response.status_code < 500, response.content
    if number not in existing:
        assert response.status_code == 404
        assert response.json() in (NOTHING_HERE, NOT_FOUND)


# --- bodies nested too deeply -------------------------------------------------------------
JSON_WRITES = [
    ("post", "/api/products/"),
    ("patch", "/api/products/{product}/"),
    ("post", "/api/products/{product}/comments/"),
    ("patch", "/api/comments/{comment}/"),
    ("post", "/api/notifications/read/"),
    ("patch", "/api/auth/me/"),
    ("post", "/api/auth/login/"),
    ("post", "/api/auth/register/"),
]


def _nested(depth: int) -> str:
    """`{"content": "Deep.", "extra": [[...]]}`, `depth` levels deep counting the object."""
    return '{"content": "Deep.", "extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


@pytest.mark.parametrize(("method", "url"), JSON_WRITES)
def test_a_body_of_100000_brackets_is_refused(world: World, method: str, url: str) -> None:
    client = client_for(world.product.author)
    before = _rows()
    path = url.format(product=world.product.pk, comment=world.comment.pk)

    response = getattr(client, method)(path, "[" * 100_000, content_type="application/json")

    assert (response.status_code, response.json()) == (400, TOO_DEEP)
    assert _rows() == before


def test_a_body_nested_65_deep_is_refused_and_64_deep_is_read(world: World) -> None:
    client = client_for(world.reader)
    url = f"/api/products/{world.product.pk}/comments/"

    too_deep = client.post(url, _nested(65), content_type="application/json")
    deep_enough = client.post(url, _nested(64), content_type="application/json")

    assert (too_deep.status_code, too_deep.json()) == (400, TOO_DEEP)
    assert deep_enough.status_code == 201
    assert Comment.objects.filter(content="Deep.").count() == 1


def test_brackets_inside_strings_are_text_not_nesting(world: World) -> None:
    content = '"[{' * 300 + "\\"

    response = client_for(world.reader).post(
        f"/api/products/{world.product.pk}/comments/", {"content": content}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["content"] == content


# --- NUL characters in the address --------------------------------------------------------
NUL_PATHS = [
    ("get", "/api/users/%00/"),
    ("get", "/api/users/a%00b/"),
    ("get", "/api/users/%00/upvotes/"),
    ("get", "/api/users/%00/followers/"),
    ("get", "/api/users/%00/following/"),
    ("post", "/api/users/%00/follow/"),
    ("delete", "/api/users/%00/follow/"),
    ("get", "/api/categories/%00/"),
    ("get", "/api/products/1%00/"),
]


@pytest.mark.parametrize(("method", "path"), NUL_PATHS)
def test_a_nul_in_the_path_is_404(world: World, method: str, path: str) -> None:
    response = getattr(client_for(world.reader), method)(path)

    assert (response.status_code, response.json()) == (404, NOTHING_HERE)


NUL_REFUSED = ["Null characters are not allowed."]


@pytest.mark.parametrize(
    ("path", "errors"),
    [
        ("/api/search/products/?q=%00", {"q": NUL_REFUSED}),
        ("/api/search/products/?q=tool%00box", {"q": NUL_REFUSED}),
        ("/api/search/suggest/?q=%00", {"q": NUL_REFUSED}),
        ("/api/products/?tag=%00", {"tag": NUL_REFUSED}),
        ("/api/products/?category=%00", {"category": NUL_REFUSED}),
        ("/api/products/?author=%00", {"author": NUL_REFUSED}),
        ("/api/products/?ordering=%00", {"ordering": ["Choose the ordering among hot, new and top."]}),
        ("/api/products/?date=%00", {"date": ["Give the date as YYYY-MM-DD, for example 2026-03-14."]}),
        ("/api/products/?cursor=%00", INVALID_CURSOR),
        ("/api/products/?page_size=%00", {"page_size": ["Give page_size as a whole number from 1 to 100."]}),
        ("/api/auth/me/products/?status=%00", {"status": ["Choose the status among draft, published and archived."]}),
    ],
)
def test_a_nul_in_a_query_parameter_is_400_naming_the_parameter(
    world: World, path: str, errors: dict[str, list[str]]
) -> None:
    response = client_for(world.reader).get(path)

    assert (response.status_code, response.json()) == (400, errors)


def test_a_nul_in_a_parameter_name_is_ignored_like_any_unknown_parameter(world: World) -> None:
    response = APIClient().get("/api/products/?%00=1")

    assert response.status_code == 200
    assert response.json() == APIClient().get("/api/products/").json()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/auth/login/", "/api/auth/register/"])
def test_a_json_body_over_the_size_limit_is_refused_unread(api_client: APIClient, settings: Any, path: str) -> None:
    # Django checks DATA_UPLOAD_MAX_MEMORY_SIZE only for form and multipart bodies; DRF reads
    # JSON straight from the stream, so before the parser's own check any size was read.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = json.dumps({"email": "x@example.com", "password": "p" * (1024 * 1024)})

    response = api_client.post(path, data=body, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large: send at most 1 MB."}


@pytest.mark.django_db
def test_a_form_with_too_many_fields_is_a_json_400() -> None:
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields with its own HTML page.
    client = client_for(UserFactory.create())
    body = "&".join(f"ids={index}" for index in range(1001))

    response = client.post("/api/notifications/read/", data=body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body has too many fields. Send JSON."}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/products/1000000000000000000000000000000/comments/", "/api/no-such-thing/"])
def test_an_unknown_api_path_is_the_json_404_in_development_too(
    api_client: APIClient, settings: Any, path: str
) -> None:
    # `make run` runs with DEBUG on, where Django's own 404 is an HTML page listing every URL.
    settings.DEBUG = True

    response = api_client.get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "There is nothing at this address."}


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/products/9223372036854775808/upvote/", "/api/categories/a%26b%3E/"])
def test_a_write_to_an_unknown_api_path_is_the_json_404(method: str, path: str) -> None:
    # As a browser or an API client sends it: the CSRF check runs (the test client skips it).
    client = APIClient(enforce_csrf_checks=True)
    client.force_authenticate(UserFactory.create())

    response = getattr(client, method)(path, {}, format="json")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is nothing at this address."}
