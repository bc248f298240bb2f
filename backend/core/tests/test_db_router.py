"""Reads of GET requests go to the read replica; writes, and a client's reads right after its own
write, go to the primary; a replica that is unreachable or stops fails no request
(core.db_router, core.read_your_writes, core.replica_health).

The replica here is a second connection to the test database (what the primary wrote, it reads
at once: no replication lag), or a server that does not answer (a port nobody listens on). The
metric `vitrin_db_reads_total` says where each read went and why."""

import contextlib
import copy
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from conftest import client_for
from core.db_router import PRIMARY, READS, RequestRouting, routing_for_request
from core.read_your_writes import PIN_COOKIE
from core.replica_health import REPLICA, close_quietly, replica_health
from core.tests.support import cache_time_passes
from products.models import Product
from products.tests.factories import ProductFactory
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD
from vitrin.settings.base import database_from_url

# The replica is a database of the test like the primary (Django refuses a query to another).
pytestmark = pytest.mark.django_db(transaction=True, databases=[PRIMARY, REPLICA])

ROUTER = "core.db_router.PrimaryReplicaRouter"
MIDDLEWARE = "core.read_your_writes.ReadYourWritesMiddleware"


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def set_replica(database: dict[str, Any], *, checked_again: bool = True) -> None:
    """Points the `replica` alias at `database`, as DATABASE_REPLICA_URL does (vitrin/settings/base.py:
    a mirror of the primary's test database, never one of its own)."""
    if REPLICA in connections.settings:
        close_quietly(REPLICA)
        with contextlib.suppress(AttributeError):  # no connection made in this thread yet
            del connections[REPLICA]
    database = {**database, "TEST": {"MIRROR": PRIMARY}}
    connections.settings[REPLICA] = connections.configure_settings(
        {PRIMARY: connections.settings[PRIMARY], REPLICA: database}
    )[REPLICA]
    if checked_again:
        replica_health.forget()


def second_connection_to_the_test_database() -> dict[str, Any]:
    return copy.deepcopy(connections[PRIMARY].settings_dict)


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The alias exists before each test declares its databases, and only in this module."""
    set_replica(second_connection_to_the_test_database())
    yield
    close_quietly(REPLICA)
    with contextlib.suppress(AttributeError):
        del connections[REPLICA]
    del connections.settings[REPLICA]
    replica_health.forget()


@pytest.fixture
def routed(settings: Settings) -> None:
    """The router and middleware that DATABASE_REPLICA_URL installs (vitrin/settings/base.py)."""
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


@pytest.fixture
def replica(routed: None) -> None:
    """A replica that is a second connection to the test database."""
    set_replica(second_connection_to_the_test_database())


@pytest.fixture
def unreachable_replica(routed: None) -> None:
    """A PostgreSQL replica on a port nobody listens on, configured as production's."""
    set_replica(nobody_listening())


def nobody_listening() -> dict[str, Any]:
    return database_from_url(f"postgres://vitrin@127.0.0.1:{unused_port()}/vitrin", connect_timeout=2)


def stop_replica() -> None:
    """The replica goes away after it was last checked: on PostgreSQL it ends the open connection
    and refuses the next one; SQLite has no server to stop (and keeps an in-memory database
    open), so the alias is moved to a server that does not answer."""
    replica = connections[REPLICA]
    if replica.vendor == "postgresql":
        replica.ensure_connection()
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [replica.connection.info.backend_pid])
        replica.settings_dict["PORT"] = unused_port()
    else:
        set_replica(nobody_listening(), checked_again=False)


def routed_reads(call: Callable[[], Any]) -> dict[tuple[str, str], int]:
    """How many reads `call` sent to each database, by reason: {(database, reason): count}."""

    def counts() -> dict[tuple[str, str], float]:
        return {
            (sample.labels["database"], sample.labels["reason"]): sample.value
            for metric in READS.collect()
            for sample in metric.samples
            if sample.name == "vitrin_db_reads_total"
        }

    before = counts()
    call()
    return {
        route: int(value - before.get(route, 0)) for route, value in counts().items() if value > before.get(route, 0)
    }


@contextlib.contextmanager
def pin_window_passes() -> Iterator[None]:
    """More than REPLICA_PIN_SECONDS (5) later: on the clock (the age of the signed cookie, the end
    of the account's pin) and in the cache (whose answers would spare the next request its reads)."""
    with cache_time_passes(6), time_machine.travel(time.time() + 6, tick=False):
        yield


@pytest.fixture
def lamp() -> Product:
    return ProductFactory.create(title="Lamp")


# --- where reads go -------------------------------------------------------------------------
def test_the_reads_of_a_get_go_to_the_replica_and_none_to_the_primary(replica: None, lamp: Product) -> None:
    client = APIClient()

    with CaptureQueriesContext(connections[PRIMARY]) as primary_queries:
        routes = routed_reads(lambda: client.get(f"/api/products/{lamp.pk}/"))
        response = client.get(f"/api/products/{lamp.pk}/")

    assert response.status_code == 200
    assert response.json()["title"] == "Lamp"
    assert set(routes) == {(REPLICA, "fresh")}
    assert primary_queries.captured_queries == []


def test_a_signed_in_readers_marks_and_a_search_are_read_from_the_replica_too(replica: None, lamp: Product) -> None:
    """The raw SQL of products.queries (the caller's upvotes and follows) and search.queries goes
    where the router sends the request's reads, not to the primary's connection."""
    reader = client_for(ProductFactory.create(title="Other").author)
    reader.get("/api/auth/me/")  # the reader's row is cached: only the list's own reads remain
    for path in ("/api/products/?page_size=5", "/api/search/products/?q=lamp"):
        with CaptureQueriesContext(connections[PRIMARY]) as primary_queries:
            response = reader.get(path)

        assert response.status_code == 200
        assert primary_queries.captured_queries == [], path


def test_a_write_request_reads_from_the_primary(replica: None, lamp: Product, user: User) -> None:
    client = client_for(user)

    routes = routed_reads(lambda: client.post(f"/api/products/{lamp.pk}/upvote/"))

    assert set(routes) == {(PRIMARY, "unsafe_method")}


def test_reads_outside_a_request_go_to_the_primary_and_migrations_run_on_it_alone(replica: None) -> None:
    assert router.db_for_read(Product) == PRIMARY
    assert router.allow_migrate(PRIMARY, "products") is True
    assert router.allow_migrate(REPLICA, "products") is False


def test_a_row_read_from_the_replica_may_point_at_one_read_from_the_primary(replica: None, lamp: Product) -> None:
    from_replica = Product.objects.using(REPLICA).get(pk=lamp.pk)
    author_from_primary = User.objects.using(PRIMARY).get(pk=lamp.author_id)

    from_replica.author = author_from_primary

    assert from_replica.author_id == author_from_primary.pk


def test_within_a_request_reads_after_a_write_or_inside_a_transaction_go_to_the_primary(
    replica: None, lamp: Product
) -> None:
    routing = RequestRouting(safe_method=True, client_is_pinned=lambda: False)
    with routing_for_request(routing):
        before_write = router.db_for_read(Product)
        with transaction.atomic():
            in_transaction = router.db_for_read(Product)
        Product.objects.filter(pk=lamp.pk).update(tagline="Brighter.")
        after_write = router.db_for_read(Product)

    assert (before_write, in_transaction, after_write) == (REPLICA, PRIMARY, PRIMARY)


# --- read-your-writes -----------------------------------------------------------------------
def test_a_signed_in_client_reads_its_upvote_from_the_primary_until_the_pin_window_passes(
    replica: None, lamp: Product, user: User, other_user: User
) -> None:
    client_for(user).post(f"/api/products/{lamp.pk}/upvote/")
    # Another client of the same account, keeping no cookie: the account itself is pinned.
    same_account = client_for(user)

    pinned: dict[str, Any] = {}
    routes = routed_reads(lambda: pinned.update(response=same_account.get(f"/api/products/{lamp.pk}/")))
    someone_else = routed_reads(lambda: client_for(other_user).get(f"/api/products/{lamp.pk}/"))
    with pin_window_passes():
        later = routed_reads(lambda: same_account.get(f"/api/products/{lamp.pk}/"))

    assert pinned["response"].json()["has_upvoted"] is True
    assert set(routes) == {(PRIMARY, "pinned")}
    assert set(someone_else) == {(REPLICA, "fresh")}
    assert set(later) == {(REPLICA, "fresh")}


def test_a_client_that_signed_up_reads_its_new_account_from_the_primary(replica: None) -> None:
    client = APIClient()
    signed_up = client.post(
        "/api/auth/register/", {"username": "ada", "email": "ada@example.com", "password": DEFAULT_PASSWORD}
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {signed_up.json()['access']}")
    # The same token without the cookie: an account that did not write itself is not pinned.
    cookieless = APIClient()
    cookieless.credentials(HTTP_AUTHORIZATION=f"Bearer {signed_up.json()['access']}")

    me: dict[str, Any] = {}
    routes = routed_reads(lambda: me.update(response=client.get("/api/auth/me/")))
    without_cookie = routed_reads(lambda: cookieless.get("/api/auth/me/"))
    with pin_window_passes():
        later = routed_reads(lambda: client.get("/api/auth/me/"))

    assert signed_up.status_code == 201
    assert signed_up.cookies[PIN_COOKIE]["max-age"] == 5
    assert me["response"].status_code == 200
    assert me["response"].json()["username"] == "ada"
    assert set(routes) == {(PRIMARY, "pinned")}
    assert set(without_cookie) == {(REPLICA, "fresh")}
    assert set(later) == {(REPLICA, "fresh")}


def test_a_forged_pin_cookie_pins_nothing(replica: None, lamp: Product) -> None:
    client = APIClient()
    client.cookies[PIN_COOKIE] = "1"

    routes = routed_reads(lambda: client.get(f"/api/products/{lamp.pk}/"))

    assert set(routes) == {(REPLICA, "fresh")}


def test_with_the_cache_unreachable_a_signed_in_client_reads_from_the_primary(
    replica: None, settings: Settings, lamp: Product, user: User
) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{unused_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True},
        }
    }

    signed_in: dict[str, Any] = {}
    routes = routed_reads(lambda: signed_in.update(response=client_for(user).get(f"/api/products/{lamp.pk}/")))
    anonymous = routed_reads(lambda: APIClient().get(f"/api/products/{lamp.pk}/"))

    assert signed_in["response"].status_code == 200
    assert set(routes) == {(PRIMARY, "pin_unknown")}
    assert set(anonymous) == {(REPLICA, "fresh")}


# --- a replica that fails -------------------------------------------------------------------
def test_a_replica_that_cannot_be_reached_leaves_the_reads_on_the_primary(
    unreachable_replica: None, lamp: Product
) -> None:
    responses: list[Any] = []

    routes = routed_reads(lambda: responses.extend(APIClient().get(f"/api/products/{lamp.pk}/") for _ in range(3)))

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert [response.json()["title"] for response in responses] == ["Lamp", "Lamp", "Lamp"]
    assert set(routes) == {(PRIMARY, "replica_down")}


def test_a_replica_that_stops_between_two_checks_fails_no_request(
    replica: None, settings: Settings, lamp: Product
) -> None:
    # The replica was found up, and is not checked again for an hour: requests go on to it.
    settings.REPLICA_CHECK_SECONDS = 3600
    client = APIClient()
    first = routed_reads(lambda: client.get("/api/products/"))
    stop_replica()

    responses: list[Any] = []
    failing = routed_reads(lambda: responses.append(client.get(f"/api/products/{lamp.pk}/")))
    after = routed_reads(lambda: responses.append(client.get("/api/products/?ordering=new")))

    assert set(first) == {(REPLICA, "fresh")}
    assert [response.status_code for response in responses] == [200, 200]
    assert responses[0].json()["title"] == "Lamp"
    assert [item["title"] for item in responses[1].json()["results"]] == ["Lamp"]
    assert (PRIMARY, "replica_failed") in failing
    assert set(after) == {(PRIMARY, "replica_down")}


def test_where_reads_go_is_on_the_metrics_page(replica: None, settings: Settings, lamp: Product) -> None:
    if not settings.METRICS_ENABLED:
        pytest.skip("METRICS_ENABLED is off: /metrics is not served.")
    client = APIClient()
    client.get(f"/api/products/{lamp.pk}/")

    page = client.get("/metrics").content.decode()

    assert 'vitrin_db_reads_total{database="replica",reason="fresh"}' in page
