"""Signed-in reads take the caller's row from the cache (users.authentication); a change to the
row reaches the very next request, whichever field it is, and writes always read the row."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from conftest import client_for
from products.tests.factories import ProductFactory
from users.account_cache import CACHED_FIELDS
from users.models import User
from users.services import user_deactivate, user_staff_save
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def markers_expired(*users: User) -> None:
    """What CHANGED_MARKER_SECONDS after the users' last save brings: their markers gone."""
    for user in users:
        cache.delete(f"auth-user:v1:{user.pk}")


def users_table_queries(client: APIClient, path: str) -> tuple[int, int]:
    """The status of GET `path` and how many of its queries read the users table."""
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, sum('"users_user"' in query["sql"] for query in queries.captured_queries)


def test_a_signed_in_read_loads_the_callers_row_once_then_takes_it_from_the_cache(user: User) -> None:
    client = client_for(user)
    product = ProductFactory.create()
    markers_expired(user)

    first = users_table_queries(client, f"/api/products/{product.pk}/")
    second = users_table_queries(client, f"/api/products/{product.pk}/")

    assert first[0] == second[0] == 200
    assert first[1] >= 1
    assert second[1] == 0


def test_a_deactivated_account_is_refused_at_its_next_read(user: User) -> None:
    client = client_for(user)
    markers_expired(user)
    assert client.get("/api/notifications/").status_code == 200  # the row is now cached

    user_deactivate(user=user)

    assert client.get("/api/notifications/").status_code == 401


def test_losing_staff_rights_applies_to_the_next_read(user: User) -> None:
    staff = UserFactory.create(is_staff=True)
    hidden = ProductFactory.create(author=user, is_hidden=True)
    client = client_for(staff)
    markers_expired(staff)
    assert client.get(f"/api/products/{hidden.pk}/").status_code == 200

    staff.is_staff = False
    user_staff_save(user=staff, email=staff.email)  # what the admin's change form calls

    assert client.get(f"/api/products/{hidden.pk}/").status_code == 404


def test_own_profile_shows_the_current_row_not_the_cached_one(user: User, other_user: User) -> None:
    client = client_for(user)
    markers_expired(user)
    assert client.get("/api/auth/me/").json()["following_count"] == 0

    assert client.post(f"/api/users/{other_user.username}/follow/").status_code == 200
    me = client.get("/api/auth/me/").json()

    assert me["following_count"] == 1  # a counter moved by an UPDATE, which sends no signal
    assert me["email"] == user.email


def test_a_read_that_began_before_a_change_cannot_cache_the_old_row(user: User) -> None:
    """A request reads the row, the account is deactivated, then that request caches what it
    read: the marker left by the change keeps the old row out, so the next read refuses."""
    client = client_for(user)
    markers_expired(user)
    row_read_before = tuple(getattr(user, field) for field in CACHED_FIELDS)
    user_deactivate(user=user)

    stored = cache.add(f"auth-user:v1:{user.pk}", row_read_before, 60)  # what the late request does

    assert stored is False
    assert client.get("/api/notifications/").status_code == 401


def test_writes_use_the_row_itself(user: User) -> None:
    client = client_for(user)
    markers_expired(user)
    client.get("/api/auth/me/")  # cached
    User.objects.filter(pk=user.pk).update(is_active=False)  # not through a service: the copy stays

    assert client.get("/api/notifications/").status_code == 200  # a read trusts the copy (a minute at most)
    assert client.patch("/api/auth/me/", {"bio": "Still here?"}).status_code == 401


def test_without_a_cache_every_read_loads_the_row(user: User, settings: Settings) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client = client_for(user)

    statuses = [users_table_queries(client, "/api/notifications/") for _ in range(2)]

    assert [status for status, _ in statuses] == [200, 200]
    assert all(reads >= 1 for _, reads in statuses)


def test_an_unknown_account_is_refused_on_reads() -> None:
    ghost = UserFactory.create()
    client = client_for(ghost)
    ghost.delete()

    response = client.get("/api/notifications/")

    assert response.status_code == 401
