"""Vitrin's own counters at /metrics: each business event counts once, after its transaction
commits, and a refused or repeated write counts nothing. The counters live in the process and
grow across the whole test run, so each test compares a sample before and after."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.conf import settings
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from products.services import product_view_count
from products.tasks import flush_view_counts
from products.tests.factories import ProductFactory
from users.models import User
from users.tests.factories import UserFactory

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.METRICS_ENABLED, reason="METRICS_ENABLED is off: /metrics is not served."),
]


def sample(name: str, **labels: str) -> float:
    body = APIClient().get("/metrics").content.decode()
    for family in text_string_to_metric_families(body):
        for metric_sample in family.samples:
            if metric_sample.name == name and metric_sample.labels == labels:
                return float(metric_sample.value)
    raise AssertionError(f"{name}{labels} is not at /metrics")


def test_a_sign_up_counts_one_and_its_verification_email_one(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    signups = sample("vitrin_signups_total", method="password")
    emails = sample("vitrin_emails_sent_total", kind="email_verification")
    body = {"username": "ada", "email": "ada@example.com", "password": "an-unusual-passphrase-42"}

    with django_capture_on_commit_callbacks(execute=True):
        created = api_client.post("/api/auth/register/", body, format="json")
        refused = api_client.post("/api/auth/register/", body, format="json")  # taken

    assert (created.status_code, refused.status_code) == (201, 400)
    assert sample("vitrin_signups_total", method="password") == signups + 1
    assert sample("vitrin_emails_sent_total", kind="email_verification") == emails + 1


def test_a_rolled_back_sign_up_counts_nothing(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    signups = sample("vitrin_signups_total", method="password")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        api_client.post(
            "/api/auth/register/",
            {"username": "ada", "email": "ada@example.com", "password": "an-unusual-passphrase-42"},
            format="json",
        )

    assert len(callbacks) == 2  # the e-mail and the count, both waiting for the commit
    assert sample("vitrin_signups_total", method="password") == signups


def test_a_launch_counts_one_and_a_draft_none(
    user: User, user_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    CategoryFactory.create(slug="developer-tools")
    launches = sample("vitrin_launches_total")

    with django_capture_on_commit_callbacks(execute=True):
        user_client.post("/api/products/", {"title": "Vitrin", "category": "developer-tools"})
        draft = user_client.post("/api/products/", {"title": "Later", "category": "developer-tools", "status": "draft"})
    after_launch_and_draft = sample("vitrin_launches_total")
    with django_capture_on_commit_callbacks(execute=True):
        user_client.patch(f"/api/products/{draft.json()['id']}/", {"status": "published"}, format="json")

    assert after_launch_and_draft == launches + 1
    assert sample("vitrin_launches_total") == launches + 2


def test_an_upvote_counts_once_however_often_it_is_sent(
    user_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    product = ProductFactory.create()
    upvotes = sample("vitrin_upvotes_total")

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            user_client.post(f"/api/products/{product.pk}/upvote/")

    assert sample("vitrin_upvotes_total") == upvotes + 1


def test_a_comment_counts_one(user_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks) -> None:
    product = ProductFactory.create()
    comments = sample("vitrin_comments_total")

    with django_capture_on_commit_callbacks(execute=True):
        response = user_client.post(f"/api/products/{product.pk}/comments/", {"content": "Nice."})

    assert response.status_code == 201
    assert sample("vitrin_comments_total") == comments + 1


def test_views_count_when_the_flush_writes_them(django_capture_on_commit_callbacks: CaptureCallbacks) -> None:
    product = ProductFactory.create()
    views = sample("vitrin_product_views_total")
    for viewer in ("a", "b", "c", "a"):
        product_view_count(product_id=product.pk, viewer=viewer)
    before_flush = sample("vitrin_product_views_total")

    with django_capture_on_commit_callbacks(execute=True):
        flush_view_counts.apply().get()

    assert before_flush == views
    assert sample("vitrin_product_views_total") == views + 3


def test_a_password_reset_email_counts_one(
    api_client: APIClient, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    UserFactory.create(email="ada@example.com")
    emails = sample("vitrin_emails_sent_total", kind="password_reset")

    with django_capture_on_commit_callbacks(execute=True):
        api_client.post("/api/auth/password/reset/", {"email": "ada@example.com"})

    assert sample("vitrin_emails_sent_total", kind="password_reset") == emails + 1
