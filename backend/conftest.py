"""Fixtures shared by every app's tests. Factories live in each app's tests/factories.py, the
helpers of an app's tests in its tests/support.py, and helpers every app's tests use in
core/tests/support.py."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from core.throttling import reservations
from products.services import product_view_counts_take
from users.models import User
from users.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings: Settings, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    reservations.forget()  # counts taken from the cache just cleared
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_views_left_from_other_tests() -> None:
    """Views counted by earlier tests wait in this process's buffer (on the in-process cache),
    under ids that the products of this test may reuse."""
    product_view_counts_take()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db: None) -> User:
    return UserFactory.create()


@pytest.fixture
def other_user(db: None) -> User:
    return UserFactory.create()


@pytest.fixture
def staff_user(db: None) -> User:
    return UserFactory.create(is_staff=True)


def client_for(user: User) -> APIClient:
    """An API client that sends `user`'s access token, as a signed-in app would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


@pytest.fixture
def user_client(user: User) -> APIClient:
    return client_for(user)


@pytest.fixture
def other_client(other_user: User) -> APIClient:
    return client_for(other_user)


@pytest.fixture
def staff_client(staff_user: User) -> APIClient:
    return client_for(staff_user)
